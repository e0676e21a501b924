import { type Claim, UNNAMED_SPEAKER, VERDICT_LABELS, VERDICTS, type Verdict } from "@factmark/core";
import { forwardRef, type ReactNode } from "react";
import { isPendingId } from "../../../lib/pendingId";
import { ClaimStatusBadge } from "../../workflow/components/ClaimStatusBadge";

export interface ClaimCardProps {
  claim: Claim;
  isSelected: boolean;
  isEmphasised?: boolean;
  onSelect: (claim: Claim) => void;
  onHover?: (claim: Claim | null) => void;
  onVerdictChange: (claim: Claim, verdict: Verdict) => void;
  onDelete: (claim: Claim) => void;
  /** Whether the signed-in reviewer may change or delete claims; viewers see them read-only. */
  canEdit?: boolean;
  canDelete?: boolean;
  /** Where the card sits in a list that renders only some of its cards (for screen readers: "12 of 2,000"). */
  position?: { index: number; total: number };
  /** What others are doing with the claim now (who is looking at it, who just changed it). */
  liveStatus?: ReactNode;
  /** What the selected claim shows beneath its summary. */
  children?: ReactNode;
  /**
   * Whether the card is the list's one Tab stop (roving tabindex): the others are reached by arrows. The selected
   * card's own controls (verdict, delete, details) are reachable by Tab too: they are the claim open now.
   */
  isTabStop?: boolean;
}

const QUOTE_PREVIEW_LENGTH = 180;

/**
 * One claim in the sidebar: its quote, speaker, status and assignee, its verdict (changeable), a delete button,
 * and its details when selected.
 */
export const ClaimCard = forwardRef<HTMLLIElement, ClaimCardProps>(function ClaimCard(
  {
    claim,
    isSelected,
    isEmphasised = false,
    onSelect,
    onHover,
    onVerdictChange,
    onDelete,
    canEdit = true,
    canDelete = true,
    position,
    liveStatus,
    children,
    isTabStop = true,
  },
  ref,
) {
  const { exact } = claim.selectors.quote;
  const preview = exact.length > QUOTE_PREVIEW_LENGTH ? `${exact.slice(0, QUOTE_PREVIEW_LENGTH)}…` : exact;
  const isPending = isPendingId(claim.id);
  const classes = ["claim-card", `claim-card--${claim.verdict}`];
  if (isSelected) classes.push("claim-card--selected");
  if (isEmphasised) classes.push("claim-card--linked");
  return (
    <li
      ref={ref}
      className={classes.join(" ")}
      aria-current={isSelected ? "true" : undefined}
      data-claim-id={claim.id}
      aria-posinset={position ? position.index + 1 : undefined}
      aria-setsize={position?.total}
      onMouseEnter={onHover ? () => onHover(claim) : undefined}
      onMouseLeave={onHover ? () => onHover(null) : undefined}
    >
      <button
        type="button"
        className="claim-card__quote"
        aria-expanded={isSelected}
        tabIndex={isTabStop ? 0 : -1}
        onClick={() => onSelect(claim)}
      >
        <span className="visually-hidden">Show claim in the text: </span>
        <bdi dir="auto">“{preview}”</bdi>
      </button>
      <p className="claim-card__speaker">{claim.speaker ? `— ${claim.speaker}` : UNNAMED_SPEAKER}</p>
      <p className="claim-card__workflow">
        <ClaimStatusBadge status={claim.status} />
        <span className="claim-card__assignee">
          {claim.assignee ? (
            <>
              <span className="visually-hidden">Assigned to </span>
              {claim.assignee.name}
            </>
          ) : (
            "Unassigned"
          )}
        </span>
      </p>
      {claim.isAnchorUnconfirmed && (
        <p className="claim-card__flag" title="An edit changed this claim's words: check that the verdict still fits">
          Moved — check it
        </p>
      )}
      {liveStatus}
      <div className="claim-card__actions">
        <label className="claim-card__verdict">
          <span className="visually-hidden">Verdict</span>
          <select
            value={claim.verdict}
            disabled={isPending || !canEdit}
            tabIndex={isSelected ? 0 : -1}
            onChange={(event) => onVerdictChange(claim, event.target.value as Verdict)}
          >
            {VERDICTS.map((verdict) => (
              <option key={verdict} value={verdict}>
                {VERDICT_LABELS[verdict]}
              </option>
            ))}
          </select>
        </label>
        {canDelete && (
          <button
            type="button"
            className="button button--quiet"
            disabled={isPending}
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onDelete(claim)}
            aria-label={`Delete claim “${preview.slice(0, 60)}”`}
          >
            Delete
          </button>
        )}
      </div>
      {children}
    </li>
  );
});
