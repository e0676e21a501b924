import type { Actor } from "@factmark/core";
import type { DbClient } from "../repositories/articleRepository";
import { findClaimReviewStatus, updateClaimIfVersion } from "../repositories/claimRepository";
import { reviewStateAfter } from "./reviewStateAfter";

/**
 * For writers of a claim's evidence (add, edit, remove, restore, and their undo): a claim in review or approved
 * goes back to ready-for-review in a new round (reviewStateAfter), its row and version bumped and the change
 * recorded. Runs in the caller's transaction, after it took the article's change lock, so the status it reads
 * is the one it changes.
 */
export async function reopenReviewOfClaim(tx: DbClient, actor: Actor, claimId: string, at: Date): Promise<void> {
  const claim = await findClaimReviewStatus(tx, claimId);
  if (!claim) return;
  const { change, events } = reviewStateAfter(claim.status, { isReviewedContentChanged: true });
  if (Object.keys(change).length === 0) return;
  const isUpdated = await updateClaimIfVersion(tx, claim, claim.version, change, events, actor, at);
  // The article's change lock is held: no other write can have moved the claim since it was read.
  if (!isUpdated) throw new Error(`Claim ${claimId} changed while its article's change lock was held.`);
}
