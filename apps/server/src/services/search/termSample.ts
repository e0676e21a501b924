import { Prisma } from "../../generated/prisma/client";
import type { DbClient } from "../../repositories/articleRepository";
import { foldWord, type ParsedSearch, type SearchTerm } from "./parseSearchQuery";

/**
 * How common words are in PostgreSQL's search index, from a sample of its newest rows: what precedents use to pick a
 * claim's rarest words (claimCandidates), and the search to choose how to find a query's matches (searchArchive).
 * SQLite has FTS5's own vocabulary for this.
 */

/** How many of the index's newest rows are sampled. */
export const TERM_SAMPLE_SIZE = 3_000;
/** How long a sample, the count of claims' rows, and precedents' word counts are reused per database client, in ms. */
export const TERM_SAMPLE_TTL_MS = 10 * 60_000;

/** What the index's newest rows say of how common each word is (cachedTermSample). */
export interface TermSample {
  /** Lexeme -> how many of the sampled rows hold it, and how many of the sampled claims' rows. */
  rowsHolding: Map<string, number>;
  claimsHolding: Map<string, number>;
  /** How many rows, and claims' rows, were sampled. */
  rowsSampled: number;
  claimsSampled: number;
  /** Whether the sample is all of the index (fewer rows than TERM_SAMPLE_SIZE): its counts are exact. */
  isWhole: boolean;
  until: number;
}

const termSamples = new WeakMap<object, TermSample>();
const claimEntryCounts = new WeakMap<object, { count: number; until: number }>();

/**
 * The index's newest TERM_SAMPLE_SIZE rows' words, counted, read once every TERM_SAMPLE_TTL_MS per database client:
 * testing each word of a request against the sample in the database cost 19 ms a request on the bench archive
 * (3,000 documents per word); reading the sample's words costs that once. Read backwards along
 * SearchEntry_createdAt_idx: with no condition, the planner walks it whatever the statistics; with `kind = 'claim'`
 * and none, it sorted all 100,000 claims' rows (300-1,000 ms). PostgreSQL only.
 */
export async function cachedTermSample(db: DbClient): Promise<TermSample> {
  const known = termSamples.get(db);
  if (known && known.until > Date.now()) return known;
  const rows = await db.$queryRaw<{ kind: string; lexemes: string[] }[]>(Prisma.sql`
    SELECT e."kind", tsvector_to_array(e."document") AS "lexemes"
    FROM "search"."SearchEntry" e ORDER BY e."createdAt" DESC LIMIT ${TERM_SAMPLE_SIZE}`);
  const rowsHolding = new Map<string, number>();
  const claimsHolding = new Map<string, number>();
  let claimsSampled = 0;
  for (const row of rows) {
    const isClaim = row.kind === "claim";
    if (isClaim) claimsSampled += 1;
    for (const lexeme of row.lexemes) {
      rowsHolding.set(lexeme, (rowsHolding.get(lexeme) ?? 0) + 1);
      if (isClaim) claimsHolding.set(lexeme, (claimsHolding.get(lexeme) ?? 0) + 1);
    }
  }
  const sample: TermSample = {
    rowsHolding,
    claimsHolding,
    rowsSampled: rows.length,
    claimsSampled,
    isWhole: rows.length < TERM_SAMPLE_SIZE,
    until: Date.now() + TERM_SAMPLE_TTL_MS,
  };
  termSamples.set(db, sample);
  return sample;
}

/**
 * How many claims' rows the index holds on PostgreSQL, counted once every TERM_SAMPLE_TTL_MS per client (40-200 ms on
 * 100,000 claims): the sampled counts scaled to the whole index. Only precedents ask; the search needs shares alone.
 */
export async function cachedClaimEntryCount(db: DbClient, sample: TermSample): Promise<number> {
  if (sample.isWhole) return sample.claimsSampled;
  const known = claimEntryCounts.get(db);
  if (known && known.until > Date.now()) return known.count;
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS "count" FROM "search"."SearchEntry" WHERE "kind" = 'claim'`;
  const count = Number(row?.count ?? 0);
  claimEntryCounts.set(db, { count, until: Date.now() + TERM_SAMPLE_TTL_MS });
  return count;
}

/**
 * The share (0 to 1) of the sampled rows a search's matches are at most: each group's terms' shares added (a
 * phrase's: its rarest word's), the least of the groups (all must match). A prefix counts as 0 (its words are not
 * known), so is any word the sample spells otherwise than foldWord: an estimate that errs towards "rare".
 */
export function matchShare(sample: TermSample, search: ParsedSearch): number {
  if (sample.rowsSampled === 0 || search.groups.length === 0) return 0;
  const shareOf = (term: SearchTerm) =>
    term.isPrefix
      ? 0
      : Math.min(...term.words.map((word) => (sample.rowsHolding.get(foldWord(word)) ?? 0) / sample.rowsSampled));
  return Math.min(
    ...search.groups.map((group) =>
      Math.min(
        1,
        group.reduce((sum, term) => sum + shareOf(term), 0),
      ),
    ),
  );
}
