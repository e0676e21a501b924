import { isPostgres } from "../../db/createDatabase";
import { Prisma } from "../../generated/prisma/client";
import type { DbClient } from "../../repositories/articleRepository";
import { foldWord, type ParsedSearch, type SearchTerm, searchWords } from "./parseSearchQuery";
import { toFts5Match, toTsQuery } from "./searchMatchExpressions";
import { cachedClaimEntryCount, cachedTermSample, TERM_SAMPLE_TTL_MS } from "./termSample";

/** The most groups of terms a candidate search sends: the rarest the index holds (see `claimCandidates`). */
export const CANDIDATE_GROUP_LIMIT = 4;
/** The most claims (by the groups' counts) the last, widest step may match when it adds rarer-than-common groups. */
const WIDENED_MATCH_BUDGET = 2_000;

/**
 * How many claims' rows hold each word on PostgreSQL: a word found in the claims' rows among the index's newest
 * rows (termSample.ts) is counted in proportion to all claims' rows; one none of them holds is
 * rarer, and counted exactly through the GIN index (a few rows). Counting common words through the index reads
 * thousands of rows each (1.5 s for seven on the 100,000-claim bench archive); ANALYZE's statistics (pg_stats' most
 * common elements), read before, are missing until it has run, and with none every word counted as rare: precedents
 * matched most of the archive (0.8-1.7 s). `words` are folded as the index folds them (foldWord); one the sample
 * spells otherwise is only counted exactly.
 */
async function postgresTermCounts(db: DbClient, words: string[]): Promise<Map<string, number>> {
  const sample = await cachedTermSample(db);
  const claims = await cachedClaimEntryCount(db, sample);
  const counts = new Map<string, number>();
  const rare: string[] = [];
  for (const word of words) {
    const hits = sample.claimsHolding.get(word) ?? 0;
    if (hits > 0) counts.set(word, Math.max(1, Math.round((hits * claims) / sample.claimsSampled)));
    else rare.push(word);
  }
  if (rare.length > 0) {
    // count(*) (rows of every kind, as on SQLite) over a GIN bitmap scan: EXISTS made the planner, without
    // statistics, prefer a sequential scan that stops at its first match, which for a word no row holds reads the
    // whole table (150 ms a word). A kind test here could lead it along the kind index instead.
    const tsQueries = rare.map((word) => toTsQuery({ groups: [[{ words: [word], isPrefix: false }]], excluded: [] }));
    const exact = await db.$queryRaw<{ word: string; count: number }[]>(Prisma.sql`
      SELECT t."word", (
        SELECT count(*) FROM "search"."SearchEntry" e
        WHERE e."document" @@ to_tsquery('search.factmark', t."query")
      )::int AS "count"
      FROM unnest(${rare}::text[], ${tsQueries}::text[]) AS t("word", "query")`);
    for (const row of exact) counts.set(row.word, Number(row.count));
  }
  return counts;
}

/**
 * Live claims of live articles other than `excludeArticleId` whose quote or rationale holds the terms, best first
 * by the search index's rank (higher `rank` is better; comparable only within one answer), at most `limit`.
 * `terms` are groups: a plain word or digit string, or a list of alternatives for one thing said (a word's
 * inflected forms: ["drone", "drones"]). A term with punctuation inside ("12.5", "Amir-Abdollahian") is matched as
 * the phrase of its words; one without any word is ignored.
 * Only the CANDIDATE_GROUP_LIMIT groups the index holds fewest claims for are searched (a group no claim holds is
 * dropped): common words would make most of an archive match, and all of it be ranked. A claim must hold all
 * but one of them (of three or more), or, while fewer than `enough` (default: `limit`) claims do, two, then one:
 * ranking what matches is what costs. Two queries: the terms' counts (FTS5's vocabulary on SQLite,
 * the newest claims' rows on PostgreSQL), then the search through the full-text index (migration 0012):
 * FTS5's bm25 (quote weighted above rationale) on SQLite, ts_rank_cd on PostgreSQL.
 */
export async function claimCandidates(
  db: DbClient,
  terms: readonly (string | readonly string[])[],
  options: { excludeArticleId: string; limit: number; enough?: number },
): Promise<{ claimId: string; rank: number }[]> {
  const limit = Math.max(0, Math.floor(options.limit));
  const groups = terms
    .map((group) =>
      (typeof group === "string" ? [group] : group)
        .map((term) => searchWords(term))
        .filter((words) => words.length > 0)
        .map((words): SearchTerm => ({ words, isPrefix: false })),
    )
    .filter((group) => group.length > 0);
  if (groups.length === 0 || limit === 0) return [];
  const held = await rarestGroups(db, groups);
  if (held.length === 0) return [];
  const chosen = held.slice(0, CANDIDATE_GROUP_LIMIT).map((group) => group.terms);
  // The last step, one of them, also asks for the next rarest while few claims hold them all: a restatement in
  // other words may share only a common word or two.
  let widened = held.slice(0, CANDIDATE_GROUP_LIMIT).reduce((sum, group) => sum + group.count, 0);
  const anyOfWidened = [...chosen];
  for (const group of held.slice(CANDIDATE_GROUP_LIMIT)) {
    widened += group.count;
    if (widened > WIDENED_MATCH_BUDGET) break;
    anyOfWidened.push(group.terms);
  }
  const anyOf: ParsedSearch = { groups: [anyOfWidened.flat()], excluded: [] };
  const enough = Math.min(limit, Math.max(1, Math.floor(options.enough ?? limit)));
  // All but one of them, then two, then one: each step matches more claims, and ranking them costs more.
  const steps = chosen.length < 3 ? [1] : [...new Set([chosen.length - 1, 2, 1])];
  let rows: Ranked[] = [];
  for (const size of steps) {
    const match = size === 1 ? [anyOf] : combinationsOf(chosen, size);
    const ranked = size === 1 ? anyOf : { groups: [chosen.flat()], excluded: [] };
    rows = await rankedMatches(db, match, ranked, options.excludeArticleId, limit);
    if (rows.length >= enough) break;
  }
  return rows.map((row) => ({ claimId: row.claimId, rank: Number(row.rank) }));
}

type Ranked = { claimId: string; rank: number };

/** Claims matching any of `match`, ranked by the index against `ranked`, best first, at most `limit`. */
function rankedMatches(
  db: DbClient,
  match: ParsedSearch[],
  ranked: ParsedSearch,
  excludeArticleId: string,
  limit: number,
): Promise<Ranked[]> {
  if (isPostgres(db)) {
    // One GIN lookup per search, ORed (a bitmap OR): for a conjunction the index skips through its common words'
    // lists, where one tsquery ORing every combination read them all (up to 85 ms). The lookups ask for the words
    // anywhere (a phrase's words too), which the index answers without reading the rows; whether they are in the
    // quote or the rationale, and a phrase's in order (weights A and C, and positions, which the index does not hold),
    // is tested on the rows found. `e."claimId" = e."refId"` (a claim's own row) makes the lookups those of
    // SearchEntry_claim_document_idx (migration 0013), a GIN index of claims' rows alone: through the whole index they
    // also returned nearly every article (an article's text holds most words), and reading or rechecking those 1,500-
    // 2,000 rows was most of a request (40-170 ms). The tsqueries are made once, in one row.
    const queries = match.map((search, index) => ({
      made: Prisma.sql`to_tsquery('search.factmark', ${toTsQuery(search, "", true)}) AS ${Prisma.raw(`"match${index}"`)}`,
      test: Prisma.sql`e."document" @@ q.${Prisma.raw(`"match${index}"`)}`,
    }));
    const inQuoteOrRationale = match.map((search) => toTsQuery(search, "AC")).join(" | ");
    return db.$queryRaw<Ranked[]>(Prisma.sql`
        WITH q AS MATERIALIZED (
          SELECT ${Prisma.join(
            queries.map((query) => query.made),
            ", ",
          )},
            to_tsquery('search.factmark', ${inQuoteOrRationale}) AS "inQuoteOrRationale",
            to_tsquery('search.factmark', ${toTsQuery(ranked, "AC")}) AS "ranked"
        )
        SELECT e."refId" AS "claimId", ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', e."document", q."ranked")::float8 AS "rank"
        FROM q, "search"."SearchEntry" e
        WHERE (${Prisma.join(
          queries.map((query) => query.test),
          " OR ",
        )})
          AND e."claimId" = e."refId" AND e."articleId" <> ${excludeArticleId} AND e."articleDeletedAt" IS NULL
          AND ts_match_vq(e."document", q."inQuoteOrRationale")
        ORDER BY "rank" DESC, e."refId"
        LIMIT ${limit}`);
  }
  return (
    // Ranked through the index alone, without the rows of the asking article or of deleted ones (few: found
    // through SearchEntry's index on articleId), then the best joined: joining every match to SearchEntry before
    // ranking, or to Article (whose "deletedAt" lies past a long text), cost more than matching and ranking.
    db.$queryRaw<Ranked[]>(Prisma.sql`
        SELECT e."refId" AS "claimId", m."rank" FROM (
          SELECT "SearchText"."rowid" AS "entryId", -bm25("SearchText", 0, 0, 2.0, 1.0, 0, 0) AS "rank"
          FROM "SearchText"
          WHERE "SearchText" MATCH ${`{quote rationale} : (${match.map((search) => `(${toFts5Match(search)})`).join(" OR ")})`}
            AND "SearchText"."rowid" NOT IN (
              SELECT "entryId" FROM "SearchEntry" WHERE "articleId" = ${excludeArticleId}
              UNION ALL
              SELECT "entryId" FROM "SearchEntry"
              WHERE "articleId" IN (SELECT "id" FROM "Article" WHERE "deletedAt" IS NOT NULL))
          ORDER BY "rank" DESC, "SearchText"."rowid"
          LIMIT ${limit}
        ) m CROSS JOIN "SearchEntry" e ON e."entryId" = m."entryId"
        WHERE e."kind" = 'claim'
        ORDER BY m."rank" DESC, e."refId"`)
  );
}

/** Every `size` of `groups` (in their order), each as a search all of whose groups must match. */
function combinationsOf(groups: SearchTerm[][], size: number): ParsedSearch[] {
  const found: ParsedSearch[] = [];
  const pick = (from: number, picked: SearchTerm[][]) => {
    if (picked.length === size) found.push({ groups: picked, excluded: [] });
    else
      for (let index = from; index < groups.length; index++)
        pick(index + 1, [...picked, groups[index] as SearchTerm[]]);
  };
  pick(0, []);
  return found;
}

const termKey = (term: SearchTerm) => term.words.map(foldWord).join(" ");

/**
 * The groups some claim holds, rarest first, each without the terms none holds, with its count (the sum of its
 * terms'; a phrase's: its rarest word's).
 */
async function rarestGroups(db: DbClient, groups: SearchTerm[][]): Promise<{ terms: SearchTerm[]; count: number }[]> {
  const counts = await cachedTermCounts(db, [...new Set(groups.flat().flatMap((term) => term.words.map(foldWord)))]);
  const countOf = (term: SearchTerm) => Math.min(...term.words.map((word) => counts.get(foldWord(word)) ?? 0));
  const held = groups
    .map((group, index) => {
      const terms = group.filter((term) => countOf(term) > 0);
      return { terms, index, count: terms.reduce((sum, term) => sum + countOf(term), 0) };
    })
    .filter((group) => group.terms.length > 0);
  const seen = new Set<string>();
  return held
    .sort((a, b) => a.count - b.count || a.index - b.index)
    .filter((group) => {
      const key = group.terms.map(termKey).sort().join("|");
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((group) => ({ terms: group.terms, count: group.count }));
}

/**
 * How many words' counts each database keeps, each reused for TERM_SAMPLE_TTL_MS. A count only steers which
 * words are searched for, so one a few minutes old serves; a newsroom's claims share most of their words, so most
 * lookups are of words counted moments before (counting a word reads its whole list of rows).
 */
const TERM_COUNT_CACHE_SIZE = 50_000;
const termCountCaches = new WeakMap<object, Map<string, { count: number; until: number }>>();

/** termCounts, each count reused for TERM_SAMPLE_TTL_MS (per database client, oldest dropped past the size). */
async function cachedTermCounts(db: DbClient, words: string[]): Promise<Map<string, number>> {
  const cache = termCountCaches.get(db) ?? new Map<string, { count: number; until: number }>();
  termCountCaches.set(db, cache);
  const now = Date.now();
  const counts = new Map<string, number>();
  const missing: string[] = [];
  for (const word of words) {
    const known = cache.get(word);
    if (known && known.until > now) counts.set(word, known.count);
    else missing.push(word);
  }
  for (const [word, count] of await termCounts(db, missing)) {
    counts.set(word, count);
    cache.delete(word);
    cache.set(word, { count, until: now + TERM_SAMPLE_TTL_MS });
  }
  for (const word of cache.keys()) {
    if (cache.size <= TERM_COUNT_CACHE_SIZE) break;
    cache.delete(word);
  }
  return counts;
}

/**
 * How many claims' quotes or rationales hold each word (folded as the index folds it), 0 for a word none holds. SQLite reads FTS5's own vocabulary (a temporary fts5vocab table over
 * "SearchText", made once per connection); PostgreSQL estimates them (postgresTermCounts).
 */
async function termCounts(db: DbClient, words: string[]): Promise<Map<string, number>> {
  if (words.length === 0) return new Map();
  if (isPostgres(db)) return postgresTermCounts(db, words);
  await db.$executeRawUnsafe(
    `CREATE VIRTUAL TABLE IF NOT EXISTS temp."SearchTextVocabulary" USING fts5vocab(main, 'SearchText', 'row')`,
  );
  // One lookup per word: fts5vocab answers `term = ?` from the index, but scans its whole vocabulary for IN (…).
  // Rows of every kind are counted (reading which column holds a word costs twice as much): articles and evidence
  // items are few beside claims.
  const rows = await db.$queryRaw<{ word: string; count: number }[]>(Prisma.sql`
    SELECT w."value" AS "word",
      coalesce((SELECT v."doc" FROM temp."SearchTextVocabulary" v WHERE v."term" = w."value"), 0) AS "count"
    FROM json_each(${JSON.stringify(words)}) w`);
  return new Map(rows.map((row) => [row.word, Number(row.count)]));
}
