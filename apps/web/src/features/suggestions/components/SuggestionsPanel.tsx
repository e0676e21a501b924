import {
  CONTRADICTION_TYPE_LABELS,
  type ContradictionCandidateAnswer,
  type SuggestedClaimAnswer,
} from "@factmark/core";
import { type ReactNode, useEffect, useId, useRef } from "react";
import { LoadErrorMessage, LoadingMessage } from "../../../components/QueryStateMessage";
import { clipAtWord, quoted } from "../displayText";
import type { SuggestionDesk } from "../hooks/useSuggestionDesk";
import { MORE_ROWS } from "../hooks/useSuggestionDesk";
import type { SuggestionItem } from "../suggestionItems";

export interface SuggestionsPanelProps {
  desk: SuggestionDesk;
  /** A candidate's side that is a claim already: show that claim. */
  onSelectClaim: (claimId: string) => void;
}

type CandidateSide = ContradictionCandidateAnswer["a"];

/** The longest value and reason shown in full; longer ones are cut at a word. */
const VALUE_LENGTH = 90;

/** A section's heading count: "12", or "100 of 3,776" while only the best are listed. */
function countOf(shown: number, total: number): string {
  return shown < total ? `${shown} of ${total}` : `${total}`;
}

/** The "Show more" button under a section listing only its best rows. */
function ShowMore({
  shown,
  total,
  noun,
  onClick,
}: {
  shown: number;
  total: number;
  noun: string;
  onClick: () => void;
}) {
  if (shown >= total) return null;
  return (
    <button type="button" className="button button--quiet suggestions__more" onClick={onClick}>
      Show {Math.min(MORE_ROWS, total - shown)} more {noun}
    </button>
  );
}

/** What accepting a candidate does, in words, by how many of its sides are claims already. */
function pairActionLabel(candidate: ContradictionCandidateAnswer): string {
  const unmarked = [candidate.a, candidate.b].filter((side) => !side.claimId).length;
  if (unmarked === 2) return "Mark both and link as contradicting";
  if (unmarked === 1) return "Mark it and link as contradicting";
  return "Link as contradicting";
}

function SpeakerLine({ speaker }: { speaker: SuggestedClaimAnswer["speaker"] | undefined }) {
  if (!speaker) return <p className="suggestion__speaker suggestion__speaker--none">No speaker found</p>;
  return (
    <p className="suggestion__speaker">
      <span className="suggestion__speaker-name">{speaker.name}</span>{" "}
      <span className="suggestion__how">({speaker.how})</span>
    </p>
  );
}

function Reasons({ reasons }: { reasons: readonly string[] }) {
  return (
    <ul className="suggestion__reasons" aria-label="Why">
      {reasons.map((reason) => (
        <li key={reason} className="suggestion__reason" title={reason.length > VALUE_LENGTH ? reason : undefined}>
          {clipAtWord(reason, VALUE_LENGTH)}
        </li>
      ))}
    </ul>
  );
}

function CandidateSideView({
  side,
  value,
  onSelectClaim,
}: {
  side: CandidateSide;
  value: string | undefined;
  onSelectClaim: (claimId: string) => void;
}) {
  const quote = quoted(side.selectors.quote.exact, 240);
  return (
    <div className="suggestion__side">
      {side.claimId ? (
        <button type="button" className="suggestion__quote" onClick={() => onSelectClaim(side.claimId as string)}>
          {quote} <span className="suggestion__marked">already a claim</span>
        </button>
      ) : (
        <p className="suggestion__quote">{quote}</p>
      )}
      <SpeakerLine speaker={side.speaker} />
      {value && (
        <p className="suggestion__value" title={value.length > VALUE_LENGTH ? value : undefined}>
          {clipAtWord(value, VALUE_LENGTH)}
        </p>
      )}
    </div>
  );
}

/**
 * The Suggestions tab: check-worthy sentences with their reasons and likely speaker, then contradiction
 * candidates with both quotes, their speakers, the type and the values behind it. Each row accepts (A) or
 * dismisses (X); J and K move between rows (the desk's shortcut table). Nothing changes until the reviewer acts.
 */
export function SuggestionsPanel({ desk, onSelectClaim }: SuggestionsPanelProps) {
  const headingId = useId();
  const { query, items, currentKey, busyKey, totals } = desk;
  const listRef = useRef<HTMLDivElement>(null);

  // The current row stays in view as J and K move through the list.
  useEffect(() => {
    if (currentKey === null) return;
    const row = listRef.current?.querySelector(`[data-suggestion-row="${CSS.escape(currentKey)}"]`);
    row?.scrollIntoView?.({ block: "nearest" });
  }, [currentKey]);

  const renderActions = (item: SuggestionItem, acceptLabel: string) => (
    <div className="suggestion__actions">
      <button
        type="button"
        className="button button--primary"
        aria-keyshortcuts="a"
        disabled={busyKey !== null}
        onClick={() => desk.accept(item)}
      >
        {acceptLabel} {item.key === currentKey && <kbd>A</kbd>}
      </button>
      <button
        type="button"
        className="button button--quiet"
        aria-keyshortcuts="x"
        disabled={busyKey !== null}
        onClick={() => desk.dismiss(item)}
      >
        Dismiss {item.key === currentKey && <kbd>X</kbd>}
      </button>
    </div>
  );

  const rowProps = (item: SuggestionItem) => ({
    "data-suggestion-row": item.key,
    className: `suggestion${item.key === currentKey ? " suggestion--current" : ""}${item.key === busyKey ? " suggestion--busy" : ""}`,
    "aria-current": item.key === currentKey ? ("true" as const) : undefined,
    onClick: () => desk.select(item.key),
  });

  let content: ReactNode;
  if (query.isPending) {
    content = <LoadingMessage what="suggestions" />;
  } else if (query.isError) {
    content = <LoadErrorMessage what="suggestions" onRetry={() => query.refetch()} />;
  } else if (!query.isCurrent) {
    content = (
      <p className="empty-state">
        The article has changed since these suggestions were found: they are asked for again on the new text.
      </p>
    );
  } else if (items.length === 0) {
    content = (
      <p className="empty-state">
        No suggestions left for this version of the article: every check-worthy sentence is marked or dismissed.
      </p>
    );
  } else {
    const claimRows = items.filter((item) => item.kind === "claim");
    const pairRows = items.filter((item) => item.kind === "contradiction");
    content = (
      <div ref={listRef}>
        <h3 className="suggestions__subheading">Check-worthy sentences ({countOf(claimRows.length, totals.claim)})</h3>
        {claimRows.length === 0 ? (
          <p className="empty-state">None left.</p>
        ) : (
          <ol className="suggestions__list">
            {claimRows.map((item) => (
              <li key={item.key} {...rowProps(item)}>
                <p className="suggestion__quote">{quoted(item.claim.selectors.quote.exact, 320)}</p>
                <SpeakerLine speaker={item.claim.speaker} />
                <Reasons reasons={item.claim.reasons} />
                {renderActions(item, "Accept as claim")}
              </li>
            ))}
          </ol>
        )}
        <ShowMore
          shown={claimRows.length}
          total={totals.claim}
          noun="sentences"
          onClick={() => desk.showMore("claim")}
        />
        <h3 className="suggestions__subheading">
          Contradiction candidates ({countOf(pairRows.length, totals.contradiction)})
        </h3>
        {pairRows.length === 0 ? (
          <p className="empty-state">No statements found that cannot both be true.</p>
        ) : (
          <ol className="suggestions__list">
            {pairRows.map((item) => (
              <li key={item.key} {...rowProps(item)}>
                <p className="suggestion__type">
                  {CONTRADICTION_TYPE_LABELS[item.candidate.type]}
                  {item.candidate.label && <span className="suggestion__label">{item.candidate.label}</span>}
                </p>
                <div className="suggestion__pair">
                  <CandidateSideView
                    side={item.candidate.a}
                    value={item.candidate.values.a}
                    onSelectClaim={onSelectClaim}
                  />
                  <span className="suggestion__versus" aria-hidden="true">
                    ≠
                  </span>
                  <CandidateSideView
                    side={item.candidate.b}
                    value={item.candidate.values.b}
                    onSelectClaim={onSelectClaim}
                  />
                </div>
                <Reasons reasons={item.candidate.reasons} />
                {renderActions(item, pairActionLabel(item.candidate))}
              </li>
            ))}
          </ol>
        )}
        <ShowMore
          shown={pairRows.length}
          total={totals.contradiction}
          noun="candidates"
          onClick={() => desk.showMore("contradiction")}
        />
      </div>
    );
  }

  return (
    <section className="suggestions" aria-labelledby={headingId}>
      <h2 id={headingId}>Suggestions</h2>
      <p className="suggestions__hint">
        Proposed from the text, with the reasons. Nothing changes until you accept: <kbd>A</kbd> accepts, <kbd>X</kbd>{" "}
        dismisses, <kbd>J</kbd>/<kbd>K</kbd> move.
      </p>
      {desk.notice && (
        <div className="suggestions__notice" role="status">
          <p>{desk.notice}</p>
          <button type="button" className="button button--quiet" onClick={desk.clearError}>
            Close
          </button>
        </div>
      )}
      {desk.error && (
        <div className="fact-form__error" role="alert">
          <p>{desk.error}</p>
          <button type="button" className="button button--quiet" onClick={desk.clearError}>
            Close
          </button>
        </div>
      )}
      {content}
    </section>
  );
}
