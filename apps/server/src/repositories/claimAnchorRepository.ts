import type { Selectors } from "@factmark/core";
import type { DbClient } from "./articleRepository";
import { changeNumberOf, lockArticleForChanges } from "./eventRepository";

/** A claim as re-anchoring needs it: its id and stored selectors. */
export interface AnchoredClaim {
  id: string;
  selectors: Selectors;
}

/** The live, anchored (not orphaned) claims of an article, in document order. */
export async function listAnchoredClaims(db: DbClient, articleId: string): Promise<AnchoredClaim[]> {
  const rows = await db.claim.findMany({
    where: { articleId, deletedAt: null, isOrphaned: false },
    select: { id: true, start: true, end: true, exact: true, prefix: true, suffix: true },
    orderBy: [{ start: "asc" }, { end: "desc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    selectors: {
      position: { start: row.start, end: row.end },
      quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    },
  }));
}

/**
 * New selectors for a claim (unchanged ones when it is orphaned), whether it is orphaned now, and
 * whether its new place awaits a reviewer's confirmation (left as it is when not given).
 */
export interface ClaimAnchorChange {
  id: string;
  selectors: Selectors;
  isOrphaned: boolean;
  isAnchorUnconfirmed?: boolean;
}

/**
 * Stores the new anchors of an article's claims, bumping each one's version (its row changed). With
 * `expectedVersion` (one claim only), answers false when the claim moved on meanwhile.
 */
export async function updateClaimAnchors(
  db: DbClient,
  articleId: string,
  changes: readonly ClaimAnchorChange[],
  at: Date,
  expectedVersion?: number,
): Promise<boolean> {
  if (changes.length === 0) return true;
  await lockArticleForChanges(db, articleId);
  const changeNumber = changeNumberOf(db, articleId);
  for (const change of changes) {
    const { position, quote } = change.selectors;
    const result = await db.claim.updateMany({
      where: {
        id: change.id,
        articleId,
        deletedAt: null,
        ...(expectedVersion === undefined ? {} : { version: expectedVersion }),
      },
      data: {
        start: position.start,
        end: position.end,
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
        isOrphaned: change.isOrphaned,
        ...(change.isAnchorUnconfirmed === undefined ? {} : { isAnchorUnconfirmed: change.isAnchorUnconfirmed }),
        changeNumber,
        updatedAt: at,
        version: { increment: 1 },
      },
    });
    if (result.count !== 1) return false;
  }
  return true;
}
