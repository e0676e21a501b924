import { type ClaimStatus, changeEvent } from "@factmark/core";
import type { ClaimChange, ClaimEventInput } from "../repositories/claimRepository";

/** The statuses of a claim in review: the approvals of its current round stand only while it is in one. */
const IN_REVIEW: ReadonlySet<ClaimStatus> = new Set<ClaimStatus>(["ready-for-review", "approved"]);

/**
 * Whether a move ends the claim's review round, so the approvals given in it no longer count: any move out of
 * review (ready-for-review or approved) but the approval itself, and approved back to ready-for-review.
 */
export function endsReviewRound(from: ClaimStatus, to: ClaimStatus): boolean {
  return from !== to && IN_REVIEW.has(from) && !(from === "ready-for-review" && to === "approved");
}

/** What a write does to a claim's review: its new status and round, and the entries that say so. */
export interface ReviewStateChange {
  change: Pick<ClaimChange, "status" | "startsNewReviewRound">;
  events: ClaimEventInput[];
}

/**
 * The one rule of what a write does to a claim's place in review, for every writer of a claim or its evidence.
 *
 * - `requestedStatus` (a status set by hand, PATCH): the claim moves there, recorded as such.
 * - `isReviewedContentChanged` (its verdict, rationale or evidence changed): a claim in review or approved goes
 *   back to ready-for-review, recorded as "changed after review" when its status changes (an approved one), and
 *   starts a new round either way, so approvals of what it said before no longer count. A speaker is not
 *   reviewed content.
 *
 * A write that changes nothing of this answers no change and no entry.
 */
export function reviewStateAfter(
  status: ClaimStatus,
  write: { requestedStatus?: ClaimStatus | undefined; isReviewedContentChanged?: boolean },
): ReviewStateChange {
  const isContentChangedInReview = write.isReviewedContentChanged === true && IN_REVIEW.has(status);
  const requested = write.requestedStatus;
  if (requested !== undefined && requested !== status) {
    return {
      change: {
        status: requested,
        ...(endsReviewRound(status, requested) || isContentChangedInReview ? { startsNewReviewRound: true } : {}),
      },
      events: [changeEvent.statusChanged(status, requested)],
    };
  }
  if (!isContentChangedInReview) return { change: {}, events: [] };
  if (status === "ready-for-review") return { change: { startsNewReviewRound: true }, events: [] };
  return {
    change: { status: "ready-for-review", startsNewReviewRound: true },
    events: [changeEvent.reviewReopened(status)],
  };
}
