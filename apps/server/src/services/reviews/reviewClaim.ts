import {
  AppError,
  CLAIM_STATUS_LABELS,
  type ClaimStatus,
  changeEvent,
  type Principal,
  type ReviewCreate,
  type ReviewResult,
} from "@factmark/core";
import { inArticleLine } from "../../db/articleWriteLine";
import type { Db } from "../../db/createDatabase";
import { timeOrderedId } from "../../db/timeOrderedId";
import { hasSetVerdict } from "../../domain/hasSetVerdict";
import { preconditionFailed } from "../../domain/preconditionFailed";
import { endsReviewRound } from "../../domain/reviewStateAfter";
import { authorize } from "../../policy/authorize";
import { findClaimInReview, findClaimReviewStatus, updateClaimIfVersion } from "../../repositories/claimRepository";
import { lockArticleForChanges } from "../../repositories/eventRepository";
import { countApprovals, insertReview, listReviewsInRound } from "../../repositories/reviewRepository";
import { findNewsroomSettings } from "../../repositories/settingsRepository";

/**
 * An editor's review of a claim as it stands (claim.review), if the claim is still at `expectedVersion`
 * (If-Match; PRECONDITION_FAILED otherwise). One transaction: the review is stored in the claim's current round,
 * the claim's status set, its version bumped and a "claim.reviewed" entry recorded.
 *
 * - approve: the claim is approved once as many editors as the newsroom requires (NewsroomSettings
 *   .requiredApprovals, 1 or 2) approved it in this round; until then it stays ready for review.
 * - request-changes (with a note): the claim goes to changes-requested, back to its assignee, and its round
 *   ends, so an approval given before the changes no longer counts.
 *
 * Refused, saying why: FORBIDDEN to whoever set the verdict, now or ever (hasSetVerdict: nobody reviews their own
 * verdict, even one another's undo put back); CONFLICT when the
 * claim is not ready for review, when an approval finds an unverified verdict (nothing to approve), and when the
 * editor already approved it in this round.
 */
export async function reviewClaim(
  db: Db,
  actor: Principal,
  claimId: string,
  expectedVersion: number,
  input: ReviewCreate,
): Promise<ReviewResult> {
  authorize(actor, "claim.review");
  return inArticleLine(db, { claimId }, () =>
    db.$transaction(async (tx) => {
      const located = await findClaimReviewStatus(tx, claimId);
      // Read under the article's change lock, the claim and its round's reviews are the latest: of two reviews
      // sent on one version, the second is told the claim changed, whichever server process it reached.
      if (located) await lockArticleForChanges(tx, located.articleId);
      const found = located && (await findClaimInReview(tx, claimId));
      if (!found) throw new AppError("NOT_FOUND", `No claim with id "${claimId}".`);
      const { claim, reviewRound } = found;
      if (claim.version !== expectedVersion) throw preconditionFailed("claim", claim);
      if (claim.verdictSetBy?.id === actor.id || (await hasSetVerdict(tx, claimId, actor.id, claim.verdict))) {
        throw new AppError("FORBIDDEN", "You set this verdict; another editor must review it.", {
          action: "claim.review",
          role: actor.role,
          reason: "own_verdict",
        });
      }
      if (claim.status !== "ready-for-review") {
        throw new AppError("CONFLICT", notReadyMessage(claim.status), { reason: "not_ready", status: claim.status });
      }
      const reviews = await listReviewsInRound(tx, claimId, reviewRound);
      let status: ClaimStatus = "changes-requested";
      if (input.decision === "approve") {
        if (claim.verdict === "unverified") {
          throw new AppError(
            "CONFLICT",
            "This claim's verdict is unverified: there is nothing to approve yet. Request changes instead.",
            { reason: "unverified" },
          );
        }
        if (reviews.some((review) => review.decision === "approve" && review.reviewerId === actor.id)) {
          throw new AppError(
            "CONFLICT",
            "You already approved this claim in this round; it needs another editor's approval.",
            { reason: "already_approved" },
          );
        }
        const { requiredApprovals } = await findNewsroomSettings(tx);
        const approvals = countApprovals(
          [...reviews, { decision: "approve", round: reviewRound, reviewerId: actor.id }],
          reviewRound,
        );
        status = approvals >= requiredApprovals ? "approved" : "ready-for-review";
      }
      const at = new Date();
      const review = await insertReview(
        tx,
        {
          id: timeOrderedId(),
          claimId,
          articleId: claim.articleId,
          decision: input.decision,
          note: input.note && input.note.length > 0 ? input.note : null,
          round: reviewRound,
        },
        actor,
        at,
      );
      const change = {
        status,
        ...(endsReviewRound(claim.status, status) ? { startsNewReviewRound: true } : {}),
      };
      const events = [changeEvent.claimReviewed(review, status)];
      const isUpdated = await updateClaimIfVersion(tx, claim, expectedVersion, change, events, actor, at);
      if (!isUpdated) throw preconditionFailed("claim", claim);
      const after = await findClaimInReview(tx, claimId);
      if (!after) throw new AppError("NOT_FOUND", `No claim with id "${claimId}".`);
      return { review, claim: after.claim };
    }),
  );
}

function notReadyMessage(status: ClaimStatus): string {
  if (status === "approved") return "This claim is already approved.";
  return `This claim is not ready for review: it is "${CLAIM_STATUS_LABELS[status]}". Its assignee sends it for review first.`;
}
