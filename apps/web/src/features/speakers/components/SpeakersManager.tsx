import type { SpeakerCount } from "@factmark/core";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { errorMessage } from "../../../lib/ApiError";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser";
import { useRenameSpeakerMutation } from "../hooks/useRenameSpeakerMutation";
import { useSpeakerCountsQuery } from "../hooks/useSpeakerCountsQuery";
import "../speakers.css";

export interface SpeakersManagerProps {
  articleId: string;
}

/** What a speaker row is doing: only looked at, renamed in place, or merged into another speaker. */
type RowMode = { kind: "idle" } | { kind: "rename" } | { kind: "merge" };

/**
 * An article's speakers with how many claims name each. Reviewers and up rename one in place (a name another speaker
 * already has merges the two) or merge it into another by choosing that one; every claim naming it follows, and each
 * claim's history records it, so a claim's change can be undone there.
 */
export function SpeakersManager({ articleId }: SpeakersManagerProps) {
  const speakersQuery = useSpeakerCountsQuery(articleId);
  const { can } = useCurrentUser();
  const [notice, setNotice] = useState<string | null>(null);
  const headingId = useId();

  return (
    <section className="speakers-manager" aria-labelledby={headingId}>
      <h2 id={headingId} className="speakers-manager__heading">
        Speakers
      </h2>
      {speakersQuery.isPending ? (
        <p className="loading">Loading speakers…</p>
      ) : speakersQuery.isError ? (
        <p role="alert">Could not load the speakers: {errorMessage(speakersQuery.error)}</p>
      ) : speakersQuery.data.length === 0 ? (
        <p className="empty-state">No claim names a speaker yet.</p>
      ) : (
        <ul className="speakers-manager__list">
          {speakersQuery.data.map((speaker) => (
            <SpeakerRow
              key={speaker.name}
              articleId={articleId}
              speaker={speaker}
              others={speakersQuery.data.filter((other) => other.name !== speaker.name)}
              canEdit={can("claim.edit")}
              onDone={setNotice}
            />
          ))}
        </ul>
      )}
      <p className="speakers-manager__notice" role="status">
        {notice}
      </p>
    </section>
  );
}

interface SpeakerRowProps {
  articleId: string;
  speaker: SpeakerCount;
  /** The article's other speakers: what this one may be merged into. */
  others: SpeakerCount[];
  canEdit: boolean;
  /** Says what was done, for the section's notice. */
  onDone: (message: string) => void;
}

function SpeakerRow({ articleId, speaker, others, canEdit, onDone }: SpeakerRowProps) {
  const rename = useRenameSpeakerMutation(articleId);
  const [mode, setMode] = useState<RowMode>({ kind: "idle" });
  const [name, setName] = useState(speaker.name);
  const [target, setTarget] = useState("");
  const fieldRef = useRef<HTMLInputElement & HTMLSelectElement>(null);
  const actionsRef = useRef<HTMLButtonElement>(null);
  const fieldId = useId();
  const errorId = useId();
  const trimmed = name.trim();
  const mergesWith = others.find((other) => other.name === trimmed);

  // Every opened field receives focus.
  useEffect(() => {
    if (mode.kind !== "idle") fieldRef.current?.focus();
  }, [mode.kind]);

  function open(kind: RowMode["kind"]) {
    rename.reset();
    setName(speaker.name);
    setTarget("");
    setMode({ kind });
  }

  function close() {
    rename.reset();
    setMode({ kind: "idle" });
    // Back where the reviewer started, not lost on the page.
    window.requestAnimationFrame(() => actionsRef.current?.focus());
  }

  function submit(to: string) {
    if (to === "" || to === speaker.name) return close();
    rename.mutate(
      { from: speaker.name, to },
      {
        onSuccess: (renamed) => {
          const claims = renamed.renamedClaimCount === 1 ? "1 claim" : `${renamed.renamedClaimCount} claims`;
          onDone(
            renamed.isMerged
              ? `Merged “${speaker.name}” into “${to}” (${claims}).`
              : `Renamed “${speaker.name}” to “${to}” (${claims}).`,
          );
        },
      },
    );
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    submit(mode.kind === "merge" ? target : trimmed);
  }

  const count = speaker.claimCount === 1 ? "1 claim" : `${speaker.claimCount} claims`;
  if (mode.kind === "idle" || !canEdit) {
    return (
      <li className="speakers-manager__row">
        <span className="speakers-manager__name">{speaker.name}</span>
        <span className="speakers-manager__count">{count}</span>
        {canEdit && (
          <span className="speakers-manager__actions">
            <button
              ref={actionsRef}
              type="button"
              className="button button--quiet button--small"
              onClick={() => open("rename")}
              aria-label={`Rename “${speaker.name}”`}
            >
              Rename
            </button>
            {others.length > 0 && (
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => open("merge")}
                aria-label={`Merge “${speaker.name}” into another speaker`}
              >
                Merge…
              </button>
            )}
          </span>
        )}
      </li>
    );
  }

  return (
    <li className="speakers-manager__row speakers-manager__row--editing">
      <form className="speakers-manager__form" onSubmit={handleSubmit}>
        {mode.kind === "rename" ? (
          <>
            <label htmlFor={fieldId}>
              Rename “{speaker.name}” ({count}) to
            </label>
            <input
              id={fieldId}
              ref={fieldRef}
              value={name}
              maxLength={200}
              onChange={(event) => setName(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Escape") {
                  event.preventDefault();
                  close();
                }
              }}
              aria-invalid={rename.isError || undefined}
              aria-describedby={rename.isError ? errorId : undefined}
            />
            {mergesWith && (
              <p className="speakers-manager__hint">
                “{mergesWith.name}” is already a speaker ({mergesWith.claimCount}{" "}
                {mergesWith.claimCount === 1 ? "claim" : "claims"}): saving merges the two.
              </p>
            )}
          </>
        ) : (
          <>
            <label htmlFor={fieldId}>
              Merge “{speaker.name}” ({count}) into
            </label>
            <select
              id={fieldId}
              ref={fieldRef}
              value={target}
              onChange={(event) => setTarget(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Escape") {
                  event.preventDefault();
                  close();
                }
              }}
            >
              <option value="">Choose a speaker…</option>
              {others.map((other) => (
                <option key={other.name} value={other.name}>
                  {other.name} ({other.claimCount === 1 ? "1 claim" : `${other.claimCount} claims`})
                </option>
              ))}
            </select>
          </>
        )}
        {rename.isError && (
          <p id={errorId} className="form-error" role="alert">
            {errorMessage(rename.error)}
          </p>
        )}
        <span className="speakers-manager__actions">
          <button
            type="submit"
            className="button button--primary button--small"
            disabled={rename.isPending || (mode.kind === "merge" ? target === "" : trimmed === "")}
          >
            {mode.kind === "merge" || mergesWith ? "Merge" : "Save"}
          </button>
          <button type="button" className="button button--quiet button--small" onClick={close}>
            Cancel
          </button>
        </span>
      </form>
    </li>
  );
}
