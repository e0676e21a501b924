import { changeEvent, type Evidence, type EvidenceFields, type EvidenceUpdate, type Principal } from "@factmark/core";
import { inArticleLine } from "../../db/articleWriteLine";
import type { Db } from "../../db/createDatabase";
import { preconditionFailed } from "../../domain/preconditionFailed";
import { reopenReviewOfClaim } from "../../domain/reopenReviewOfClaim";
import { requireVisibleEvidence } from "../../domain/requireVisibleEvidence";
import { authorize } from "../../policy/authorize";
import { insertEvents, lockArticleForChanges } from "../../repositories/eventRepository";
import { updateEvidenceIfVersion } from "../../repositories/evidenceRepository";

const FIELDS = ["url", "title", "excerpt", "stance"] as const;

/**
 * Changes a piece of evidence if the caller read the current version, recording the fields that
 * really changed (from and to) in its claim's history. A claim in review or approved goes back to review
 * (reopenReviewOfClaim).
 */
export async function updateEvidence(
  db: Db,
  actor: Principal,
  id: string,
  expectedVersion: number,
  input: EvidenceUpdate,
): Promise<Evidence> {
  authorize(actor, "evidence.edit");
  return inArticleLine(db, { evidenceId: id }, () =>
    db.$transaction(async (tx) => {
      const seen = await requireVisibleEvidence(tx, id);
      if (seen.evidence.version !== expectedVersion) throw preconditionFailed("evidence", seen.evidence);
      // A save that changes nothing is no change: no version, no change number, nothing for others to hear.
      if (FIELDS.every((field) => input[field] === undefined || input[field] === seen.evidence[field])) {
        return seen.evidence;
      }
      await lockArticleForChanges(tx, seen.claim.articleId);
      // Read again under the lock, in a statement that begins after it (PostgreSQL): the evidence changed, or its claim
      // or article deleted, by a write this one waited for is seen (412 with the evidence as it is now, or 404).
      const { evidence: current, claim } = await requireVisibleEvidence(tx, id);
      if (current.version !== expectedVersion) throw preconditionFailed("evidence", current);
      const change = Object.fromEntries(
        FIELDS.filter((field) => input[field] !== undefined).map((field) => [field, input[field]]),
      ) as Partial<Pick<Evidence, (typeof FIELDS)[number]>>;
      const changedFields = FIELDS.filter((field) => field in change && change[field] !== current[field]);
      const at = new Date();
      const isUpdated = await updateEvidenceIfVersion(tx, claim.articleId, id, expectedVersion, change, at);
      if (!isUpdated) throw preconditionFailed("evidence", current);
      const pick = (source: Partial<Evidence>): Omit<EvidenceFields, "evidenceId"> =>
        Object.fromEntries(changedFields.map((field) => [field, source[field]]));
      const event = changeEvent.evidenceUpdated(id, pick(current), pick(change));
      await insertEvents(tx, claim.articleId, actor, [{ claimId: claim.id, ...event }], at);
      await reopenReviewOfClaim(tx, actor, claim.id, at);
      return { ...current, ...change, version: current.version + 1, updatedAt: at.toISOString() };
    }),
  );
}
