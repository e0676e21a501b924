import {
  type Actor,
  AppError,
  type Claim,
  type HistoryEvent,
  type Principal,
  type UndoRequest,
  type UndoResult,
  ZEvidenceStance,
  ZVerdict,
} from "@factmark/core";
import { z } from "zod";
import type { Db } from "../../db/createDatabase";
import { findUndoTarget } from "../../domain/findUndoTarget";
import { preconditionFailed } from "../../domain/preconditionFailed";
import { requireClaim } from "../../domain/requireClaim";
import { setEvidenceDeleted } from "../../domain/setEvidenceDeleted";
import { setLinkDeleted } from "../../domain/setLinkDeleted";
import { authorize } from "../../policy/authorize";
import type { DbClient } from "../../repositories/articleRepository";
import { type ClaimChange, updateClaimIfVersion } from "../../repositories/claimRepository";
import { findClaimHistory, insertEvents, lockArticleForChanges } from "../../repositories/eventRepository";
import { findEvidence, updateEvidenceIfVersion } from "../../repositories/evidenceRepository";
import { findLink } from "../../repositories/linkRepository";

const ZLinkReference = z.object({ linkId: z.string() });
const ZEvidenceReference = z.object({ evidenceId: z.string() });
const ZEvidenceFieldsBefore = z.object({
  evidenceId: z.string(),
  url: z.string().optional(),
  title: z.string().nullable().optional(),
  excerpt: z.string().nullable().optional(),
  stance: ZEvidenceStance.optional(),
});
const ZClaimFieldBefore = {
  "claim.verdict_changed": z.object({ verdict: ZVerdict }),
  "claim.speaker_changed": z.object({ speaker: z.string().nullable() }),
  "claim.rationale_changed": z.object({ rationale: z.string() }),
} as const;

/**
 * Undoes the newest change of a claim that is not undone yet (see findUndoTarget) and records a
 * "claim.undone" entry naming it. A verdict, speaker or rationale goes back to its `from`; a link or
 * evidence that was added is removed, one that was removed comes back; a deletion is restored.
 *
 * Preconditions, both optional: If-Match with the claim's version (412 when stale), and `eventId`,
 * the entry the reviewer saw as undoable (409 when a newer change came in since). With nothing left
 * to undo, or when the change can no longer be reverted (the pair is linked again), 409.
 */
export async function undoClaimChange(
  db: Db,
  actor: Principal,
  claimId: string,
  request: UndoRequest,
  expectedVersion?: number,
): Promise<UndoResult> {
  authorize(actor, "claim.edit");
  return db.$transaction(async (tx) => {
    const { isDeleted, ...claim } = await requireClaim(tx, claimId, { includeDeleted: true });
    await lockArticleForChanges(tx, claim.articleId);
    if (expectedVersion !== undefined && expectedVersion !== claim.version) throw preconditionFailed("claim", claim);
    const history = await findClaimHistory(tx, claimId);
    const target = history ? findUndoTarget(history.events, isDeleted) : undefined;
    if (!target) throw new AppError("CONFLICT", "There is nothing to undo on this claim.", { undoableEventId: null });
    if (request.eventId !== undefined && request.eventId !== target.id) {
      throw new AppError("CONFLICT", "The claim changed since you looked: the last change is another one now.", {
        undoableEventId: target.id,
        current: target,
      });
    }
    const at = new Date();
    const after = await revert(tx, actor, claim, target, at);
    const [event] = await insertEvents(
      tx,
      claim.articleId,
      actor,
      [{ claimId, action: "claim.undone", from: { eventId: target.id, action: target.action } }],
      at,
    );
    if (!event) throw new Error("The undo entry was not recorded.");
    return { undone: { ...target, isUndone: true }, event, claim: after };
  });
}

/** Applies the reverse of one history entry; answers the claim as it is afterwards. */
async function revert(tx: DbClient, actor: Actor, claim: Claim, target: HistoryEvent, at: Date): Promise<Claim> {
  switch (target.action) {
    case "claim.verdict_changed":
    case "claim.speaker_changed":
    case "claim.rationale_changed": {
      const field = target.action.slice("claim.".length, -"_changed".length) as "verdict" | "speaker" | "rationale";
      const change = readEntry(ZClaimFieldBefore[target.action], { [field]: target.from });
      return changeClaim(tx, actor, claim, change, at);
    }
    case "claim.deleted":
      return changeClaim(tx, actor, claim, { deletedAt: null }, at);
    case "claim.restored":
      return changeClaim(tx, actor, claim, { deletedAt: at }, at);
    case "link.added":
    case "link.removed": {
      const { linkId } = readEntry(ZLinkReference, target.action === "link.added" ? target.to : target.from);
      const found = await findLink(tx, linkId);
      if (!found) throw new AppError("CONFLICT", "The link this change made is gone; it cannot be undone.");
      // The other claim records the link's change as usual; this claim records the undo.
      await setLinkDeleted(tx, actor, found, target.action === "link.added", at, claim.id);
      return claim;
    }
    case "evidence.added":
    case "evidence.removed":
    case "evidence.updated": {
      const value = target.action === "evidence.added" ? target.to : target.from;
      const { evidenceId } = readEntry(ZEvidenceReference, value);
      const found = await findEvidence(tx, evidenceId);
      if (!found) throw new AppError("CONFLICT", "The evidence this change touched is gone; it cannot be undone.");
      if (target.action !== "evidence.updated") {
        const isDeleting = target.action === "evidence.added";
        await setEvidenceDeleted(tx, actor, found, isDeleting, at, { isRecorded: false });
        return claim;
      }
      const { evidenceId: _evidenceId, ...before } = readEntry(ZEvidenceFieldsBefore, value);
      const isUpdated = await updateEvidenceIfVersion(
        tx,
        claim.articleId,
        evidenceId,
        found.evidence.version,
        before,
        at,
      );
      if (!isUpdated) throw preconditionFailed("evidence", found.evidence);
      return claim;
    }
    default:
      throw new AppError("CONFLICT", `A "${target.action}" entry cannot be undone.`);
  }
}

async function changeClaim(tx: DbClient, actor: Actor, claim: Claim, change: ClaimChange, at: Date): Promise<Claim> {
  const isUpdated = await updateClaimIfVersion(tx, claim, claim.version, change, [], actor, at);
  if (!isUpdated) throw preconditionFailed("claim", claim);
  const { deletedAt: _deletedAt, ...fields } = change;
  return { ...claim, ...fields, version: claim.version + 1, updatedAt: at.toISOString() };
}

/** Reads what an entry recorded; entries are written by this server, so a mismatch is a bug, not bad input. */
function readEntry<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new Error(`A history entry does not hold what its action records: ${parsed.error.message}`);
  return parsed.data;
}
