import {
  type Actor,
  type Claim,
  changeEvent,
  found,
  isQuoteAt,
  type ReanchorResult,
  type ReanchorSummary,
  type Selectors,
  summarizeReanchoring,
} from "@factmark/core";
import { type DbClient, findArticleText } from "../repositories/articleRepository";
import { type AnchoredClaim, type ClaimAnchorChange, updateClaimAnchors } from "../repositories/claimAnchorRepository";
import { type EventInput, insertEvents } from "../repositories/eventRepository";
import { runHeavyJob } from "../work/heavyWork";
import { WORKER_MODULES } from "../work/workerModules";
import {
  type PackedPlacements,
  type PackedReanchoring,
  packClaims,
  packTexts,
  unpackPlacements,
} from "./anchoringWorker";

const WORKER = WORKER_MODULES.anchoring;

/**
 * How long re-anchoring one save's claims may run on its worker thread, in ms. Core's search budget keeps it to
 * a few seconds on any text (`REANCHOR_THRESHOLDS.maxSearchCostPerSave`); this deadline is the backstop.
 */
export const REANCHOR_TIME_MS = 30_000;

/**
 * Where each claim goes in a new text, by claim id, with the selectors it was computed from: a placement holds
 * only while the claim still has those selectors (`placementsFor`).
 */
export type ClaimPlacements = Map<string, { selectors: Selectors; result: ReanchorResult }>;

/**
 * The claims a save places from `oldText`, of `claims` as listAnchoredClaims answers them with `includeDeleted`: the
 * live ones, then the deleted ones whose selectors hold on `oldText` (isQuoteAt), in their order. Every save places
 * a deleted claim with the live ones, so it holds on the text until a save orphans it; one deleted before saves did
 * (or whose selectors are otherwise not on the text) has nothing to carry through the diff from, and is left for
 * placeRevivedClaim to place when it is brought back. A live claim costs a look at its flag.
 */
export function claimsToPlace(claims: readonly AnchoredClaim[], oldText: string): AnchoredClaim[] {
  return claims.filter((claim) => !claim.isDeleted || isQuoteAt(oldText, claim.selectors));
}

/**
 * Computes where `claims` go from `oldText` to `newText` (core's reanchorAll) on a worker thread, so the event
 * loop answers every other request meanwhile, and adds them to `placements`. Run it before the save's
 * transaction: a SQLite write transaction held open for seconds would stop every other writer. The claims share
 * one search budget in their order: the live ones first (claimsToPlace's order), so deleted ones never take a
 * live one's search. Errors: the pool's (422 past REANCHOR_TIME_MS, 413 memory, 503 busy).
 */
export async function computeClaimPlacements(
  placements: ClaimPlacements,
  claims: readonly AnchoredClaim[],
  oldText: string,
  newText: string,
): Promise<void> {
  if (claims.length === 0) return;
  const packed = await runHeavyJob<PackedReanchoring, PackedPlacements>(
    { module: WORKER, name: "reanchorClaims" },
    { texts: packTexts([oldText, newText]), claims: packClaims(claims, oldText) },
    { timeMs: REANCHOR_TIME_MS, label: "Re-anchoring the claims" },
  );
  const results = unpackPlacements(claims, packed);
  claims.forEach((claim, index) => {
    const result = results[index];
    if (result) placements.set(claim.id, { selectors: claim.selectors, result });
  });
}

/**
 * The claims among `claims` (read inside the save's transaction) that `placements` has no placement for: marked
 * or re-attached, or moved by a reviewer, since the placements were computed.
 */
export function claimsWithoutPlacement(placements: ClaimPlacements, claims: readonly AnchoredClaim[]): AnchoredClaim[] {
  return claims.filter((claim) => {
    const placement = placements.get(claim.id);
    return !placement || !isSameSelectors(placement.selectors, claim.selectors);
  });
}

/**
 * Stores the placements of an article's anchored claims, inside the caller's transaction (which holds the
 * article's change lock and has checked, with `claimsWithoutPlacement`, that every one of `claims` has its
 * placement): new selectors stored, orphans flagged (their old selectors kept, so the reviewer sees what they
 * marked), and a history entry for each live claim that moved, changed or was orphaned. A deleted claim
 * (`isDeleted`, as claimsToPlace lists it) is placed the same way, so that restored or undone it is on its words,
 * but invisibly: no history entry, no new version (If-Match on its restore is the version its delete answered), no
 * change number, and it counts in no figure of the answer. Claims already orphaned stay so until a reviewer
 * re-attaches them. Answers how the live claims fared. Throws (rolling the transaction back) when a claim is no
 * longer as listed (deleted, restored, moved or orphaned since).
 */
export async function reanchorArticleClaims(
  db: DbClient,
  actor: Actor,
  articleId: string,
  claims: readonly AnchoredClaim[],
  placements: ClaimPlacements,
  at: Date,
): Promise<ReanchorSummary> {
  const results: ReanchorResult[] = [];
  const changes: ClaimAnchorChange[] = [];
  const events: EventInput[] = [];
  for (const claim of claims) {
    const result = placements.get(claim.id)?.result;
    if (!result) throw new Error(`No placement for claim "${claim.id}": check claimsWithoutPlacement first.`);
    const { change, event } = anchorChangeOf(claim, result);
    if (claim.isDeleted) {
      if (change) changes.push({ ...change, isDeleted: true });
      continue;
    }
    results.push(result);
    if (change) changes.push(change);
    if (event) events.push(event);
  }
  // A claim deleted, orphaned or moved since `claims` were read would leave the others half written: refused, and
  // the caller's transaction rolled back (it read them under the article's change lock, so this is a fault).
  if (!(await updateClaimAnchors(db, articleId, changes, at))) {
    throw new Error(`The claims of article "${articleId}" are not as listed: re-anchoring them was refused.`);
  }
  await insertEvents(db, articleId, actor, events, at);
  return summarizeReanchoring(results);
}

/** Field by field: a save compares every claim twice, and 10,000 pairs of JSON strings kept the collector busy. */
function isSameSelectors(a: Selectors, b: Selectors): boolean {
  return (
    a.position.start === b.position.start &&
    a.position.end === b.position.end &&
    a.quote.exact === b.quote.exact &&
    a.quote.prefix === b.quote.prefix &&
    a.quote.suffix === b.quote.suffix
  );
}

/** What a placement changes of a claim's anchor, and the history entry it takes; neither when it stays as it was. */
function anchorChangeOf(
  claim: AnchoredClaim,
  result: ReanchorResult,
): { change?: ClaimAnchorChange; event?: EventInput } {
  if (result.status === "orphaned") {
    return {
      change: { id: claim.id, selectors: claim.selectors, isOrphaned: true, isAnchorUnconfirmed: false },
      event: { claimId: claim.id, ...changeEvent.claimOrphaned(claim.selectors) },
    };
  }
  if (isSameSelectors(result.selectors, claim.selectors)) return {};
  // Words that were edited may now say something else: the card asks a reviewer to check them.
  const isFuzzy = result.status === "fuzzy";
  // With the selectors it had: a claim only carried along is written with the others moved as far.
  const change: ClaimAnchorChange = {
    id: claim.id,
    selectors: result.selectors,
    isOrphaned: false,
    ...(isFuzzy ? { isAnchorUnconfirmed: true } : {}),
    from: claim.selectors,
  };
  // A claim carried along by an edit elsewhere (exact) needs no entry; one found by search does.
  if (result.status === "exact") return { change };
  return {
    change,
    event: { claimId: claim.id, ...changeEvent.claimReanchored(claim.selectors, result.selectors, result.status) },
  };
}

/**
 * Places a deleted claim that is live again (restored, or its deletion undone) on the article's text as it is now,
 * in the caller's transaction, after the claim is live. The safety net: every save places the deleted claims with
 * the live ones (reanchorArticleClaims), so a claim deleted since then is on the text already and stays as it is;
 * one deleted before saves did may still have the selectors it had on an older text, and would show its verdict on
 * other words. There is no diff of the texts between to say where its words went, so only the surest place is
 * taken: its quote with its whole context on either side (prefix and suffix), where it was, else at the one place in
 * the text that has all three (a linear search, bounded however repetitive the text). Else it is orphaned, its
 * quote kept, for a reviewer to re-attach (the card offers the nearest match): a sentence that merely begins with
 * the same words never gets its verdict. A claim orphaned already stays so. Its selectors and flag are read here,
 * under the article's change lock (which the caller's un-deleting took): one read before it may predate a save,
 * which moves a deleted claim without a new version. No history entry: the restore's own records it, and the
 * entries a save writes would say the reviewer who restored it edited the article. Throws when the claim changed
 * while it was placed (a fault: the caller holds the lock).
 */
export async function placeRevivedClaim(tx: DbClient, claim: Pick<Claim, "id" | "articleId">, at: Date): Promise<void> {
  const row = await tx.claim.findUnique({
    where: { id: claim.id },
    select: { start: true, end: true, exact: true, prefix: true, suffix: true, isOrphaned: true },
  });
  if (!row || row.isOrphaned) return;
  const stored: AnchoredClaim = {
    id: claim.id,
    selectors: {
      position: { start: row.start, end: row.end },
      quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    },
  };
  const article = await findArticleText(tx, claim.articleId);
  if (!article || isQuoteAt(article.text, stored.selectors)) return;
  const { prefix, exact, suffix } = stored.selectors.quote;
  const whole = `${prefix}${exact}${suffix}`;
  const first = exact.length === 0 ? -1 : article.text.indexOf(whole);
  const isOnlyPlace = first !== -1 && article.text.indexOf(whole, first + 1) === -1;
  const start = first + prefix.length;
  const result = isOnlyPlace
    ? found("moved", article.text, start, start + exact.length)
    : ({ status: "orphaned" } as const);
  const { change } = anchorChangeOf(stored, result);
  if (change && !(await updateClaimAnchors(tx, claim.articleId, [change], at))) {
    throw new Error(`Claim "${claim.id}" changed while it was placed on the text.`);
  }
}
