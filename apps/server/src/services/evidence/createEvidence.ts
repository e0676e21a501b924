import { AppError, changeEvent, type Evidence, type EvidenceCreate, type Principal } from "@factmark/core";
import { inArticleLine } from "../../db/articleWriteLine";
import type { Db } from "../../db/createDatabase";
import { timeOrderedId } from "../../db/timeOrderedId";
import { reopenReviewOfClaim } from "../../domain/reopenReviewOfClaim";
import { authorize } from "../../policy/authorize";
import { findClaim } from "../../repositories/claimRepository";
import { insertEvents, lockArticleForChanges } from "../../repositories/eventRepository";
import { insertEvidence } from "../../repositories/evidenceRepository";

/**
 * Attaches a source to a live claim and records it in the claim's history. A claim in review or approved goes
 * back to review (reopenReviewOfClaim).
 */
export async function createEvidence(
  db: Db,
  actor: Principal,
  claimId: string,
  input: EvidenceCreate,
): Promise<Evidence> {
  authorize(actor, "evidence.create");
  return inArticleLine(db, { claimId }, () =>
    db.$transaction(async (tx) => {
      const found = await findClaim(tx, claimId);
      if (!found) throw new AppError("NOT_FOUND", `No claim with id "${claimId}".`);
      await lockArticleForChanges(tx, found.articleId);
      // Read again under the lock: the claim or its article deleted by a write this one waited for is seen.
      const claim = await findClaim(tx, claimId);
      if (!claim) throw new AppError("NOT_FOUND", `No claim with id "${claimId}".`);
      const at = new Date();
      const evidence = await insertEvidence(
        tx,
        claim.articleId,
        {
          id: timeOrderedId(),
          claimId,
          url: input.url,
          title: input.title ?? null,
          excerpt: input.excerpt ?? null,
          stance: input.stance,
        },
        actor,
        at,
      );
      await insertEvents(tx, claim.articleId, actor, [{ claimId, ...changeEvent.evidenceAdded(evidence) }], at);
      await reopenReviewOfClaim(tx, actor, claimId, at);
      return evidence;
    }),
  );
}
