import { type Claim, type ClaimUpdate, changeEvent, type EditableClaimField, type Principal } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { assertMaySetStatus } from "../../domain/assertMaySetStatus";
import { preconditionFailed } from "../../domain/preconditionFailed";
import { requireAssignee } from "../../domain/requireAssignee";
import { requireClaim } from "../../domain/requireClaim";
import { reviewStateAfter } from "../../domain/reviewStateAfter";
import { authorize } from "../../policy/authorize";
import { type ClaimChange, type ClaimEventInput, updateClaimIfVersion } from "../../repositories/claimRepository";

/** The fields an update may change, each recorded as its own entry, in this order. */
const EDITABLE_FIELDS: readonly EditableClaimField[] = ["verdict", "speaker", "rationale"];

/**
 * Changes a claim if the caller read the current version (else PRECONDITION_FAILED), recording one history
 * entry per thing that really changed; a save that changes nothing is no change (no entry, no new version).
 *
 * - verdict, speaker, rationale (claim.edit). Whoever changes the verdict becomes the one who set it, who may
 *   not approve it. A verdict or rationale change on a claim in review or approved sends it back to review
 *   (reviewStateAfter).
 * - assigneeId (claim.assign, editors): a reviewer, editor or admin, or null for nobody; UNPROCESSABLE for an
 *   unknown account or a viewer.
 * - status up to ready-for-review (claim.status): a reviewer only on a claim assigned to them or, assigned to
 *   nobody, one they marked (FORBIDDEN otherwise, saying why); editors and admins on any claim.
 */
export async function updateClaim(
  db: Db,
  actor: Principal,
  id: string,
  expectedVersion: number,
  input: ClaimUpdate,
): Promise<Claim> {
  if (EDITABLE_FIELDS.some((field) => input[field] !== undefined)) authorize(actor, "claim.edit");
  if (input.assigneeId !== undefined) authorize(actor, "claim.assign");
  if (input.status !== undefined) authorize(actor, "claim.status");
  return db.$transaction(async (tx) => {
    const { isDeleted: _isDeleted, ...current } = await requireClaim(tx, id);
    if (current.version !== expectedVersion) throw preconditionFailed("claim", current);
    const change: ClaimChange = {};
    const events: ClaimEventInput[] = [];
    for (const field of EDITABLE_FIELDS) {
      const value = input[field];
      if (value !== undefined && value !== current[field]) {
        Object.assign(change, { [field]: value });
        events.push(changeEvent.claimFieldChanged(field, current[field], value));
      }
    }
    if (change.verdict !== undefined) change.verdictSetById = actor.id;
    if (input.assigneeId !== undefined && input.assigneeId !== (current.assignee?.id ?? null)) {
      const assignee = input.assigneeId === null ? null : await requireAssignee(tx, input.assigneeId);
      change.assigneeId = assignee?.id ?? null;
      events.push(changeEvent.claimAssigned(current.assignee, assignee));
    }
    if (input.status !== undefined && input.status !== current.status) assertMaySetStatus(actor, current);
    const review = reviewStateAfter(current.status, {
      requestedStatus: input.status,
      isReviewedContentChanged: change.verdict !== undefined || change.rationale !== undefined,
    });
    Object.assign(change, review.change);
    for (const event of review.events) events.push(event);
    // A save that changes nothing is no change: no version, no change number, nothing for others to hear.
    if (events.length === 0) return current;
    const isUpdated = await updateClaimIfVersion(tx, current, expectedVersion, change, events, actor, new Date());
    if (!isUpdated) throw preconditionFailed("claim", current);
    const { isDeleted: _stillLive, ...updated } = await requireClaim(tx, id);
    return updated;
  });
}
