import type { NewsroomSpeakerDetail } from "@factmark/core";
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { useLocation } from "wouter";
import { useNotice } from "../../../components/useNotice";
import { errorMessage } from "../../../lib/ApiError";
import { useDelayedValue } from "../../../lib/useDelayedValue";
import { useMergeNewsroomSpeakerMutation } from "../hooks/useNewsroomSpeakerMutations";
import { useNewsroomSpeakersQuery } from "../hooks/useNewsroomSpeakersQuery";
import { countOf } from "./SpeakersPage";

export interface MergeSpeakerFormProps {
  speaker: NewsroomSpeakerDetail;
}

/** What the form is at: closed, choosing the speaker to merge into, or asking to confirm. */
type Step = { kind: "closed" } | { kind: "choose" } | { kind: "confirm"; intoId: string };

/**
 * "Merge into…": choose another speaker (a filter narrows the list), confirm, and this speaker's spellings and claims
 * become that one's; the page then shows the speaker merged into, with a notice. Escape or Cancel closes it, and
 * focus goes back to the button that opened it.
 */
export function MergeSpeakerForm({ speaker }: MergeSpeakerFormProps) {
  const id = useId();
  const [, navigate] = useLocation();
  const { showNotice } = useNotice();
  const merge = useMergeNewsroomSpeakerMutation(speaker.id);
  const [step, setStep] = useState<Step>({ kind: "closed" });
  const [filter, setFilter] = useState("");
  const [chosen, setChosen] = useState("");
  const query = useDelayedValue(filter.trim(), 250);
  const candidatesQuery = useNewsroomSpeakersQuery(query);
  const openerRef = useRef<HTMLButtonElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const candidates = (candidatesQuery.data ?? []).filter((candidate) => candidate.id !== speaker.id);
  const into =
    step.kind === "confirm"
      ? (candidatesQuery.data ?? []).find((candidate) => candidate.id === step.intoId)
      : undefined;

  useEffect(() => {
    if (step.kind === "choose") filterRef.current?.focus();
    if (step.kind === "confirm") confirmRef.current?.focus();
  }, [step.kind]);

  function close() {
    merge.reset();
    setStep({ kind: "closed" });
    setFilter("");
    setChosen("");
    window.requestAnimationFrame(() => openerRef.current?.focus());
  }

  function handleChoose(event: FormEvent) {
    event.preventDefault();
    if (chosen) setStep({ kind: "confirm", intoId: chosen });
  }

  function handleMerge() {
    if (step.kind !== "confirm") return;
    const intoName = into?.name ?? "the other speaker";
    merge.mutate(step.intoId, {
      onSuccess: (merged) => {
        showNotice({
          message: `Merged “${speaker.name}” into “${intoName}”: ${countOf(merged.claimCount, "claim")} now.`,
          tone: "info",
        });
        navigate(`/speakers/${encodeURIComponent(merged.id)}`);
      },
    });
  }

  function handleKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  }

  if (step.kind === "closed") {
    return (
      <button ref={openerRef} type="button" className="button" onClick={() => setStep({ kind: "choose" })}>
        Merge into…
      </button>
    );
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the form closes it; the controls take the keys.
    <div className="merge-form" onKeyDown={handleKeyDown}>
      {step.kind === "choose" ? (
        <form onSubmit={handleChoose} aria-labelledby={`${id}-heading`}>
          <h3 id={`${id}-heading`} className="merge-form__heading">
            Merge “{speaker.name}” into another speaker
          </h3>
          <div className="field">
            <label htmlFor={`${id}-filter`}>Find the speaker</label>
            <input
              id={`${id}-filter`}
              ref={filterRef}
              type="search"
              value={filter}
              maxLength={200}
              autoComplete="off"
              onChange={(event) => setFilter(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-into`}>Merge into</label>
            <select
              id={`${id}-into`}
              size={Math.min(6, Math.max(2, candidates.length))}
              value={chosen}
              onChange={(event) => setChosen(event.target.value)}
              aria-busy={candidatesQuery.isFetching || undefined}
            >
              {candidates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name} ({countOf(candidate.claimCount, "claim")})
                </option>
              ))}
            </select>
            {candidatesQuery.isError ? (
              <p className="field__error" role="alert">
                Could not load the speakers: {errorMessage(candidatesQuery.error)}
              </p>
            ) : (
              !candidatesQuery.isPending &&
              candidates.length === 0 && <p className="field__help">No other speaker matches.</p>
            )}
          </div>
          <div className="field__actions">
            <button type="submit" className="button button--primary button--small" disabled={!chosen}>
              Merge…
            </button>
            <button type="button" className="button button--quiet button--small" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="merge-form__confirm">
          <p id={`${id}-confirm`} className="merge-form__question">
            Merge “{speaker.name}” ({countOf(speaker.claimCount, "claim")}) into “{into?.name ?? "…"}”
            {into ? ` (${countOf(into.claimCount, "claim")})` : ""}? Its spellings and claims become the other's, and
            this page goes. The claims keep their spelling.
          </p>
          {merge.isError && (
            <p className="field__error" role="alert">
              Could not merge: {errorMessage(merge.error)}
            </p>
          )}
          <div className="field__actions">
            <button
              ref={confirmRef}
              type="button"
              aria-describedby={`${id}-confirm`}
              className="button button--primary button--small"
              onClick={handleMerge}
              disabled={merge.isPending}
            >
              {merge.isPending ? "Merging…" : "Merge"}
            </button>
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => setStep({ kind: "choose" })}
              disabled={merge.isPending}
            >
              Back
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
