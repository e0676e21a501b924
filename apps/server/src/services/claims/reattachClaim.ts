import { AppError, type Claim, type ClaimReattach, changeEvent, type Principal } from "@factmark/core";
import { inArticleLine } from "../../db/articleWriteLine";
import type { Db } from "../../db/createDatabase";
import { placeSelectors } from "../../domain/placeSelectors";
import { preconditionFailed } from "../../domain/preconditionFailed";
import { reopenReviewOfClaim } from "../../domain/reopenReviewOfClaim";
import { requireClaimUnderLock } from "../../domain/requireClaim";
import { authorize } from "../../policy/authorize";
import { findArticleText } from "../../repositories/articleRepository";
import { updateClaimAnchors } from "../../repositories/claimAnchorRepository";
import { findClaim } from "../../repositories/claimRepository";
import { insertEvents } from "../../repositories/eventRepository";

/**
 * Puts a claim (an orphan, usually) on new text of its article: the selectors are checked as a new
 * claim's are, the claim is anchored again (no longer orphaned) and the move is recorded. New words are reviewed
 * content: a claim in review or approved goes back to ready-for-review in a new round (reopenReviewOfClaim).
 * With `expectedVersion` (If-Match), a claim changed meanwhile is refused with 412.
 */
export async function reattachClaim(
  db: Db,
  actor: Principal,
  id: string,
  input: ClaimReattach,
  expectedVersion: number | undefined,
): Promise<Claim> {
  authorize(actor, "claim.edit");
  return inArticleLine(db, { claimId: id }, () =>
    db.$transaction(async (tx) => {
      // Under the lock an article save takes first, so the text cannot change before the claim is stored. Without
      // If-Match, the claim is reattached as a write this one waited for left it.
      const current = await requireClaimUnderLock(tx, id);
      if (expectedVersion !== undefined && current.version !== expectedVersion)
        throw preconditionFailed("claim", current);
      const article = await findArticleText(tx, current.articleId);
      if (!article) throw new AppError("NOT_FOUND", `No claim with id "${id}".`);
      const selectors = placeSelectors(article.text, input.selectors);
      const at = new Date();
      const isUpdated = await updateClaimAnchors(
        tx,
        current.articleId,
        [{ id, selectors, isOrphaned: false, isAnchorUnconfirmed: false }],
        at,
        current.version,
      );
      if (!isUpdated) throw preconditionFailed("claim", current);
      await insertEvents(
        tx,
        current.articleId,
        actor,
        [{ claimId: id, ...changeEvent.claimReattached(current, selectors) }],
        at,
      );
      await reopenReviewOfClaim(tx, actor, id, at);
      const updated = await findClaim(tx, id);
      if (!updated) throw new AppError("NOT_FOUND", `No claim with id "${id}".`);
      const { isDeleted: _isDeleted, ...claim } = updated;
      return claim;
    }),
  );
}
