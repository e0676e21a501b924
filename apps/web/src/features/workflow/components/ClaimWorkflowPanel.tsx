import {
  type Actor,
  CLAIM_STATUS_LABELS,
  type Claim,
  SETTABLE_CLAIM_STATUSES,
  type SettableClaimStatus,
  ZReviewCreate,
} from "@factmark/core";
import { type FormEvent, useId, useState } from "react";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser";
import { ClaimConflictDialog } from "../../claims/components/ClaimConflictDialog";
import { claimWorkflowRights } from "../claimWorkflowRights";
import { describeApprovals, describeReview } from "../describeReview";
import { useAssigneesQuery } from "../hooks/useAssigneesQuery";
import { useClaimWorkflowActions } from "../hooks/useClaimWorkflowActions";
import { useRequiredApprovals } from "../hooks/useRequiredApprovals";
import "../workflow.css";

const NOBODY: readonly Actor[] = [];

/** The statuses "Send for review" is the next step from. */
const BEFORE_REVIEW = new Set<Claim["status"]>(["to-check", "in-progress", "changes-requested"]);

/**
 * A claim's place in the desk's work, in its details (its card shows the status badge): approvals under a
 * two-person rule, the latest review, the assignee, and what the signed-in account may do about them. Editors assign; the assignee
 * (or an editor) moves the status and sends the claim for review; another editor approves or requests changes
 * with a note. Refusals show here; nothing typed is lost.
 */
export function ClaimWorkflowPanel({ claim }: { claim: Claim }) {
  const { user } = useCurrentUser();
  const rights = claimWorkflowRights(claim, user);
  const assigneesQuery = useAssigneesQuery(rights.canAssign);
  const requiredApprovals = useRequiredApprovals();
  const actions = useClaimWorkflowActions(claim);
  const headingId = useId();
  const assigneeId = useId();
  const statusId = useId();
  const approvals =
    claim.status === "ready-for-review" || claim.status === "approved"
      ? describeApprovals(claim.approvals, requiredApprovals)
      : null;
  const latestReview = claim.latestReview;
  // An approval a later change undid no longer says anything about the claim as it is.
  const isLatestReviewCurrent =
    latestReview !== null && (latestReview.decision === "request-changes" || claim.approvals > 0);

  return (
    <section className="claim-workflow" aria-labelledby={headingId}>
      <h3 id={headingId} className="field__label">
        Status and review
      </h3>
      {/* The card above shows the status; here, what it needs: approvals, and what the latest review asked. */}
      {approvals && <p className="claim-workflow__approvals">{approvals}</p>}
      {latestReview && isLatestReviewCurrent && (
        <p className={`claim-workflow__review claim-workflow__review--${latestReview.decision}`}>
          {describeReview(latestReview)}
        </p>
      )}
      {rights.canAssign ? (
        <div className="claim-workflow__row">
          <label htmlFor={assigneeId}>Assignee</label>
          <select
            id={assigneeId}
            value={claim.assignee?.id ?? ""}
            onChange={(event) => actions.assign(event.target.value === "" ? null : event.target.value)}
          >
            <option value="">Unassigned</option>
            {assigneeOptions(assigneesQuery.data ?? NOBODY, claim.assignee).map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
          {assigneesQuery.isError && (
            <button type="button" className="button button--small" onClick={() => assigneesQuery.refetch()}>
              Load the newsroom's people again
            </button>
          )}
        </div>
      ) : (
        <p className="claim-workflow__row">
          <span className="claim-workflow__label">Assignee</span> {claim.assignee?.name ?? "Unassigned"}
        </p>
      )}
      {rights.canSetStatus && (
        <div className="claim-workflow__row">
          <label htmlFor={statusId}>Status</label>
          <select
            id={statusId}
            value={claim.status}
            onChange={(event) => actions.setStatus(event.target.value as SettableClaimStatus)}
          >
            {/* Approved and changes requested come from reviews: shown when they are the status, never chosen. */}
            {!isSettable(claim.status) && (
              <option value={claim.status} disabled>
                {CLAIM_STATUS_LABELS[claim.status]}
              </option>
            )}
            {SETTABLE_CLAIM_STATUSES.map((status) => (
              <option key={status} value={status}>
                {CLAIM_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
          {BEFORE_REVIEW.has(claim.status) && (
            <button
              type="button"
              className="button button--small button--primary"
              onClick={() => actions.setStatus("ready-for-review")}
            >
              Send for review
            </button>
          )}
        </div>
      )}
      {rights.reviewBlockedReason && <p className="field__help">{rights.reviewBlockedReason}</p>}
      {rights.canReview && (
        <ReviewControls
          key={claim.id}
          isReviewing={actions.isReviewing}
          onReview={(review, onSuccess) => actions.review(review, { onSuccess })}
        />
      )}
      {actions.error && (
        <p className="field__error" role="alert">
          {actions.error}
        </p>
      )}
      {actions.conflict && (
        <ClaimConflictDialog
          conflict={actions.conflict}
          assignees={assigneesQuery.data}
          onResolve={actions.resolveConflict}
        />
      )}
    </section>
  );
}

function isSettable(status: Claim["status"]): status is SettableClaimStatus {
  return (SETTABLE_CLAIM_STATUSES as readonly string[]).includes(status);
}

/** The newsroom's people by name, with the claim's assignee among them even when the list has not loaded. */
function assigneeOptions(people: readonly Actor[], current: Actor | null): Actor[] {
  const options = current && !people.some((person) => person.id === current.id) ? [...people, current] : [...people];
  return options.sort((a, b) => a.name.localeCompare(b.name));
}

interface ReviewControlsProps {
  isReviewing: boolean;
  onReview: (
    review: { decision: "approve" } | { decision: "request-changes"; note: string },
    onSuccess: () => void,
  ) => void;
}

/** Approve, or request changes with a note saying what to change (required, checked by core's schema). */
function ReviewControls({ isReviewing, onReview }: ReviewControlsProps) {
  const [isRequestingChanges, setIsRequestingChanges] = useState(false);
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const noteId = useId();
  const noteErrorId = useId();

  const handleRequestChanges = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZReviewCreate.safeParse({ decision: "request-changes", note });
    if (!parsed.success) {
      setNoteError(parsed.error.issues[0]?.message ?? "Say what to change.");
      return;
    }
    setNoteError(null);
    onReview({ decision: "request-changes", note: parsed.data.note ?? "" }, () => {
      setNote("");
      setIsRequestingChanges(false);
    });
  };

  if (!isRequestingChanges) {
    return (
      <div className="field__actions">
        <button
          type="button"
          className="button button--small button--primary"
          disabled={isReviewing}
          onClick={() => onReview({ decision: "approve" }, () => {})}
        >
          {isReviewing ? "Saving…" : "Approve"}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={isReviewing}
          onClick={() => setIsRequestingChanges(true)}
        >
          Request changes
        </button>
      </div>
    );
  }
  return (
    <form className="claim-workflow__request field" onSubmit={handleRequestChanges} noValidate>
      <label htmlFor={noteId}>What to change</label>
      <textarea
        id={noteId}
        rows={3}
        value={note}
        required
        aria-invalid={noteError !== null}
        aria-describedby={noteError ? noteErrorId : undefined}
        onChange={(event) => setNote(event.target.value)}
        // biome-ignore lint/a11y/noAutofocus: the reviewer just asked to write the note
        autoFocus
      />
      {noteError && (
        <p id={noteErrorId} className="field__error">
          {noteError}
        </p>
      )}
      <div className="field__actions">
        <button type="submit" className="button button--small button--primary" disabled={isReviewing}>
          {isReviewing ? "Sending…" : "Send request"}
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setIsRequestingChanges(false);
            setNoteError(null);
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
