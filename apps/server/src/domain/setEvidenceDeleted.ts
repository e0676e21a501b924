import { type Actor, AppError, changeEvent, type Evidence } from "@factmark/core";
import type { DbClient } from "../repositories/articleRepository";
import { insertEvents, lockArticleForChanges } from "../repositories/eventRepository";
import { findEvidence, updateEvidenceIfVersion } from "../repositories/evidenceRepository";
import { preconditionFailed } from "./preconditionFailed";
import { reopenReviewOfClaim } from "./reopenReviewOfClaim";

type FoundEvidence = NonNullable<Awaited<ReturnType<typeof findEvidence>>>;

/**
 * Deletes or restores evidence inside the caller's transaction; records "evidence.removed" or
 * "evidence.added" on its claim unless the caller records the change its own way (an undo). A claim in
 * review or approved goes back to review (reopenReviewOfClaim).
 */
export async function setEvidenceDeleted(
  tx: DbClient,
  actor: Actor,
  found: FoundEvidence,
  isDeleting: boolean,
  at: Date,
  options: { expectedVersion?: number | undefined; isRecorded: boolean },
): Promise<Evidence> {
  await lockArticleForChanges(tx, found.claim.articleId);
  // Read again under the lock, in a statement that begins after it (PostgreSQL): the evidence changed, or its claim or
  // article deleted, by a write this one waited for is seen.
  const now = await findEvidence(tx, found.evidence.id);
  if (!now || now.claim.isDeleted) throw new AppError("NOT_FOUND", `No evidence with id "${found.evidence.id}".`);
  const { evidence: current, claim } = now;
  if (now.isDeleted === isDeleting) {
    throw new AppError("CONFLICT", isDeleting ? "This evidence is already removed." : "This evidence is not removed.", {
      current,
    });
  }
  const version = options.expectedVersion ?? current.version;
  if (current.version !== version) throw preconditionFailed("evidence", current);
  const isChanged = await updateEvidenceIfVersion(
    tx,
    claim.articleId,
    current.id,
    version,
    { deletedAt: isDeleting ? at : null },
    at,
  );
  if (!isChanged) throw preconditionFailed("evidence", current);
  if (options.isRecorded) {
    const event = isDeleting ? changeEvent.evidenceRemoved(current) : changeEvent.evidenceAdded(current);
    await insertEvents(tx, claim.articleId, actor, [{ claimId: claim.id, ...event }], at);
  }
  await reopenReviewOfClaim(tx, actor, claim.id, at);
  return { ...current, version: current.version + 1, updatedAt: at.toISOString() };
}
