import { type Actor, AppError, type Evidence, type Principal } from "@factmark/core";
import type { Db } from "../db/createDatabase";
import { authorize } from "../policy/authorize";
import type { DbClient } from "../repositories/articleRepository";
import { insertEvents } from "../repositories/eventRepository";
import { findEvidence, updateEvidenceIfVersion } from "../repositories/evidenceRepository";
import { evidenceEventValue } from "./evidenceEventValue";
import { requireVisibleEvidence } from "./getEvidence";
import { preconditionFailed } from "./preconditionFailed";

type FoundEvidence = NonNullable<Awaited<ReturnType<typeof findEvidence>>>;

/** Removes a piece of evidence so it can be restored; If-Match is checked when given. Answers it as it was. */
export async function deleteEvidence(
  db: Db,
  actor: Principal,
  id: string,
  expectedVersion?: number,
): Promise<Evidence> {
  authorize(actor, "evidence.delete");
  return db.$transaction(async (tx) => {
    const found = await requireVisibleEvidence(tx, id);
    return setEvidenceDeleted(tx, actor, found, true, new Date(), { expectedVersion, isRecorded: true });
  });
}

/** Brings back removed evidence (undo); its claim must be live. */
export async function restoreEvidence(
  db: Db,
  actor: Principal,
  id: string,
  expectedVersion?: number,
): Promise<Evidence> {
  authorize(actor, "evidence.delete");
  return db.$transaction(async (tx) => {
    const found = await findEvidence(tx, id);
    if (!found || found.claim.isDeleted) throw new AppError("NOT_FOUND", `No evidence with id "${id}".`);
    return setEvidenceDeleted(tx, actor, found, false, new Date(), { expectedVersion, isRecorded: true });
  });
}

/**
 * Deletes or restores evidence inside the caller's transaction; records "evidence.removed" or
 * "evidence.added" on its claim unless the caller records the change its own way (an undo).
 */
export async function setEvidenceDeleted(
  tx: DbClient,
  actor: Actor,
  found: FoundEvidence,
  isDeleting: boolean,
  at: Date,
  options: { expectedVersion?: number | undefined; isRecorded: boolean },
): Promise<Evidence> {
  const { evidence: current, claim } = found;
  if (found.isDeleted === isDeleting) {
    throw new AppError("CONFLICT", isDeleting ? "This evidence is already removed." : "This evidence is not removed.", {
      current,
    });
  }
  const version = options.expectedVersion ?? current.version;
  if (current.version !== version) throw preconditionFailed("evidence", current);
  const isChanged = await updateEvidenceIfVersion(tx, current.id, version, { deletedAt: isDeleting ? at : null }, at);
  if (!isChanged) throw preconditionFailed("evidence", current);
  if (options.isRecorded) {
    const value = evidenceEventValue(current);
    const event = isDeleting
      ? { claimId: claim.id, action: "evidence.removed" as const, from: value }
      : { claimId: claim.id, action: "evidence.added" as const, to: value };
    await insertEvents(tx, claim.articleId, actor, [event], at);
  }
  return { ...current, version: current.version + 1, updatedAt: at.toISOString() };
}
