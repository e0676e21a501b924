import {
  type Article,
  CONCLUSION_RATING_LABELS,
  CONCLUSION_RATINGS,
  type Conclusion,
  type ConclusionRating,
  ZConclusion,
} from "@factmark/core";
import { type Ref, useEffect, useId, useImperativeHandle, useRef, useState } from "react";
import {
  currentArticleOf,
  useUpdateArticleMetadataMutation,
} from "../../articles/hooks/useUpdateArticleMetadataMutation";
import { publishingErrorMessage } from "../publishingErrorMessage";
import { ConclusionView } from "./ConclusionView";

/** What the conclusion form holds: the rating as the select has it ("" for none chosen) and the summary as typed. */
interface ConclusionDraft {
  rating: ConclusionRating | "";
  summary: string;
}

type ConclusionErrors = Partial<Record<"rating" | "summary" | "form", string>>;

/** What the publishing panel may ask of the form: open it with the first field focused. */
export interface ConclusionFormHandle {
  edit: () => void;
}

export interface ConclusionFormProps {
  article: Article;
  /** Editors write the conclusion; everyone else reads it. */
  canEdit: boolean;
  ref?: Ref<ConclusionFormHandle>;
}

function draftOf(conclusion: Conclusion | null): ConclusionDraft {
  return { rating: conclusion?.rating ?? "", summary: conclusion?.summary ?? "" };
}

function isSameConclusion(a: Conclusion | null, b: Conclusion | null): boolean {
  return a?.rating === b?.rating && a?.summary === b?.summary;
}

/**
 * The article's conclusion: its overall rating and a summary with the rationale's light formatting, saved with
 * If-Match on the version the editor started from. When someone else saved the article first (412), the
 * editor's draft stays in the form; if they changed the conclusion too, theirs is shown beside it to keep or
 * overwrite.
 */
export function ConclusionForm({ article, canEdit, ref }: ConclusionFormProps) {
  const id = useId();
  const ratingRef = useRef<HTMLSelectElement>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const updateArticle = useUpdateArticleMetadataMutation();
  const [isEditing, setIsEditing] = useState(false);
  // The article the editor is writing against; after a 412, theirs.
  const [base, setBase] = useState(article);
  const [draft, setDraft] = useState(() => draftOf(article.conclusion));
  const [errors, setErrors] = useState<ConclusionErrors>({});
  // After a 412: their conclusion, when it differs from the one the editor started from; else "unchanged".
  const [conflict, setConflict] = useState<{ theirs: Conclusion | null } | "unchanged" | null>(null);
  const [notice, setNotice] = useState("");
  const [focusRequest, setFocusRequest] = useState(0);

  useImperativeHandle(ref, () => ({ edit: () => (isEditing ? setFocusRequest((count) => count + 1) : open()) }));

  useEffect(() => {
    if (focusRequest === 0) return;
    const form = ratingRef.current?.form;
    (form?.querySelector<HTMLElement>("[aria-invalid=true], .publishing-conflict") ?? ratingRef.current)?.focus();
  }, [focusRequest]);

  function open() {
    setBase(article);
    setDraft(draftOf(article.conclusion));
    setErrors({});
    setConflict(null);
    setNotice("");
    setIsEditing(true);
    setFocusRequest((count) => count + 1);
  }

  function close() {
    setIsEditing(false);
    setConflict(null);
    // The button is back once the form is gone.
    queueMicrotask(() => editButtonRef.current?.focus());
  }

  function save(against: Article) {
    const parsed = ZConclusion.safeParse(draft);
    if (!parsed.success) {
      const nextErrors: ConclusionErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === "rating" ? "rating" : "summary";
        nextErrors[field] ??= field === "rating" ? "Choose the overall rating." : issue.message;
      }
      setErrors(nextErrors);
      setFocusRequest((count) => count + 1);
      return;
    }
    if (isSameConclusion(parsed.data, against.conclusion)) return close();
    updateArticle.mutate(
      { article: against, change: { conclusion: parsed.data } },
      {
        onSuccess: (saved) => {
          setBase(saved);
          setNotice("Conclusion saved.");
          close();
        },
        onError: (error) => {
          const current = currentArticleOf(error);
          if (!current) {
            setErrors({ form: publishingErrorMessage(error, "The conclusion") });
            return;
          }
          setConflict(
            isSameConclusion(current.conclusion, against.conclusion) ? "unchanged" : { theirs: current.conclusion },
          );
          setBase(current);
          setErrors({});
          setFocusRequest((count) => count + 1);
        },
      },
    );
  }

  function handleKeepTheirs() {
    if (conflict === null || conflict === "unchanged") return;
    setDraft(draftOf(conflict.theirs));
    close();
  }

  if (!isEditing) {
    return (
      <section className="publishing-section" aria-labelledby={`${id}-heading`}>
        <div className="field__heading">
          <h3 id={`${id}-heading`}>Conclusion</h3>
          {canEdit && (
            <button ref={editButtonRef} type="button" className="button button--small" onClick={open}>
              {article.conclusion ? "Edit conclusion" : "Write conclusion"}
            </button>
          )}
        </div>
        {article.conclusion ? (
          <ConclusionView conclusion={article.conclusion} />
        ) : (
          <p className="empty-state">No conclusion yet. It opens the report and the public page.</p>
        )}
        <p className="visually-hidden" role="status">
          {notice}
        </p>
      </section>
    );
  }

  const isSaving = updateArticle.isPending;
  return (
    <section className="publishing-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Conclusion</h3>
      <form
        className="publishing-form"
        aria-label="Conclusion"
        noValidate
        aria-busy={isSaving}
        onSubmit={(event) => {
          event.preventDefault();
          if (!isSaving) save(base);
        }}
      >
        {conflict && (
          <div className="publishing-conflict" role="alert" tabIndex={-1}>
            {conflict === "unchanged" ? (
              <p>
                Someone else saved this article while you were writing, but not its conclusion. Your conclusion is still
                here: save again to apply it.
              </p>
            ) : (
              <>
                <p>
                  Someone else changed the conclusion while you were writing. Theirs is below; the form still holds
                  yours, and nothing is saved yet.
                </p>
                {conflict.theirs ? (
                  <ConclusionView conclusion={conflict.theirs} />
                ) : (
                  <p className="empty-state">They removed the conclusion.</p>
                )}
                <div className="field__actions">
                  <button type="button" className="button" onClick={handleKeepTheirs}>
                    Keep theirs
                  </button>
                  <button type="submit" className="button button--primary" disabled={isSaving}>
                    Save mine over theirs
                  </button>
                </div>
              </>
            )}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-rating`}>Overall rating</label>
          <select
            ref={ratingRef}
            id={`${id}-rating`}
            value={draft.rating}
            aria-invalid={errors.rating ? true : undefined}
            aria-describedby={errors.rating ? `${id}-rating-error` : undefined}
            onChange={(event) => {
              setDraft((current) => ({ ...current, rating: event.target.value as ConclusionRating | "" }));
              setErrors(({ rating: _rating, ...rest }) => rest);
            }}
          >
            <option value="">Choose a rating…</option>
            {CONCLUSION_RATINGS.map((rating) => (
              <option key={rating} value={rating}>
                {CONCLUSION_RATING_LABELS[rating]}
              </option>
            ))}
          </select>
          {errors.rating && (
            <p className="field__error" id={`${id}-rating-error`}>
              {errors.rating}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-summary`}>Summary</label>
          <textarea
            id={`${id}-summary`}
            rows={7}
            value={draft.summary}
            aria-invalid={errors.summary ? true : undefined}
            aria-describedby={`${id}-summary-help${errors.summary ? ` ${id}-summary-error` : ""}`}
            onChange={(event) => {
              setDraft((current) => ({ ...current, summary: event.target.value }));
              setErrors(({ summary: _summary, ...rest }) => rest);
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) event.currentTarget.form?.requestSubmit();
            }}
          />
          <p className="field__help" id={`${id}-summary-help`}>
            Blank lines start paragraphs, lines starting “- ” make a list, and http(s) links become links.
          </p>
          {errors.summary && (
            <p className="field__error" id={`${id}-summary-error`}>
              {errors.summary}
            </p>
          )}
        </div>
        {errors.form && (
          <p className="field__error" role="alert">
            {errors.form}
          </p>
        )}
        <div className="field__actions">
          <button type="submit" className="button button--primary" disabled={isSaving}>
            {isSaving ? "Saving…" : "Save conclusion"}
          </button>
          <button type="button" className="button button--quiet" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
