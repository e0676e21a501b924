import { type Claim, VERDICT_LABELS, VERDICTS, type Verdict } from "@factmark/core";
import { forwardRef } from "react";

export interface ClaimCardProps {
  claim: Claim;
  isSelected: boolean;
  onSelect: (claim: Claim) => void;
  onVerdictChange: (claim: Claim, verdict: Verdict) => void;
  onDelete: (claim: Claim) => void;
}

const QUOTE_PREVIEW_LENGTH = 180;

/** One claim in the sidebar: its quote, its verdict (changeable) and a delete button. */
export const ClaimCard = forwardRef<HTMLLIElement, ClaimCardProps>(function ClaimCard(
  { claim, isSelected, onSelect, onVerdictChange, onDelete },
  ref,
) {
  const { exact } = claim.selectors.quote;
  const preview = exact.length > QUOTE_PREVIEW_LENGTH ? `${exact.slice(0, QUOTE_PREVIEW_LENGTH)}…` : exact;
  const isPending = claim.id.startsWith("pending-");
  return (
    <li
      ref={ref}
      className={`claim-card claim-card--${claim.verdict}${isSelected ? " claim-card--selected" : ""}`}
      aria-current={isSelected ? "true" : undefined}
      data-claim-id={claim.id}
    >
      <button type="button" className="claim-card__quote" onClick={() => onSelect(claim)}>
        <span className="visually-hidden">Show claim in the text: </span>“{preview}”
      </button>
      {claim.speaker && <p className="claim-card__speaker">— {claim.speaker}</p>}
      <div className="claim-card__actions">
        <label className="claim-card__verdict">
          <span className="visually-hidden">Verdict</span>
          <select
            value={claim.verdict}
            disabled={isPending}
            onChange={(event) => onVerdictChange(claim, event.target.value as Verdict)}
          >
            {VERDICTS.map((verdict) => (
              <option key={verdict} value={verdict}>
                {VERDICT_LABELS[verdict]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button--quiet"
          disabled={isPending}
          onClick={() => onDelete(claim)}
          aria-label={`Delete claim “${preview.slice(0, 60)}”`}
        >
          Delete
        </button>
      </div>
    </li>
  );
});
