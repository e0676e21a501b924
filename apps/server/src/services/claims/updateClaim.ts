import {
  type Actor,
  type Claim,
  type ClaimUpdate,
  changeEvent,
  type EditableClaimField,
  type Principal,
} from "@factmark/core";
import { inArticleLine } from "../../db/articleWriteLine";
import type { Db } from "../../db/createDatabase";
import { postgresPoolOf } from "../../db/postgresPool";
import { sqliteWriterOf } from "../../db/sqliteWriter";
import { assertMaySetStatus } from "../../domain/assertMaySetStatus";
import { preconditionFailed } from "../../domain/preconditionFailed";
import { checkAssignee, requireAssignee } from "../../domain/requireAssignee";
import { requireClaim } from "../../domain/requireClaim";
import { reviewStateAfter } from "../../domain/reviewStateAfter";
import { authorize } from "../../policy/authorize";
import { type ClaimChange, type ClaimEventInput, updateClaimIfVersion } from "../../repositories/claimRepository";
import { updateClaimOnPostgres } from "../../repositories/postgresClaimWrites";
import { updateClaimInBatch } from "../../repositories/sqliteClaimWrites";

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
 *
 * On SQLite the same steps run as one batch of kept statements (sqliteClaimWrites.ts `updateClaimInBatch`: a
 * verdict change through Prisma cost 5 queries, each compiled on every call); on PostgreSQL as prepared statements
 * in one transaction (postgresClaimWrites.ts), but an assignment, which reads the assignee's account and so runs,
 * as with a client extended with `$extends`, in a Prisma transaction (on PostgreSQL, in its article's line:
 * inArticleLine).
 * NOT_FOUND when there is no such live claim of a live article.
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
  const writer = sqliteWriterOf(db);
  const pool = input.assigneeId === undefined ? postgresPoolOf(db) : undefined;
  if (pool)
    return updateClaimOnPostgres(pool, actor, id, expectedVersion, (current) =>
      planClaimUpdate(actor, current, input, undefined),
    );
  if (writer) {
    return updateClaimInBatch(writer, actor, id, expectedVersion, (current, findAccount) => {
      const assigneeId = assigneeChangeOf(current, input);
      const assignee =
        assigneeId === undefined
          ? undefined
          : assigneeId === null
            ? null
            : checkAssignee(assigneeId, findAccount(assigneeId));
      return planClaimUpdate(actor, current, input, assignee);
    });
  }
  return inArticleLine(db, { claimId: id }, () =>
    db.$transaction(async (tx) => {
      const { isDeleted: _isDeleted, ...current } = await requireClaim(tx, id);
      if (current.version !== expectedVersion) throw preconditionFailed("claim", current);
      const assigneeId = assigneeChangeOf(current, input);
      const assignee =
        assigneeId === undefined ? undefined : assigneeId === null ? null : await requireAssignee(tx, assigneeId);
      const { change, events } = planClaimUpdate(actor, current, input, assignee);
      // A save that changes nothing is no change: no version, no change number, nothing for others to hear.
      if (events.length === 0) return current;
      const isUpdated = await updateClaimIfVersion(tx, current, expectedVersion, change, events, actor, new Date());
      // Another write got the article's lock first: the refusal carries the claim as it left it.
      if (!isUpdated) {
        const { isDeleted: _isDeleted, ...now } = await requireClaim(tx, id);
        throw preconditionFailed("claim", now);
      }
      const { isDeleted: _stillLive, ...updated } = await requireClaim(tx, id);
      return updated;
    }),
  );
}

/** The assignee an update asks for when it differs from the claim's (an account id, or null: nobody); else undefined. */
export function assigneeChangeOf(current: Claim, input: ClaimUpdate): string | null | undefined {
  return input.assigneeId !== undefined && input.assigneeId !== (current.assignee?.id ?? null)
    ? input.assigneeId
    : undefined;
}

/**
 * What `input` changes of `current` (read under the article's change lock, at the version the caller read), for
 * either writer: the columns to write and the history entries, one per thing that really changed, none for a save
 * that changes nothing. `assignee`: the account assigneeChangeOf asked for, checked (requireAssignee), null for
 * nobody, undefined when the assignee stays. Throws FORBIDDEN for a status change `actor` may not make.
 */
export function planClaimUpdate(
  actor: Principal,
  current: Claim,
  input: ClaimUpdate,
  assignee: Actor | null | undefined,
): { change: ClaimChange; events: ClaimEventInput[] } {
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
  if (assignee !== undefined) {
    change.assigneeId = assignee?.id ?? null;
    events.push(changeEvent.claimAssigned(current.assignee, assignee));
  }
  if (input.status !== undefined && input.status !== current.status) {
    assertMaySetStatus(actor, current);
  }
  const review = reviewStateAfter(current.status, {
    requestedStatus: input.status,
    isReviewedContentChanged: change.verdict !== undefined || change.rationale !== undefined,
  });
  Object.assign(change, review.change);
  for (const event of review.events) events.push(event);
  return { change, events };
}
