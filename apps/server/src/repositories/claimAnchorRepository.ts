import type { Selectors } from "@factmark/core";
import { Prisma } from "../generated/prisma/client";
import type { DbClient } from "./articleRepository";
import { selectorColumns } from "./claimRepository";
import { changeNumberOf, lockArticleForChanges } from "./eventRepository";

/**
 * A claim as re-anchoring needs it: its id and stored selectors (offsets in UTF-16 code units), and `isDeleted`
 * when it is deleted (restorable): its placement is then stored as ClaimAnchorChange.isDeleted says.
 */
export interface AnchoredClaim {
  id: string;
  selectors: Selectors;
  isDeleted?: boolean;
}

/**
 * The live, anchored (not orphaned) claims of an article, in document order; with `includeDeleted`, then its
 * deleted, anchored ones (`isDeleted: true`), in document order too, after the live ones (a save places them as it
 * places the live ones, so one restored comes back where its words went). One raw query either way: Prisma's
 * findMany took twice as long on 10,000 claims (a save reads them all).
 */
export async function listAnchoredClaims(
  db: DbClient,
  articleId: string,
  { includeDeleted = false } = {},
): Promise<AnchoredClaim[]> {
  type Row = { id: string; start: number; end: number; exact: string; prefix: string; suffix: string };
  const toClaim = (row: Row): AnchoredClaim => ({
    id: row.id,
    selectors: {
      position: { start: Number(row.start), end: Number(row.end) },
      quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    },
  });
  if (!includeDeleted) {
    const rows = await db.$queryRaw<Row[]>`
      SELECT "id", "start", "end", "exact", "prefix", "suffix" FROM "Claim"
      WHERE "articleId" = ${articleId} AND "deletedAt" IS NULL AND "isOrphaned" = false
      ORDER BY "start" ASC, "end" DESC, "id" ASC`;
    return rows.map(toClaim);
  }
  // One read of both, the same index and order as the live ones alone: an article with no deleted claim costs the
  // same, a flag more a row.
  const rows = await db.$queryRaw<(Row & { isDeleted: number | bigint })[]>`
    SELECT "id", "start", "end", "exact", "prefix", "suffix",
      CASE WHEN "deletedAt" IS NULL THEN 0 ELSE 1 END AS "isDeleted" FROM "Claim"
    WHERE "articleId" = ${articleId} AND "isOrphaned" = false
    ORDER BY "start" ASC, "end" DESC, "id" ASC`;
  const live: AnchoredClaim[] = [];
  const deleted: AnchoredClaim[] = [];
  for (const row of rows) {
    if (Number(row.isDeleted) === 0) live.push(toClaim(row));
    else deleted.push({ ...toClaim(row), isDeleted: true });
  }
  return deleted.length === 0 ? live : live.concat(deleted);
}

/**
 * New selectors for a claim (unchanged ones when it is orphaned), whether it is orphaned now, and
 * whether its new place awaits a reviewer's confirmation (left as it is when not given). `from`: the
 * selectors the claim has stored, anchored (not orphaned), when the caller read them; a change that only
 * moves them (the same quote, prefix and suffix, both ends by the same distance, still anchored, its
 * confirmation left as it is) is then written with the others moved by that distance, a few hundred to a
 * statement. `isDeleted`: the claim is deleted (restorable), and must still be; it is written without a new
 * version (restore and undo check If-Match against the version its delete answered) or change number (a
 * refresh has nothing to show of it). Without it, the claim must be live.
 */
export interface ClaimAnchorChange {
  id: string;
  selectors: Selectors;
  isOrphaned: boolean;
  isAnchorUnconfirmed?: boolean;
  from?: Selectors;
  isDeleted?: boolean;
}

/**
 * Claim ids per shift statement: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters, and short
 * enough that a statement's text stays small.
 */
export const SHIFT_BATCH_SIZE = 500;

/**
 * Stores the new anchors of an article's claims (offsets in UTF-16 code units), bumping each live one's version
 * (its row changed) and stamping it with the transaction's change number; a deleted one (ClaimAnchorChange.isDeleted)
 * keeps both, its `updatedAt` stamped with `at` as every claim's. A claim that
 * only moved (see ClaimAnchorChange.from) is written in one UPDATE per distance, per live or deleted, and
 * SHIFT_BATCH_SIZE claims: a one-paragraph edit shifts thousands of claims, and a Prisma update each (its query
 * compiled every time) took seconds. Any other change is written alone. Answers false, leaving the caller to roll
 * its transaction back, when a claim is not there as expected: deleted (or, with isDeleted, live again), of another
 * article, orphaned meanwhile (a shift), or, with `expectedVersion` (one claim only), moved on meanwhile. Must run
 * inside `db.$transaction`.
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
  const idsByShift = new Map<number, string[]>();
  const deletedIdsByShift = new Map<number, string[]>();
  for (const change of changes) {
    const shift = shiftOf(change);
    if (shift !== undefined) {
      const byShift = change.isDeleted ? deletedIdsByShift : idsByShift;
      const ids = byShift.get(shift) ?? [];
      ids.push(change.id);
      byShift.set(shift, ids);
      continue;
    }
    const { position, quote } = change.selectors;
    const result = await db.claim.updateMany({
      where: {
        id: change.id,
        articleId,
        deletedAt: change.isDeleted ? { not: null } : null,
        ...(expectedVersion === undefined ? {} : { version: expectedVersion }),
      },
      data: {
        ...selectorColumns({ position, quote }),
        isOrphaned: change.isOrphaned,
        ...(change.isAnchorUnconfirmed === undefined ? {} : { isAnchorUnconfirmed: change.isAnchorUnconfirmed }),
        updatedAt: at,
        ...(change.isDeleted ? {} : { changeNumber, version: { increment: 1 } }),
      },
    });
    if (result.count !== 1) return false;
  }
  for (const [byShift, isDeleted] of [
    [idsByShift, false],
    [deletedIdsByShift, true],
  ] as const) {
    for (const [shift, ids] of byShift) {
      for (let offset = 0; offset < ids.length; offset += SHIFT_BATCH_SIZE) {
        const batch = ids.slice(offset, offset + SHIFT_BATCH_SIZE);
        const statement = isDeleted
          ? shiftDeletedStatement(articleId, batch, shift, at, expectedVersion)
          : shiftStatement(articleId, batch, shift, changeNumber, at, expectedVersion);
        const count = await db.$executeRaw(statement);
        if (count !== batch.length) return false;
      }
    }
  }
  return true;
}

/**
 * The statement that moves the live claims `ids` of an article `shift` characters (UTF-16 code units) on, a new
 * version and change number to each (see updateClaimAnchors); exported for its test, which checks how SQLite runs it.
 */
export function shiftStatement(
  articleId: string,
  ids: readonly string[],
  shift: number,
  changeNumber: number,
  at: Date,
  expectedVersion?: number,
): Prisma.Sql {
  const versionCheck = expectedVersion === undefined ? Prisma.empty : Prisma.sql`AND "version" = ${expectedVersion}`;
  // The claims are found by id, and their article checked on each: the article's column as an expression (`|| ''`)
  // is no index's. Without statistics, SQLite took an index on the article for cheaper than 500 lookups by id, and
  // each statement read every claim of the article: 10,000 claims took 20 reads of 10,000 rows (200 ms, where 2,000
  // took 12), now 10,000 lookups (60 ms).
  // `at` as a Date: each database's adapter stores it as Prisma's own writes do (SQLite: `…T12:30:00.000+00:00`).
  return Prisma.sql`
    UPDATE "Claim" SET "start" = "start" + ${shift}, "end" = "end" + ${shift}, "changeNumber" = ${changeNumber},
      "updatedAt" = ${at}, "version" = "version" + 1
    WHERE "id" IN (${Prisma.join(ids)}) AND ("articleId" || '') = ${articleId} AND "deletedAt" IS NULL
      AND "isOrphaned" = false ${versionCheck}`;
}

/**
 * shiftStatement's variant for deleted claims (ClaimAnchorChange.isDeleted): the same lookups by id, each claim
 * checked deleted, its version and change number left as they are. Exported for its test.
 */
export function shiftDeletedStatement(
  articleId: string,
  ids: readonly string[],
  shift: number,
  at: Date,
  expectedVersion?: number,
): Prisma.Sql {
  const versionCheck = expectedVersion === undefined ? Prisma.empty : Prisma.sql`AND "version" = ${expectedVersion}`;
  // By id, the article as an expression, as shiftStatement (why there).
  return Prisma.sql`
    UPDATE "Claim" SET "start" = "start" + ${shift}, "end" = "end" + ${shift}, "updatedAt" = ${at}
    WHERE "id" IN (${Prisma.join(ids)}) AND ("articleId" || '') = ${articleId} AND "deletedAt" IS NOT NULL
      AND "isOrphaned" = false ${versionCheck}`;
}

/** How far a change only moves its claim (see ClaimAnchorChange.from); undefined when it changes more. */
function shiftOf({ selectors, isOrphaned, isAnchorUnconfirmed, from }: ClaimAnchorChange): number | undefined {
  if (!from || isOrphaned || isAnchorUnconfirmed !== undefined) return undefined;
  const { position, quote } = selectors;
  const shift = position.start - from.position.start;
  const isSameQuote =
    quote.exact === from.quote.exact && quote.prefix === from.quote.prefix && quote.suffix === from.quote.suffix;
  return isSameQuote && position.end - from.position.end === shift ? shift : undefined;
}
