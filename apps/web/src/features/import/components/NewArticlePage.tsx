import type { Article } from "@factmark/core";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { Link, useLocation } from "wouter";
import { type ArticleDetailsField, EMPTY_ARTICLE_DETAILS } from "../../articles/articleDetailsValues";
import { ArticleDetailsFields } from "../../articles/components/ArticleDetailsFields";
import { AccessNotice } from "../../auth/components/AccessNotice";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser";
import { checkArticleFile } from "../checkArticleFile";
import { useCreateArticleMutation } from "../hooks/useCreateArticleMutation";
import { importErrorMessages } from "../importErrorMessages";
import {
  type ImportSource,
  type NewArticleDraft,
  type NewArticleErrors,
  type NewArticleField,
  parseNewArticle,
} from "../parseNewArticle";
import { FileDropZone } from "./FileDropZone";
import { ImportSourceTabs, importTabIds } from "./ImportSourceTabs";
import { PasteArea } from "./PasteArea";

const INITIAL_DRAFT: NewArticleDraft = {
  source: "paste",
  pasted: { html: null, text: "" },
  textFormat: "text",
  file: null,
  url: "",
  details: EMPTY_ARTICLE_DETAILS,
};

const SUBMIT_LABELS: Record<ImportSource, { idle: string; pending: string }> = {
  paste: { idle: "Add article", pending: "Adding the article…" },
  upload: { idle: "Upload and add", pending: "Uploading and reading the file…" },
  url: { idle: "Fetch and add", pending: "Fetching the page and reading the article…" },
};

const DETAILS_HINTS: Record<ImportSource, string | undefined> = {
  paste: undefined,
  upload: "Leave any of these blank to use the file's own title, or none.",
  url: "Leave any of these blank to use what the page says about itself.",
};

function articlePath(article: Article): string {
  return `/articles/${encodeURIComponent(article.id)}`;
}

/** /articles/new: a new article from pasted text, an uploaded file or a web address, with its details. */
export function NewArticlePage() {
  const { can } = useCurrentUser();
  const idPrefix = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [, navigate] = useLocation();
  const createArticle = useCreateArticleMutation();
  const [draft, setDraft] = useState(INITIAL_DRAFT);
  const [errors, setErrors] = useState<NewArticleErrors>({});
  const [refusalCount, setRefusalCount] = useState(0);
  // An imported article whose details could not be applied: the reviewer is told before moving on.
  const [importedWithoutDetails, setImportedWithoutDetails] = useState<{ article: Article; message: string } | null>(
    null,
  );
  const isPending = createArticle.isPending;

  useEffect(() => {
    document.title = "New article · Factmark";
  }, []);

  // After a refused submit, take the reviewer to the first field that needs fixing.
  useEffect(() => {
    if (refusalCount === 0 || !formRef.current) return;
    const invalid = formRef.current.querySelectorAll<HTMLElement>("[aria-invalid=true], .form-error");
    // A stale error may sit in a hidden tab panel; the one to fix is in view.
    Array.from(invalid)
      .find((element) => !element.closest("[hidden]"))
      ?.focus();
  }, [refusalCount]);

  function change(next: Partial<NewArticleDraft>, clears: NewArticleField[]) {
    setDraft((current) => ({ ...current, ...next }));
    setErrors((current) => {
      const { form: _form, ...rest } = current;
      for (const field of clears) delete rest[field];
      return rest;
    });
  }

  function handleDetailChange(field: ArticleDetailsField, value: string) {
    change({ details: { ...draft.details, [field]: value } }, [field]);
  }

  function handleFileChange(file: File | null) {
    change({ file }, ["file"]);
    // A wrong file is said at once, not after the reviewer has filled in the rest.
    const fileError = file && checkArticleFile(file);
    if (fileError) setErrors((current) => ({ ...current, file: fileError }));
  }

  function refuse(nextErrors: NewArticleErrors) {
    setErrors(nextErrors);
    setRefusalCount((count) => count + 1);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    const parsed = parseNewArticle(draft);
    if (!parsed.isValid) return refuse(parsed.errors);
    setErrors({});
    createArticle.mutate(parsed.request, {
      onSuccess: ({ article, detailsError }) => {
        if (!detailsError) return navigate(articlePath(article));
        const { form, ...byField } = importErrorMessages(detailsError, "url");
        setImportedWithoutDetails({ article, message: form ?? Object.values(byField)[0] ?? "" });
      },
      onError: (error) => refuse(importErrorMessages(error, draft.source)),
    });
  }

  if (importedWithoutDetails) {
    const { article, message } = importedWithoutDetails;
    return (
      <section className="new-article-page" aria-labelledby={`${idPrefix}-heading`}>
        <h1 id={`${idPrefix}-heading`}>Article imported</h1>
        <div className="page-message import-partial" role="alert">
          <p>
            “{article.title}” was imported, but the details you gave could not be applied to it. {message}
          </p>
          <p>Open the article and use “Edit details” to set them.</p>
          <Link href={articlePath(article)} className="button button--primary">
            Open the article
          </Link>
        </div>
      </section>
    );
  }

  const submitLabel = SUBMIT_LABELS[draft.source];
  const panel = (source: ImportSource) => ({
    role: "tabpanel",
    id: importTabIds(idPrefix, source).panel,
    "aria-labelledby": importTabIds(idPrefix, source).tab,
    hidden: draft.source !== source,
    className: "import-panel",
  });
  const urlError = errors.url;
  // Said before any form is filled: a role that cannot add articles never sees the form.
  if (!can("article.create"))
    return <AccessNotice title="New article" what="Adding an article" action="article.create" />;

  return (
    <section className="new-article-page" aria-labelledby={`${idPrefix}-heading`}>
      <Link href="/" className="back-link">
        ← All articles
      </Link>
      <h1 id={`${idPrefix}-heading`}>New article</h1>
      {/* The browser's own checks are off: the core schemas check, and say why next to the field. */}
      <form ref={formRef} className="new-article-form" onSubmit={handleSubmit} noValidate aria-busy={isPending}>
        <ImportSourceTabs selected={draft.source} onSelect={(source) => change({ source }, [])} idPrefix={idPrefix} />
        {/* The panels stay mounted while hidden, so switching tabs loses nothing already pasted or chosen. */}
        <div {...panel("paste")}>
          <PasteArea
            content={draft.pasted}
            onContentChange={(pasted) => change({ pasted }, ["content"])}
            textFormat={draft.textFormat}
            onTextFormatChange={(textFormat) => change({ textFormat }, ["content"])}
            error={errors.content}
            idPrefix={idPrefix}
          />
        </div>
        <div {...panel("upload")}>
          <FileDropZone file={draft.file} onFileChange={handleFileChange} error={errors.file} idPrefix={idPrefix} />
        </div>
        <div {...panel("url")}>
          <div className="field">
            <label htmlFor={`${idPrefix}-url`}>Web address of the article</label>
            <input
              id={`${idPrefix}-url`}
              type="url"
              inputMode="url"
              placeholder="https://"
              value={draft.url}
              aria-invalid={urlError ? true : undefined}
              aria-describedby={urlError ? `${idPrefix}-url-error ${idPrefix}-url-help` : `${idPrefix}-url-help`}
              onChange={(event) => change({ url: event.target.value }, ["url"])}
            />
            <p id={`${idPrefix}-url-help`} className="field__help">
              Factmark fetches the page and keeps the article's text, title, author, outlet and date.
            </p>
            {urlError && (
              <p id={`${idPrefix}-url-error`} className="field__error">
                {urlError}
              </p>
            )}
          </div>
        </div>

        <fieldset className="new-article-form__details">
          <legend>Details</legend>
          <ArticleDetailsFields
            values={draft.details}
            onChange={handleDetailChange}
            errors={errors}
            idPrefix={idPrefix}
            isTitleRequired={draft.source === "paste"}
            hint={DETAILS_HINTS[draft.source]}
          />
        </fieldset>

        {errors.form && (
          <p className="field__error form-error" role="alert" tabIndex={-1}>
            {errors.form}
          </p>
        )}
        <div className="field__actions">
          <button type="submit" className="button button--primary" disabled={isPending}>
            {isPending ? submitLabel.pending : submitLabel.idle}
          </button>
          <Link href="/" className="button button--quiet">
            Cancel
          </Link>
        </div>
        <p className="visually-hidden" role="status">
          {isPending ? submitLabel.pending : ""}
        </p>
      </form>
    </section>
  );
}
