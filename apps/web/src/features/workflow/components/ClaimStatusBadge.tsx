import { CLAIM_STATUS_LABELS, type ClaimStatus } from "@factmark/core";
import "../workflow.css";

/** Where a claim is in the desk's work, as a small badge: "Ready for review". */
export function ClaimStatusBadge({ status }: { status: ClaimStatus }) {
  return (
    <span className={`status-badge status-badge--${status}`}>
      <span className="visually-hidden">Status: </span>
      {CLAIM_STATUS_LABELS[status]}
    </span>
  );
}
