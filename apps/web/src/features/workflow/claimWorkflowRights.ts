import { type Claim, claimStatusRefusal, type User } from "@factmark/core";
import { isPendingId } from "../../lib/pendingId";
import { can } from "../auth/can";

/** What the signed-in account may do to a claim's workflow now, and why not where the UI says so. */
export interface ClaimWorkflowRights {
  /** Editors assign a claim to someone, or to nobody. */
  canAssign: boolean;
  /** Move the status among to-check, in-progress and ready-for-review: editors on any claim, a reviewer on theirs. */
  canSetStatus: boolean;
  /** Offer Approve and Request changes: an editor, on a claim ready for review, whose verdict someone else set. */
  canReview: boolean;
  /** Why an editor is not offered a review of a claim that waits for one; null otherwise. */
  reviewBlockedReason: string | null;
}

export const OWN_VERDICT_REASON = "You set this verdict; another editor reviews it.";
export const ALREADY_APPROVED_REASON = "You approved this verdict; another editor approves it too.";

/**
 * The workflow rights of `user` on `claim`, by core's permission table and the claim's ownership (the server
 * checks the same and refuses anything else). A claim not stored yet (pending) offers nothing.
 */
export function claimWorkflowRights(
  claim: Pick<Claim, "id" | "status" | "assignee" | "createdBy" | "verdictSetBy" | "approvals" | "latestReview">,
  user: Pick<User, "id" | "role"> | null,
): ClaimWorkflowRights {
  if (!user || isPendingId(claim.id)) {
    return { canAssign: false, canSetStatus: false, canReview: false, reviewBlockedReason: null };
  }
  const canSetStatus = claimStatusRefusal(user, claim) === null;
  const waitsForReview = claim.status === "ready-for-review" && can(user, "claim.review");
  let reviewBlockedReason: string | null = null;
  if (waitsForReview && claim.verdictSetBy?.id === user.id) reviewBlockedReason = OWN_VERDICT_REASON;
  else if (
    waitsForReview &&
    claim.approvals > 0 &&
    claim.latestReview?.decision === "approve" &&
    claim.latestReview.by.id === user.id
  ) {
    reviewBlockedReason = ALREADY_APPROVED_REASON;
  }
  return {
    canAssign: can(user, "claim.assign"),
    canSetStatus,
    canReview: waitsForReview && reviewBlockedReason === null,
    reviewBlockedReason,
  };
}
