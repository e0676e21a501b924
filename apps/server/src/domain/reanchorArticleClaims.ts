import { type Actor, changeEvent, type ReanchorSummary, reanchorAll, summarizeReanchoring } from "@factmark/core";
import type { DbClient } from "../repositories/articleRepository";
import { type ClaimAnchorChange, listAnchoredClaims, updateClaimAnchors } from "../repositories/claimAnchorRepository";
import { type EventInput, insertEvents } from "../repositories/eventRepository";

/**
 * Carries every anchored claim of an article from its old text to its new one (core's reanchorAll),
 * inside the caller's transaction: new selectors stored, orphans flagged (their old selectors kept,
 * so the reviewer sees what they marked), and a history entry for each claim that moved, changed
 * or was orphaned. Claims already orphaned stay so until a reviewer re-attaches them.
 */
export async function reanchorArticleClaims(
  db: DbClient,
  actor: Actor,
  articleId: string,
  oldText: string,
  newText: string,
  at: Date,
): Promise<ReanchorSummary> {
  const claims = await listAnchoredClaims(db, articleId);
  const results = reanchorAll(claims, oldText, newText);
  const changes: ClaimAnchorChange[] = [];
  const events: EventInput[] = [];
  results.forEach((result, index) => {
    const claim = claims[index];
    if (!claim) return;
    if (result.status === "orphaned") {
      changes.push({ id: claim.id, selectors: claim.selectors, isOrphaned: true, isAnchorUnconfirmed: false });
      events.push({ claimId: claim.id, ...changeEvent.claimOrphaned(claim.selectors) });
      return;
    }
    if (JSON.stringify(result.selectors) === JSON.stringify(claim.selectors)) return;
    // Words that were edited may now say something else: the card asks a reviewer to check them.
    const isFuzzy = result.status === "fuzzy";
    changes.push({
      id: claim.id,
      selectors: result.selectors,
      isOrphaned: false,
      ...(isFuzzy ? { isAnchorUnconfirmed: true } : {}),
    });
    // A claim carried along by an edit elsewhere (exact) needs no entry; one found by search does.
    if (result.status !== "exact") {
      events.push({
        claimId: claim.id,
        ...changeEvent.claimReanchored(claim.selectors, result.selectors, result.status),
      });
    }
  });
  await updateClaimAnchors(db, articleId, changes, at);
  await insertEvents(db, articleId, actor, events, at);
  return summarizeReanchoring(results);
}
