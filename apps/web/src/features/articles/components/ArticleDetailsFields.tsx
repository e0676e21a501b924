import type { ReactNode } from "react";
import type { ArticleDetailsField, ArticleDetailsValues, FieldErrors } from "../articleDetailsValues";

export interface ArticleDetailsFieldsProps {
  values: ArticleDetailsValues;
  onChange: (field: ArticleDetailsField, value: string) => void;
  /** Errors by field, from the client's check or the server's answer. */
  errors: FieldErrors<string>;
  /** Unique per form: ties each field to its error message. */
  idPrefix: string;
  /** A new article from a file or a page may leave the title to the server. */
  isTitleRequired: boolean;
  /** Says where blank fields come from, e.g. "Leave blank to use the page's own." */
  hint?: ReactNode;
}

const LABELS: Record<ArticleDetailsField, string> = {
  title: "Title",
  outlet: "Outlet",
  author: "Author",
  sourceUrl: "Source URL",
  publishedAt: "Published",
};

/** An article's metadata fields (title, outlet, author, source URL, published date), each with its error beside it. */
export function ArticleDetailsFields({
  values,
  onChange,
  errors,
  idPrefix,
  isTitleRequired,
  hint,
}: ArticleDetailsFieldsProps) {
  function field(name: ArticleDetailsField, type: "text" | "url" | "date", label: string = LABELS[name]) {
    const inputId = `${idPrefix}-${name}`;
    const error = errors[name];
    return (
      <div className="field">
        <label htmlFor={inputId}>{label}</label>
        <input
          id={inputId}
          name={name}
          type={type}
          value={values[name]}
          placeholder={type === "url" ? "https://" : undefined}
          required={name === "title" && isTitleRequired}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          onChange={(event) => onChange(name, event.target.value)}
        />
        {error && (
          <p id={`${inputId}-error`} className="field__error">
            {error}
          </p>
        )}
      </div>
    );
  }

  return (
    <div className="article-details-fields">
      {hint && <p className="field__help article-details-fields__hint">{hint}</p>}
      {field("title", "text", isTitleRequired ? LABELS.title : `${LABELS.title} (optional)`)}
      <div className="article-details-fields__row">
        {field("outlet", "text")}
        {field("author", "text")}
      </div>
      <div className="article-details-fields__row">
        {field("sourceUrl", "url")}
        {field("publishedAt", "date")}
      </div>
    </div>
  );
}
