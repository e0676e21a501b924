import { type Article, type PublicationBlocker, ZPublicationCreate } from "@factmark/core";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { ApiError } from "../../../lib/ApiError";
import { publicationBlockersOf } from "../api";
import { formatPublicationDay } from "../formatPublicationDay";
import { usePublishMutation } from "../hooks/usePublishMutation";
import { publishingErrorMessage } from "../publishingErrorMessage";

/** Something the article itself lacks that the panel can point at: a field to fill in. */
export interface MissingField {
  /** What the button says: "Write the conclusion". */
  label: string;
  onGo: () => void;
}

export interface PublishSectionProps {
  article: Article;
  /** What the article lacks for its public page, by the panel's own reading of it (never by a blocker's words). */
  missingFields: readonly MissingField[];
  /** Selects a claim in the sidebar and shows it in the text. */
  onSelectClaim: (claimId: string) => void;
}

/**
 * The Publish button and what it answers: the first version goes out as it is; every later one is a correction
 * and needs a note, shown on the public page. When something blocks it (409), the blockers are listed in words,
 * each claim a button that selects it, and the fields the article lacks are pointed at.
 */
export function PublishSection({ article, missingFields, onSelectClaim }: PublishSectionProps) {
  const id = useId();
  const publish = usePublishMutation();
  const [correctionNote, setCorrectionNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [blockers, setBlockers] = useState<PublicationBlocker[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const blockersRef = useRef<HTMLDivElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const isCorrection = article.publication.latestVersion > 0;
  const nextVersion = article.publication.latestVersion + 1;

  useEffect(() => {
    if (blockers) blockersRef.current?.focus();
  }, [blockers]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (publish.isPending) return;
    setBlockers(null);
    setError(null);
    setNotice("");
    let note: string | undefined;
    if (isCorrection) {
      const parsed = ZPublicationCreate.safeParse({ correctionNote });
      note = parsed.success ? parsed.data.correctionNote : undefined;
      if (!parsed.success || !note) {
        setNoteError(
          parsed.success
            ? "Say what this version corrects: the note is shown on the public page."
            : (parsed.error.issues[0]?.message ?? "Not a valid note."),
        );
        noteRef.current?.focus();
        return;
      }
    }
    setNoteError(null);
    publish.mutate(
      { article, correctionNote: note },
      {
        onSuccess: (publication) => {
          setCorrectionNote("");
          setNotice(`Published version ${publication.version}.`);
        },
        onError: (failure) => {
          const found = publicationBlockersOf(failure);
          if (found) return setBlockers(found);
          if (failure instanceof ApiError && failure.code === "PRECONDITION_FAILED") {
            return setError(
              "The article changed while you were publishing. It now shows the latest version: check it, then publish again.",
            );
          }
          setError(publishingErrorMessage(failure, "The fact-check"));
        },
      },
    );
  }

  const claimBlockers = blockers?.filter((blocker) => blocker.claimId !== null) ?? [];
  const articleBlockers = blockers?.filter((blocker) => blocker.claimId === null) ?? [];
  const today = formatPublicationDay(new Date().toISOString());
  return (
    <section className="publishing-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{isCorrection ? "Publish a correction" : "Publish"}</h3>
      <form
        className="publishing-form"
        aria-label="Publish"
        noValidate
        onSubmit={handleSubmit}
        aria-busy={publish.isPending}
      >
        {isCorrection ? (
          <div className="field">
            <label htmlFor={`${id}-note`}>Correction note (required)</label>
            <textarea
              ref={noteRef}
              id={`${id}-note`}
              rows={3}
              required
              value={correctionNote}
              aria-invalid={noteError ? true : undefined}
              aria-describedby={`${id}-note-help${noteError ? ` ${id}-note-error` : ""}`}
              onChange={(event) => {
                setCorrectionNote(event.target.value);
                setNoteError(null);
              }}
            />
            <p className="field__help" id={`${id}-note-help`}>
              Appears on the public page as “Correction, {today}: …”. Earlier versions stay readable.
            </p>
            {noteError && (
              <p className="field__error" id={`${id}-note-error`}>
                {noteError}
              </p>
            )}
          </div>
        ) : (
          <p className="field__help">
            Publishing freezes the fact-check as it stands at a public address anyone can read, without signing in.
          </p>
        )}
        <div className="field__actions">
          <button type="submit" className="button button--primary" disabled={publish.isPending}>
            {publish.isPending ? "Publishing…" : isCorrection ? `Publish version ${nextVersion}` : "Publish"}
          </button>
        </div>
      </form>
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {blockers && (
        <div
          ref={blockersRef}
          className="publish-blockers"
          role="alert"
          tabIndex={-1}
          aria-labelledby={`${id}-blockers`}
        >
          <p id={`${id}-blockers`} className="publish-blockers__heading">
            Not published: {blockers.length === 1 ? "one thing needs" : `${blockers.length} things need`} settling
            first.
          </p>
          {articleBlockers.length > 0 && (
            <ul className="publish-blockers__list" aria-label="The article">
              {articleBlockers.map((blocker) => (
                <li key={blocker.reason}>{blocker.reason}</li>
              ))}
            </ul>
          )}
          {claimBlockers.length > 0 && (
            <ul className="publish-blockers__list" aria-label="Claims to settle">
              {claimBlockers.map((blocker) => (
                <li key={`${blocker.claimId}-${blocker.reason}`}>
                  {blocker.reason}{" "}
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => blocker.claimId && onSelectClaim(blocker.claimId)}
                  >
                    Show claim {blocker.number}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {missingFields.length > 0 && (
            <p className="publish-blockers__fill">
              Fill in:{" "}
              {missingFields.map((field) => (
                <button key={field.label} type="button" className="button button--small" onClick={field.onGo}>
                  {field.label}
                </button>
              ))}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
