import { AppError } from "@factmark/core";
import type { DbClient } from "../repositories/articleRepository";
import { findClaim, findClaimReviewStatus } from "../repositories/claimRepository";
import { lockArticleForChanges } from "../repositories/eventRepository";

/** A claim with its selectors and `isDeleted` (deleted ones only with `includeDeleted`); NOT_FOUND otherwise. */
export async function requireClaim(db: DbClient, id: string, options?: { includeDeleted?: boolean }) {
  const claim = await findClaim(db, id, options);
  if (!claim) throw new AppError("NOT_FOUND", `No claim with id "${id}".`);
  return claim;
}

/**
 * requireClaim read under its article's change lock, taken first (the claim's article found before it: a claim never
 * moves): the read is a statement that begins after the lock, so on PostgreSQL a deletion of the claim or its article,
 * a restore or a new version, committed by the write this one waited for, is seen, and an If-Match check and a
 * refusal made from it carry the claim as it is now. `tx` must be a transaction; NOT_FOUND as requireClaim.
 */
export async function requireClaimUnderLock(tx: DbClient, id: string, options?: { includeDeleted?: boolean }) {
  const located = await findClaimReviewStatus(tx, id);
  if (located) await lockArticleForChanges(tx, located.articleId);
  return requireClaim(tx, id, options);
}
