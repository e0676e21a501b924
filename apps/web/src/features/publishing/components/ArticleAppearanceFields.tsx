import { type Article, ZArticleUpdate } from "@factmark/core";
import { type FormEvent, useState } from "react";
import { type FieldErrors, fieldErrorsOf } from "../../articles/articleDetailsValues";
import { useUpdateArticleMetadataMutation } from "../../articles/hooks/useUpdateArticleMetadataMutation";
import { publishingErrorMessage } from "../publishingErrorMessage";

const APPEARANCE_FIELDS = ["sourceUrl", "publishedAt"] as const;
type AppearanceField = (typeof APPEARANCE_FIELDS)[number];

/** The id of an appearance field, so that a blocker can point at it. */
export function appearanceFieldId(idPrefix: string, field: AppearanceField): string {
  return `${idPrefix}-appearance-${field}`;
}

/** Whether the public page lacks where the article appeared: its ClaimReview cites the source URL and date. */
export function isAppearanceMissing(article: Pick<Article, "sourceUrl" | "publishedAt">): boolean {
  return !article.sourceUrl || !article.publishedAt;
}

export interface ArticleAppearanceFieldsProps {
  article: Article;
  idPrefix: string;
}

/**
 * Asks for what the public page needs to cite the article when it is missing: its source URL and publication
 * date (the article details form holds them too). Saved with If-Match; what was typed stays on a refusal.
 */
export function ArticleAppearanceFields({ article, idPrefix }: ArticleAppearanceFieldsProps) {
  const updateArticle = useUpdateArticleMetadataMutation();
  const [values, setValues] = useState<Record<AppearanceField, string>>({
    sourceUrl: article.sourceUrl ?? "",
    publishedAt: article.publishedAt?.slice(0, 10) ?? "",
  });
  const [errors, setErrors] = useState<FieldErrors<AppearanceField>>({});

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (updateArticle.isPending) return;
    const change = Object.fromEntries(
      APPEARANCE_FIELDS.filter((field) => values[field].trim() !== "").map((field) => [field, values[field].trim()]),
    );
    if (Object.keys(change).length === 0) {
      setErrors({ sourceUrl: "Give the article's address, or its date." });
      return;
    }
    const parsed = ZArticleUpdate.safeParse(change);
    if (!parsed.success) {
      setErrors(fieldErrorsOf(APPEARANCE_FIELDS, parsed.error.issues));
      return;
    }
    setErrors({});
    updateArticle.mutate(
      { article, change: { sourceUrl: parsed.data.sourceUrl, publishedAt: parsed.data.publishedAt } },
      { onError: (error) => setErrors({ form: publishingErrorMessage(error, "The article's details") }) },
    );
  }

  function field(name: AppearanceField, type: "url" | "date", label: string) {
    const inputId = appearanceFieldId(idPrefix, name);
    const error = errors[name];
    const isMissing = name === "sourceUrl" ? !article.sourceUrl : !article.publishedAt;
    return (
      <div className="field">
        <label htmlFor={inputId}>
          {label}
          {isMissing && <span className="publishing-missing"> (missing)</span>}
        </label>
        <input
          id={inputId}
          type={type}
          value={values[name]}
          placeholder={type === "url" ? "https://" : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          onChange={(event) => {
            const value = event.target.value;
            setValues((current) => ({ ...current, [name]: value }));
            setErrors(({ form: _form, [name]: _field, ...rest }) => rest);
          }}
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
    <section className="publishing-section" aria-labelledby={`${idPrefix}-appearance-heading`}>
      <h3 id={`${idPrefix}-appearance-heading`}>Where the article appeared</h3>
      <p className="field__help">The public page cites the article with its address and publication date.</p>
      <form className="publishing-form" aria-label="Where the article appeared" noValidate onSubmit={handleSubmit}>
        {field("sourceUrl", "url", "Source URL")}
        {field("publishedAt", "date", "Publication date")}
        {errors.form && (
          <p className="field__error" role="alert">
            {errors.form}
          </p>
        )}
        <div className="field__actions">
          <button type="submit" className="button" disabled={updateArticle.isPending}>
            {updateArticle.isPending ? "Saving…" : "Save"}
          </button>
        </div>
      </form>
    </section>
  );
}
