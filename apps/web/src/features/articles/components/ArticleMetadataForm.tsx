import { type Article, type ArticleUpdate, ZArticleUpdate } from "@factmark/core";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { ApiError, errorMessage } from "../../../lib/ApiError";
import {
  ARTICLE_DETAILS_FIELDS,
  type ArticleDetailsField,
  type ArticleDetailsValues,
  articleDetailsValues,
  type FieldErrors,
  fieldErrorsOf,
  serverIssues,
} from "../articleDetailsValues";
import { currentArticleOf, useUpdateArticleMetadataMutation } from "../hooks/useUpdateArticleMetadataMutation";
import { ArticleDetailsFields } from "./ArticleDetailsFields";

type MetadataErrors = FieldErrors<ArticleDetailsField>;

const FIELD_LABELS: Record<ArticleDetailsField, string> = {
  title: "Title",
  outlet: "Outlet",
  author: "Author",
  sourceUrl: "Source URL",
  publishedAt: "Published",
};

/** The fields that differ from the article, as PATCH wants them: trimmed, blank as null. */
function metadataChange(article: Article, values: ArticleDetailsValues): Partial<Record<ArticleDetailsField, unknown>> {
  const stored = articleDetailsValues(article);
  const change: Partial<Record<ArticleDetailsField, unknown>> = {};
  for (const field of ARTICLE_DETAILS_FIELDS) {
    const value = values[field].trim();
    if (value === stored[field].trim()) continue;
    change[field] = field === "title" || value !== "" ? value : null;
  }
  return change;
}

/** What a reviewer reads when the details cannot be saved, chosen by code. 412 is shown apart, with their version. */
function saveErrors(error: unknown): MetadataErrors {
  if (!(error instanceof ApiError)) return { form: errorMessage(error) };
  switch (error.code) {
    case "VALIDATION_FAILED": {
      const errors = fieldErrorsOf(ARTICLE_DETAILS_FIELDS, serverIssues(error.details));
      return Object.keys(errors).length > 0
        ? errors
        : { form: "Some of these details are not valid. Check the fields." };
    }
    case "PRECONDITION_FAILED":
      return { form: "Someone else changed this article meanwhile. Reload the page to see their version." };
    case "NOT_FOUND":
      return { form: "This article is gone: someone may have deleted it." };
    case "UNAUTHENTICATED":
      return { form: "You are signed out. Sign in again, then save." };
    case "FORBIDDEN":
      return { form: "Your account may not change this article." };
    case "NETWORK":
      return { form: error.message };
    default:
      return { form: "The details could not be saved. Try again in a moment." };
  }
}

function shown(value: string): string {
  return value.trim() === "" ? "—" : value;
}

export interface ArticleMetadataFormProps {
  article: Article;
}

/**
 * "Edit details" on the article page: title, outlet, author, source URL and published date, saved
 * with If-Match. When someone else saved first (412), their details are shown beside the
 * reviewer's, and the form holds the reviewer's changes replayed on theirs: keep theirs, or save
 * the reviewer's changes over them.
 */
export function ArticleMetadataForm({ article }: ArticleMetadataFormProps) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const updateMetadata = useUpdateArticleMetadataMutation();
  const [isOpen, setIsOpen] = useState(false);
  // The version the reviewer is editing against; after a 412, theirs.
  const [base, setBase] = useState(article);
  const [values, setValues] = useState(() => articleDetailsValues(article));
  const [errors, setErrors] = useState<MetadataErrors>({});
  // After a 412: their article, and the fields that either side changed.
  const [conflict, setConflict] = useState<{ theirs: Article; fields: ArticleDetailsField[] } | null>(null);
  const [notice, setNotice] = useState("");
  const [refusalCount, setRefusalCount] = useState(0);

  useEffect(() => {
    if (refusalCount > 0)
      formRef.current?.querySelector<HTMLElement>("[aria-invalid=true], .metadata-conflict")?.focus();
  }, [refusalCount]);

  function open() {
    setBase(article);
    setValues(articleDetailsValues(article));
    setErrors({});
    setConflict(null);
    setNotice("");
    setIsOpen(true);
  }

  function close() {
    setIsOpen(false);
    toggleRef.current?.focus();
  }

  function handleChange(field: ArticleDetailsField, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors(({ form: _form, [field]: _field, ...rest }) => rest);
  }

  function refuse(nextErrors: MetadataErrors) {
    setErrors(nextErrors);
    setRefusalCount((count) => count + 1);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (updateMetadata.isPending) return;
    const change = metadataChange(base, values);
    if (Object.keys(change).length === 0) {
      close();
      return;
    }
    const parsed = ZArticleUpdate.safeParse(change);
    if (!parsed.success) return refuse(fieldErrorsOf(ARTICLE_DETAILS_FIELDS, parsed.error.issues));
    const { doc: _doc, ...metadata }: ArticleUpdate = parsed.data;
    updateMetadata.mutate(
      { article: base, change: metadata },
      {
        onSuccess: (saved) => {
          setBase(saved);
          setConflict(null);
          setNotice("Details saved.");
          close();
        },
        onError: (error) => {
          const current = currentArticleOf(error);
          if (!current) return refuse(saveErrors(error));
          // The reviewer's changes are replayed on their version: fields the reviewer left alone take theirs.
          const theirValues = articleDetailsValues(current);
          const changed = Object.keys(change) as ArticleDetailsField[];
          setValues({ ...theirValues, ...Object.fromEntries(changed.map((field) => [field, values[field]])) });
          const original = articleDetailsValues(base);
          setConflict({
            theirs: current,
            fields: ARTICLE_DETAILS_FIELDS.filter(
              (field) => changed.includes(field) || original[field] !== theirValues[field],
            ),
          });
          setBase(current);
          setErrors({});
          setRefusalCount((count) => count + 1);
        },
      },
    );
  }

  function handleKeepTheirs() {
    if (!conflict) return;
    setValues(articleDetailsValues(conflict.theirs));
    setConflict(null);
  }

  const theirValues = conflict && articleDetailsValues(conflict.theirs);
  return (
    <div className="article-metadata">
      <button
        ref={toggleRef}
        type="button"
        className="button article-metadata__toggle"
        aria-expanded={isOpen}
        aria-controls={`${id}-form`}
        onClick={isOpen ? close : open}
      >
        Edit details
      </button>
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      {isOpen && (
        <form
          ref={formRef}
          id={`${id}-form`}
          className="article-metadata__form"
          aria-label="Article details"
          onSubmit={handleSubmit}
          noValidate
          aria-busy={updateMetadata.isPending}
        >
          {conflict && theirValues && (
            <div className="metadata-conflict" role="alert" tabIndex={-1}>
              <p>
                Someone else saved this article while you were editing its details.{" "}
                {conflict.fields.length > 0
                  ? "Their details are below beside yours. The form holds your changes on top of theirs; nothing is saved yet."
                  : "They changed the text, not these details: save again to apply yours."}
              </p>
              {conflict.fields.length > 0 && (
                <table className="conflict-table">
                  <thead>
                    <tr>
                      <th scope="col">
                        <span className="visually-hidden">Field</span>
                      </th>
                      <th scope="col">Their version</th>
                      <th scope="col">Yours</th>
                    </tr>
                  </thead>
                  <tbody>
                    {conflict.fields.map((field) => (
                      <tr key={field}>
                        <th scope="row">{FIELD_LABELS[field]}</th>
                        <td>{shown(theirValues[field])}</td>
                        <td>{shown(values[field])}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <div className="field__actions">
                <button type="button" className="button" onClick={handleKeepTheirs}>
                  Keep theirs
                </button>
                <button type="submit" className="button button--primary" disabled={updateMetadata.isPending}>
                  Save mine over theirs
                </button>
              </div>
            </div>
          )}
          <ArticleDetailsFields values={values} onChange={handleChange} errors={errors} idPrefix={id} isTitleRequired />
          {errors.form && (
            <p className="field__error" role="alert">
              {errors.form}
            </p>
          )}
          <div className="field__actions">
            <button type="submit" className="button button--primary" disabled={updateMetadata.isPending}>
              {updateMetadata.isPending ? "Saving…" : "Save details"}
            </button>
            <button type="button" className="button button--quiet" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
