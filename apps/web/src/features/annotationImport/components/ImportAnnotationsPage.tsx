import type { AnnotationImportResult } from "@factmark/core";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { Link } from "wouter";
import { errorMessage } from "../../../lib/ApiError";
import { useArticleQuery } from "../../articles/hooks/useArticleQuery";
import { AccessNotice } from "../../auth/components/AccessNotice";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser";
import { FileDropZone } from "../../import/components/FileDropZone";
import { type AnnotationImportError, annotationImportError } from "../annotationImportError";
import { useImportAnnotationsMutation } from "../hooks/useImportAnnotationsMutation";
import {
  ANNOTATION_FILE_EXTENSIONS,
  checkAnnotationFile,
  MAX_ANNOTATION_DOCUMENT_BYTES,
  parseAnnotationJson,
} from "../parseAnnotationJson";
import { AnnotationImportResultView } from "./AnnotationImportResultView";
import "../annotationImport.css";

/** A file's text; FileReader where Blob.text is missing (older engines). */
function readFileText(file: File): Promise<string> {
  if (typeof file.text === "function") return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

/**
 * /articles/:id/import-annotations: adds a W3C Web Annotation document (a file, dropped or chosen, or pasted JSON)
 * to the article as claims and links, then lists what became of every item. Reviewers and up; anyone else reads why
 * not, before any form.
 */
export function ImportAnnotationsPage({ articleId }: { articleId: string }) {
  const { can } = useCurrentUser();
  const idPrefix = useId();
  const articleQuery = useArticleQuery(articleId);
  const importMutation = useImportAnnotationsMutation(articleId);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [pasted, setPasted] = useState("");
  const [isStrict, setIsStrict] = useState(false);
  const [inputError, setInputError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<AnnotationImportError | null>(null);
  const [result, setResult] = useState<AnnotationImportResult | null>(null);
  const [isReading, setIsReading] = useState(false);
  const resultHeadingRef = useRef<HTMLHeadingElement>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  const pastedRef = useRef<HTMLTextAreaElement>(null);
  const isPending = isReading || importMutation.isPending;
  const title = articleQuery.data?.title;

  useEffect(() => {
    document.title = title ? `Import annotations · ${title} · Factmark` : "Import annotations · Factmark";
  }, [title]);

  // The answer, or why there is none, takes the focus when it appears.
  useEffect(() => {
    if (result) resultHeadingRef.current?.focus();
  }, [result]);
  useEffect(() => {
    if (refusal) refusalRef.current?.focus();
  }, [refusal]);

  function handleFileChange(next: File | null) {
    setFile(next);
    setInputError(null);
    setFileError((next && checkAnnotationFile(next)) || undefined);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    setRefusal(null);
    setInputError(null);
    if (file && fileError) return;
    let text = pasted;
    if (file) {
      setIsReading(true);
      try {
        text = await readFileText(file);
      } catch {
        setIsReading(false);
        setFileError(`“${file.name}” could not be read. Choose it again.`);
        return;
      }
      setIsReading(false);
    }
    const parsed = parseAnnotationJson(text);
    if (!parsed.isValid) {
      if (file) setFileError(`“${file.name}”: ${parsed.message}`);
      else {
        setInputError(parsed.message);
        pastedRef.current?.focus();
      }
      return;
    }
    importMutation.mutate(
      { document: parsed.document, isStrict },
      {
        onSuccess: (answer) => {
          setResult(answer);
          setRefusal(null);
        },
        onError: (error) => {
          setResult(null);
          setRefusal(annotationImportError(error));
        },
      },
    );
  }

  // Said before any form: a role that cannot mark claims cannot import them.
  if (!can("claim.create")) {
    return <AccessNotice title="Import annotations" what="Importing annotations" action="claim.create" />;
  }
  if (articleQuery.isError) {
    return (
      <div className="page-message" role="alert">
        <h1>Could not open this article</h1>
        <p>{errorMessage(articleQuery.error)}</p>
        <Link href="/">Back to all articles</Link>
      </div>
    );
  }

  const articlePath = `/articles/${encodeURIComponent(articleId)}`;
  const pastedId = `${idPrefix}-pasted`;
  const strictId = `${idPrefix}-strict`;
  return (
    <section className="annotation-import-page" aria-labelledby={`${idPrefix}-heading`}>
      <Link href={articlePath} className="back-link">
        ← {title ? `Back to “${title}”` : "Back to the article"}
      </Link>
      <h1 id={`${idPrefix}-heading`}>Import annotations</h1>
      <p className="annotation-import-page__lead">
        Adds the annotations of a W3C Web Annotation document — from Hypothesis, Recogito, another Factmark or any tool
        that exports them — to {title ? `“${title}”` : "this article"} as claims. Each is placed by its quote; a tag
        like “False” or “True” sets the verdict, its text becomes the rationale, and its author is kept.
      </p>
      <form className="annotation-import-form" onSubmit={handleSubmit} aria-busy={isPending} noValidate>
        <FileDropZone
          label="A file"
          accept={[...ANNOTATION_FILE_EXTENSIONS, "application/json", "application/ld+json"]}
          maxBytes={MAX_ANNOTATION_DOCUMENT_BYTES}
          file={file}
          onFileChange={handleFileChange}
          error={fileError}
          idPrefix={idPrefix}
          isDisabled={isPending}
        />
        <div className="field">
          <label htmlFor={pastedId}>Or paste the JSON</label>
          <textarea
            id={pastedId}
            ref={pastedRef}
            className="annotation-import-form__paste"
            rows={8}
            spellCheck={false}
            value={pasted}
            disabled={file !== null || isPending}
            aria-invalid={inputError ? true : undefined}
            aria-describedby={`${pastedId}-help${inputError ? ` ${pastedId}-error` : ""}`}
            onChange={(event) => {
              setPasted(event.target.value);
              setInputError(null);
            }}
          />
          <p id={`${pastedId}-help`} className="field__help">
            {file
              ? `The file “${file.name}” is imported; remove it to paste instead.`
              : "One annotation, an array, an AnnotationCollection or AnnotationPage, or a Hypothesis search answer."}
          </p>
          {inputError && (
            <p id={`${pastedId}-error`} className="field__error">
              {inputError}
            </p>
          )}
        </div>
        <div className="annotation-import-form__strict">
          <input
            id={strictId}
            type="checkbox"
            checked={isStrict}
            disabled={isPending}
            aria-describedby={`${strictId}-help`}
            onChange={(event) => setIsStrict(event.target.checked)}
          />
          <label htmlFor={strictId}>Refuse all if any item does not anchor</label>
          <p id={`${strictId}-help`} className="field__help">
            Nothing is stored unless every annotation is anchored on the text or linked.
          </p>
        </div>
        <div className="field__actions">
          <button type="submit" className="button button--primary" disabled={isPending}>
            {isPending ? "Importing…" : "Import"}
          </button>
          {isPending && (
            <span className="loading" role="status">
              Placing the annotations on the article…
            </span>
          )}
        </div>
      </form>
      {refusal && (
        <div ref={refusalRef} className="annotation-import-refusal" role="alert" tabIndex={-1}>
          <h2>{refusal.title}</h2>
          <p>{refusal.message}</p>
          {refusal.issues.length > 0 && (
            <ul className="annotation-import-refusal__issues">
              {refusal.issues.map((issue) => (
                <li key={`${issue.path}: ${issue.message}`}>
                  {issue.path && <code>{issue.path}</code>} {issue.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {result && (
        <>
          <AnnotationImportResultView ref={resultHeadingRef} result={result} />
          <p>
            <Link href={articlePath} className="button">
              Back to the article
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
