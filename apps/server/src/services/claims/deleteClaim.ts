import { type Actor, AppError, type Claim, changeEvent, type Principal } from "@factmark/core";
import { inArticleLine } from "../../db/articleWriteLine";
import type { Db } from "../../db/createDatabase";
import { preconditionFailed } from "../../domain/preconditionFailed";
import { placeRevivedClaim } from "../../domain/reanchorArticleClaims";
import { requireClaim, requireClaimUnderLock } from "../../domain/requireClaim";
import { authorize } from "../../policy/authorize";
import { updateClaimIfVersion } from "../../repositories/claimRepository";

/**
 * Deletes a claim so it can be restored: the row, its links and evidence stay, hidden from view.
 * If-Match is checked when given. Answers the claim as it was, for undo.
 */
export async function deleteClaim(db: Db, actor: Principal, id: string, expectedVersion?: number): Promise<Claim> {
  authorize(actor, "claim.delete");
  return setDeleted(db, actor, id, expectedVersion, true);
}

/**
 * Brings back a deleted claim with its links and evidence, placed on the article's text as it is now (a save while
 * it was deleted did not move it; see placeRevivedClaim): on its words where they went, else orphaned.
 */
export async function restoreClaim(db: Db, actor: Principal, id: string, expectedVersion?: number): Promise<Claim> {
  authorize(actor, "claim.delete");
  return setDeleted(db, actor, id, expectedVersion, false);
}

async function setDeleted(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
  isDeleting: boolean,
): Promise<Claim> {
  return inArticleLine(db, { claimId: id }, () =>
    db.$transaction(async (tx) => {
      const { isDeleted, ...current } = await requireClaimUnderLock(tx, id, { includeDeleted: true });
      if (isDeleted !== !isDeleting) {
        if (isDeleting) throw new AppError("NOT_FOUND", `No claim with id "${id}".`);
        throw new AppError("CONFLICT", "This claim is not deleted.", { current });
      }
      const version = expectedVersion ?? current.version;
      if (current.version !== version) throw preconditionFailed("claim", current);
      const at = new Date();
      const event = isDeleting ? changeEvent.claimDeleted(current) : changeEvent.claimRestored(current);
      const isChanged = await updateClaimIfVersion(
        tx,
        current,
        version,
        { deletedAt: isDeleting ? at : null },
        [event],
        actor,
        at,
      );
      if (!isChanged) throw preconditionFailed("claim", current);
      if (isDeleting) return { ...current, version: current.version + 1, updatedAt: at.toISOString() };
      await placeRevivedClaim(tx, current, at);
      const { isDeleted: _isDeleted, ...restored } = await requireClaim(tx, id);
      return restored;
    }),
  );
}
