import {
  type Actor,
  AppError,
  type Claim,
  changeEvent,
  isUndoableChange,
  type Principal,
  type UndoableChangeEvent,
  type UndoRequest,
  type UndoResult,
} from "@factmark/core";
import { inArticleLine } from "../../db/articleWriteLine";
import type { Db } from "../../db/createDatabase";
import { findUndoTarget } from "../../domain/findUndoTarget";
import { preconditionFailed } from "../../domain/preconditionFailed";
import { placeRevivedClaim } from "../../domain/reanchorArticleClaims";
import { reopenReviewOfClaim } from "../../domain/reopenReviewOfClaim";
import { requireClaim, requireClaimUnderLock } from "../../domain/requireClaim";
import { reviewStateAfter } from "../../domain/reviewStateAfter";
import { setEvidenceDeleted } from "../../domain/setEvidenceDeleted";
import { setLinkDeleted } from "../../domain/setLinkDeleted";
import { authorize } from "../../policy/authorize";
import type { DbClient } from "../../repositories/articleRepository";
import { type ClaimChange, updateClaimIfVersion } from "../../repositories/claimRepository";
import { findClaimHistory, insertEvents } from "../../repositories/eventRepository";
import { findEvidence, updateEvidenceIfVersion } from "../../repositories/evidenceRepository";
import { findLink } from "../../repositories/linkRepository";

/**
 * Undoes the newest change of a claim that is not undone yet (see findUndoTarget) and records a
 * "claim.undone" entry naming it and carrying the values it reverted. A verdict, speaker or rationale
 * goes back to its `from`; a link or evidence that was added is removed, one that was removed comes
 * back; an evidence edit puts the earlier fields back; a deletion is restored. Undoing a change of verdict,
 * rationale or evidence is a change of them like any other: the verdict is then the undoer's, and a claim in
 * review or approved goes back to review (reviewStateAfter).
 *
 * Preconditions, both optional: If-Match with the claim's version (412 when stale), and `eventId`,
 * the entry the reviewer saw as undoable (409 when a newer change came in since). With nothing left
 * to undo, or when the change can no longer be reverted (the pair is linked again, or its entry does
 * not read), 409.
 */
export async function undoClaimChange(
  db: Db,
  actor: Principal,
  claimId: string,
  request: UndoRequest,
  expectedVersion?: number,
): Promise<UndoResult> {
  authorize(actor, "claim.edit");
  return inArticleLine(db, { claimId }, () =>
    db.$transaction(async (tx) => {
      const { isDeleted, ...claim } = await requireClaimUnderLock(tx, claimId, { includeDeleted: true });
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
      if (!isUndoableChange(target)) {
        throw new AppError(
          "CONFLICT",
          "The last change of this claim is recorded in a form that does not read; it cannot be undone.",
          {
            undoableEventId: target.id,
          },
        );
      }
      const at = new Date();
      await revert(tx, actor, claim, target, at);
      const [event] = await insertEvents(tx, claim.articleId, actor, [{ claimId, ...changeEvent.undone(target) }], at);
      if (!event) throw new Error("The undo entry was not recorded.");
      const { isDeleted: _isDeleted, ...after } = await requireClaim(tx, claimId, { includeDeleted: true });
      return { undone: { ...target, isUndone: true }, event, claim: after };
    }),
  );
}

/** Applies the reverse of one history entry. */
async function revert(tx: DbClient, actor: Actor, claim: Claim, target: UndoableChangeEvent, at: Date): Promise<void> {
  switch (target.action) {
    case "claim.verdict_changed":
      return changeClaim(tx, actor, claim, { verdict: target.from, verdictSetById: actor.id }, at);
    case "claim.speaker_changed":
      return changeClaim(tx, actor, claim, { speaker: target.from }, at);
    case "claim.rationale_changed":
      return changeClaim(tx, actor, claim, { rationale: target.from }, at);
    case "claim.deleted":
      await changeClaim(tx, actor, claim, { deletedAt: null }, at);
      // Placed on the text as it is now: a save while it was deleted did not move it.
      return placeRevivedClaim(tx, claim, at);
    case "claim.restored":
      return changeClaim(tx, actor, claim, { deletedAt: at }, at);
    case "link.added":
      return setLinkDeletedAgain(tx, actor, claim, target.to.linkId, true, at);
    case "link.removed":
      return setLinkDeletedAgain(tx, actor, claim, target.from.linkId, false, at);
    case "evidence.added":
      return setEvidenceDeletedAgain(tx, actor, target.to.evidenceId, true, at);
    case "evidence.removed":
      return setEvidenceDeletedAgain(tx, actor, target.from.evidenceId, false, at);
    case "evidence.updated": {
      const { evidenceId, ...before } = target.from;
      const found = await requireEvidence(tx, evidenceId);
      const { version } = found.evidence;
      const isUpdated = await updateEvidenceIfVersion(tx, claim.articleId, evidenceId, version, before, at);
      if (!isUpdated) throw preconditionFailed("evidence", found.evidence);
      return reopenReviewOfClaim(tx, actor, claim.id, at);
    }
  }
}

/** Removes the link the change added, or brings back the one it removed. */
async function setLinkDeletedAgain(
  tx: DbClient,
  actor: Actor,
  claim: Claim,
  linkId: string,
  isDeleting: boolean,
  at: Date,
): Promise<void> {
  const found = await findLink(tx, linkId);
  if (!found) throw new AppError("CONFLICT", "The link this change made is gone; it cannot be undone.");
  // The other claim records the link's change as usual; this claim records the undo.
  await setLinkDeleted(tx, actor, found, isDeleting, at, claim.id);
}

/** Removes the evidence the change added, or brings back what it removed; the undo entry records it. */
async function setEvidenceDeletedAgain(
  tx: DbClient,
  actor: Actor,
  evidenceId: string,
  isDeleting: boolean,
  at: Date,
): Promise<void> {
  const found = await requireEvidence(tx, evidenceId);
  await setEvidenceDeleted(tx, actor, found, isDeleting, at, { isRecorded: false });
}

async function requireEvidence(tx: DbClient, evidenceId: string) {
  const found = await findEvidence(tx, evidenceId);
  if (!found) throw new AppError("CONFLICT", "The evidence this change touched is gone; it cannot be undone.");
  return found;
}

/** Puts a field of the claim back; a verdict or rationale put back is a change after review like any other. */
async function changeClaim(tx: DbClient, actor: Actor, claim: Claim, change: ClaimChange, at: Date): Promise<void> {
  const isReviewedContentChanged = change.verdict !== undefined || change.rationale !== undefined;
  const review = reviewStateAfter(claim.status, { isReviewedContentChanged });
  const isUpdated = await updateClaimIfVersion(
    tx,
    claim,
    claim.version,
    { ...change, ...review.change },
    review.events,
    actor,
    at,
  );
  if (!isUpdated) throw preconditionFailed("claim", claim);
}
