import { AppError, type Claim, changeEvent, type Principal } from "@factmark/core";
import { inArticleLine } from "../../db/articleWriteLine";
import type { Db } from "../../db/createDatabase";
import { preconditionFailed } from "../../domain/preconditionFailed";
import { requireClaimUnderLock } from "../../domain/requireClaim";
import { reviewStateAfter } from "../../domain/reviewStateAfter";
import { authorize } from "../../policy/authorize";
import { findClaim, updateClaimIfVersion } from "../../repositories/claimRepository";

/**
 * A reviewer's word that the place a save moved a claim to (a fuzzy match) is right: the
 * "moved — check it" flag is cleared and a "claim.anchor_confirmed" entry records where it stood. The words a
 * verdict rates are reviewed content: a claim in review or approved goes back to ready-for-review (reviewStateAfter).
 * CONFLICT when the claim awaits no confirmation; PRECONDITION_FAILED when `expectedVersion`
 * (If-Match, required: a confirmation is of the place the reviewer saw) is stale.
 */
export async function confirmClaimAnchor(
  db: Db,
  actor: Principal,
  id: string,
  expectedVersion: number,
): Promise<Claim> {
  authorize(actor, "claim.edit");
  return inArticleLine(db, { claimId: id }, () =>
    db.$transaction(async (tx) => {
      const { isDeleted: _isDeleted, ...current } = await requireClaimUnderLock(tx, id);
      if (current.version !== expectedVersion) throw preconditionFailed("claim", current);
      if (!current.isAnchorUnconfirmed) {
        throw new AppError("CONFLICT", "This claim's place needs no confirmation: no save moved it onto edited words.");
      }
      const at = new Date();
      const review = reviewStateAfter(current.status, { isReviewedContentChanged: true });
      const events = [changeEvent.anchorConfirmed(current.selectors), ...review.events];
      const change = { isAnchorUnconfirmed: false, ...review.change };
      const isUpdated = await updateClaimIfVersion(tx, current, current.version, change, events, actor, at);
      if (!isUpdated) throw preconditionFailed("claim", current);
      const updated = await findClaim(tx, id);
      if (!updated) throw new AppError("NOT_FOUND", `No claim with id "${id}".`);
      const { isDeleted: _gone, ...claim } = updated;
      return claim;
    }),
  );
}
