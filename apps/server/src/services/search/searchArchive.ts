import {
  AppError,
  type Principal,
  type SearchFilter,
  type SearchHighlight,
  type SearchItem,
  type SearchKind,
  type SearchResults,
  type Verdict,
} from "@factmark/core";
import { type Db, isPostgres } from "../../db/createDatabase";
import { sqliteDateTime } from "../../db/sqliteDateTime";
import { Prisma } from "../../generated/prisma/client";
import { authorize } from "../../policy/authorize";
import { speakerSpellings } from "../speakers/speakerSpellings";
import { articlesInStatus } from "./articlesInStatus";
import { highlightField } from "./highlightField";
import { type ParsedSearch, parseSearchQuery, type SearchTerm } from "./parseSearchQuery";
import { type SearchTextColumn, toFts5Match, toTsQuery } from "./searchMatchExpressions";
import { cachedTermSample, matchShare } from "./termSample";

/** One row of a search page, as both databases' statements answer it. */
interface SearchRow {
  kind: "article" | "claim" | "evidence";
  refId: string;
  articleId: string;
  score: number;
  articleTitle: string;
  articleCreatedAt: Date | string;
  /** Only for article results: the text projection, to excerpt. */
  articleText: string | null;
  claimId: string | null;
  quote: string | null;
  verdict: string | null;
  speaker: string | null;
  rationale: string | null;
  evidenceUrl: string | null;
  evidenceTitle: string | null;
}

const CURSOR_ERROR = "cursor is not one this server gave.";

/** The opaque cursor of the page after `offset` results. */
function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
}

function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  try {
    const { o } = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { o?: unknown };
    if (typeof o === "number" && Number.isSafeInteger(o) && o >= 0 && o <= 100_000) return o;
  } catch {
    // Answered below, as every other cursor this server did not give.
  }
  throw new AppError("VALIDATION_FAILED", CURSOR_ERROR, { fields: { cursor: [CURSOR_ERROR] } });
}

/** The first instant of a UTC day (YYYY-MM-DD), and of the day after it. */
function dayStart(day: string, plusDays = 0): Date {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + plusDays);
  return date;
}

/**
 * GET /api/search: the archive's live articles, claims and evidence matching `q` (see parseSearchQuery), best first
 * by the database's full-text rank (FTS5 bm25 with titles and quotes weighted above texts; PostgreSQL ts_rank_cd,
 * with pg_trgm near-spellings of names when words find less than a page), narrowed by the filters; with an empty
 * `q`, everything the filters keep, newest first. `q` that holds no word finds nothing. One statement per page,
 * after the speaker's spellings and the articles in `status` are looked up when those filters are given. Any
 * signed-in role may search. Throws VALIDATION_FAILED for a cursor this server did not give.
 */
export async function searchArchive(db: Db, actor: Principal, filter: SearchFilter): Promise<SearchResults> {
  authorize(actor, "article.read");
  const offset = decodeCursor(filter.cursor);
  const search = parseSearchQuery(filter.q);
  const isBrowsing = filter.q.trim() === "";
  if (!isBrowsing && search.groups.length === 0) return { items: [], cursor: null };
  const onPostgres = isPostgres(db);
  // Everything is a condition on the index's own row `e`: it carries its article's date and liveness, and its
  // claim's verdict and speaker (an evidence item's claim's; migration 0013), so no filter reads a Claim row, and
  // only the page's rows are joined to what they show.
  // On PostgreSQL, a search of common words walks the rows newest first (postgresStatement's `isCommon`).
  const isCommon = onPostgres && !isBrowsing && matchShare(await cachedTermSample(db), search) >= COMMON_SHARE;
  const conditions: Prisma.Sql[] = [Prisma.sql`e."articleDeletedAt" IS NULL AND e."claimDeletedAt" IS NULL`];
  if (filter.kind === "claim" && onPostgres && !isCommon) {
    // A claim's own row, as SearchEntry_claim_document_idx (migration 0013) is made: its GIN lookups skip the
    // articles and evidence holding the words (most of an article's matches), where the whole index's return them.
    conditions.push(Prisma.sql`e."claimId" = e."refId"`);
  } else if (filter.kind) conditions.push(Prisma.sql`e."kind" = ${filter.kind}`);
  if (filter.articleId) conditions.push(Prisma.sql`e."articleId" = ${filter.articleId}`);
  if (filter.speaker) {
    const spellings = await speakerSpellings(db, filter.speaker);
    conditions.push(Prisma.sql`e."speaker" IN (${Prisma.join(spellings)})`);
  }
  if (filter.verdict) conditions.push(Prisma.sql`e."verdict" = ${filter.verdict}`);
  if (filter.status) {
    // Where each article stands is decided once a request, in two statements (articlesInStatus).
    const ids = await articlesInStatus(db, filter.status);
    if (ids.length === 0) return { items: [], cursor: null };
    conditions.push(
      onPostgres
        ? Prisma.sql`e."articleId" IN (SELECT jsonb_array_elements_text(CAST(${JSON.stringify(ids)} AS jsonb)))`
        : Prisma.sql`e."articleId" IN (SELECT "value" FROM json_each(${JSON.stringify(ids)}))`,
    );
  }
  const range = dateRange(onPostgres, filter);
  if (range) conditions.push(range);
  const where = Prisma.join(conditions, " AND ");
  const page = { limit: filter.limit + 1, offset };
  const rows = isBrowsing
    ? await db.$queryRaw<SearchRow[]>(
        onPostgres
          ? postgresBrowseStatement(where, page, filter.speaker !== undefined)
          : sqliteBrowseStatement(where, page, range !== null),
      )
    : await db.$queryRaw<SearchRow[]>(
        onPostgres
          ? postgresStatement(search, where, page, isCommon)
          : sqliteStatement(toFts5Match(search, filter.kind && KIND_COLUMNS[filter.kind]), where, page),
      );
  const hasMore = rows.length > filter.limit;
  const found = rows.slice(0, filter.limit);
  if (onPostgres && !isBrowsing && !hasMore && offset === 0) {
    found.push(...(await nearSpellings(db, search, where, found, filter.limit - found.length)));
  }
  const terms = isBrowsing ? [] : search.groups.flat();
  return {
    items: found.map((row) => toItem(row, terms)),
    cursor: hasMore ? encodeCursor(offset + filter.limit) : null,
  };
}

/** `from`/`to` as a condition on the article's date the index's row carries; null without either. */
function dateRange(onPostgres: boolean, filter: SearchFilter): Prisma.Sql | null {
  const instant = (date: Date) =>
    onPostgres ? Prisma.sql`CAST(${date.toISOString()} AS TIMESTAMPTZ) AT TIME ZONE 'UTC'` : sqliteDateTime(date);
  const bounds: Prisma.Sql[] = [];
  if (filter.from) bounds.push(Prisma.sql`e."articleCreatedAt" >= ${instant(dayStart(filter.from))}`);
  if (filter.to) bounds.push(Prisma.sql`e."articleCreatedAt" < ${instant(dayStart(filter.to, 1))}`);
  return bounds.length > 0 ? Prisma.join(bounds, " AND ") : null;
}

/**
 * What a result shows, for the page's rows `e` (the index's columns, and the score). On SQLite, CROSS JOIN keeps
 * them the outer loop (SQLite never reorders it).
 */
function shown(onPostgres: boolean): Prisma.Sql {
  return Prisma.sql`e."kind", e."refId", e."articleId", e."claimId",
      a."title" AS "articleTitle", a."createdAt" AS "articleCreatedAt",
      CASE WHEN e."kind" = 'article' THEN a."text" END AS "articleText",
      c."exact" AS "quote", c."verdict", c."speaker", c."rationale",
      ev."url" AS "evidenceUrl", ev."title" AS "evidenceTitle", e."score"
    FROM page e ${Prisma.raw(onPostgres ? "JOIN" : "CROSS JOIN")} "Article" a ON a."id" = e."articleId"
    LEFT JOIN "Claim" c ON c."id" = e."claimId"
    LEFT JOIN "Evidence" ev ON e."kind" = 'evidence' AND ev."id" = e."refId"`;
}

interface Page {
  limit: number;
  offset: number;
}

/**
 * SQLite, everything the filters keep, newest first. With a date range, the entries of the articles added in it
 * are read first (by the article's own date) and sorted: a walk from the newest entry would pass every later one.
 */
function sqliteBrowseStatement(where: Prisma.Sql, { limit, offset }: Page, hasRange: boolean): Prisma.Sql {
  const entries = hasRange
    ? Prisma.sql`"SearchEntry" e INDEXED BY "SearchEntry_articleCreatedAt_idx"`
    : Prisma.sql`"SearchEntry" e`;
  return Prisma.sql`WITH page AS (
      SELECT e."kind", e."refId", e."articleId", e."claimId", e."createdAt", 0 AS "score" FROM ${entries}
      WHERE ${where} ORDER BY e."createdAt" DESC, e."refId" DESC LIMIT ${limit} OFFSET ${offset}
    )
    SELECT ${shown(false)} ORDER BY e."createdAt" DESC, e."refId" DESC`;
}

/**
 * PostgreSQL, everything the filters keep, newest first. A speaker's rows (a few hundred) are read first, whole, by
 * SearchEntry_speaker_createdAt_idx, then sorted: a walk back along the date index, which the planner takes for a
 * page of a filter it thinks common, passes every other speaker's rows first (a speaker's claims come in runs, by
 * article: 27,000 rows for "Ingrid Fitzgerald", 200-340 ms).
 */
function postgresBrowseStatement(where: Prisma.Sql, { limit, offset }: Page, bySpeaker: boolean): Prisma.Sql {
  const entries = bySpeaker
    ? Prisma.sql`(SELECT e."kind", e."refId", e."articleId", e."claimId", e."createdAt"
        FROM "search"."SearchEntry" e WHERE ${where} OFFSET 0) e`
    : Prisma.sql`"search"."SearchEntry" e WHERE ${where}`;
  return Prisma.sql`WITH page AS MATERIALIZED (
      SELECT e."kind", e."refId", e."articleId", e."claimId", e."createdAt", 0 AS "score"
      FROM ${entries} ORDER BY e."createdAt" DESC, e."refId" DESC LIMIT ${limit} OFFSET ${offset}
    )
    SELECT ${shown(true)} ORDER BY e."createdAt" DESC, e."refId" DESC`;
}

/**
 * The most matches of a search that are ranked: the newest this many that pass the filters (by when their row was
 * last indexed). Ranking scores every match it is given, and a common word matches most of a big archive: on 100,000
 * claims, "iran" (52,000 matches) took 150-500 ms to rank whole and about 30 ms capped at 2,000; on PostgreSQL, 1,000
 * rather than 2,000 took a quarter to two fifths off most searches of a few words (each ranked match is read again
 * for its document: "vacancies went up to" 48 -> 29 ms). A search that matches fewer is ranked whole; past this many
 * results (50 pages), the cursor ends.
 */
export const RANKED_MATCH_LIMIT = 1000;

/** The FTS5 columns of each kind's rows: a kind filter becomes a column filter, so other rows never match. */
const KIND_COLUMNS: Record<SearchKind, SearchTextColumn[]> = {
  article: ["title", "text"],
  claim: ["quote", "rationale", "speaker"],
  evidence: ["evidenceTitle"],
};

/**
 * FTS5, bm25 with column weights: title and quote 10, speaker 5, evidence title 4, rationale 3, article text 1. The
 * inner statement walks the matches that pass the filters newest first (the index's rows only), so the cap stops it
 * (and bm25's scoring) early; the page's rows are then joined to what they show.
 */
function sqliteStatement(match: string, where: Prisma.Sql, page: Page): Prisma.Sql {
  return Prisma.sql`WITH page AS (
      SELECT e.*, m."score" FROM (
        SELECT e."entryId", -bm25("SearchText", 10.0, 1.0, 10.0, 3.0, 5.0, 4.0) AS "score"
        FROM "SearchText" CROSS JOIN "SearchEntry" e ON e."entryId" = "SearchText"."rowid"
        WHERE "SearchText" MATCH ${match} AND ${where}
        ORDER BY "SearchText"."rowid" DESC LIMIT ${RANKED_MATCH_LIMIT}
      ) m CROSS JOIN "SearchEntry" e ON e."entryId" = m."entryId"
      ORDER BY m."score" DESC, e."refId" LIMIT ${page.limit} OFFSET ${page.offset}
    )
    SELECT ${shown(false)} ORDER BY e."score" DESC, e."refId"`;
}

/**
 * The share of the index's rows (termSample.ts's estimate) from which a search's matches are found by walking its
 * rows newest first rather than through the GIN index: a word in a quarter of the rows gives the newest
 * RANKED_MATCH_LIMIT matches within about 4,000 rows, where the GIN index returns all of its 30,000 or more, each read
 * for its date ("the", in 100,000 of 122,000 rows: 90-130 ms through the GIN index).
 */
export const COMMON_SHARE = 0.25;

/**
 * PostgreSQL: ts_rank_cd over the weighted tsvector (A 1.0, B 0.4, C 0.2, D 0.1), lengths evened by log. The
 * matches come from the GIN index: the query is a materialized step of its own, so the planner cannot see how common
 * its words are and never walks the date index testing `@@` row by row (for "poland", 4 % of rows, that read about
 * 50,000 documents: 0.5-1.7 s). Of the matches that pass the filters, the newest are ranked (their documents read by
 * the primary key: carried along from the match, through the sort, "per cent" took 330-490 ms instead of 75), and
 * only the page's rows are joined to what they show. A search whose words are common (`isCommon`: at least
 * COMMON_SHARE of the rows) walks the rows newest first, testing each, until it has enough.
 */
function postgresStatement(search: ParsedSearch, where: Prisma.Sql, page: Page, isCommon: boolean): Prisma.Sql {
  // ts_match_vq is `@@` under its own name, which no index answers: the planner walks the date index instead.
  const matches = isCommon
    ? Prisma.sql`ts_match_vq(e."document", query.query)`
    : Prisma.sql`e."document" @@ query.query`;
  return Prisma.sql`WITH query AS MATERIALIZED (SELECT to_tsquery('search.factmark', ${toTsQuery(search)}) AS query),
    newest AS MATERIALIZED (
      SELECT e."kind", e."refId" FROM "search"."SearchEntry" e, query
      WHERE ${matches} AND ${where}
      ORDER BY e."createdAt" DESC LIMIT ${RANKED_MATCH_LIMIT}
    ),
    page AS MATERIALIZED (
      SELECT e."kind", e."refId", e."articleId", e."claimId",
        ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', e."document", query.query, 1)::float8 AS "score"
      FROM newest m JOIN "search"."SearchEntry" e ON e."kind" = m."kind" AND e."refId" = m."refId", query
      ORDER BY "score" DESC, e."refId" LIMIT ${page.limit} OFFSET ${page.offset}
    )
    SELECT ${shown(true)} ORDER BY e."score" DESC, e."refId"`;
}

/**
 * PostgreSQL only: results whose names (an article's title, a claim's speaker, an evidence title) are spelt near the
 * searched words (pg_trgm's word similarity), after the words' own results and below them, when those did not fill
 * the first page: "Amir Abdolahian" still finds "Hossein Amir-Abdollahian".
 */
async function nearSpellings(
  db: Db,
  search: ParsedSearch,
  where: Prisma.Sql,
  found: SearchRow[],
  limit: number,
): Promise<SearchRow[]> {
  const words = search.groups.flat().flatMap((term) => term.words);
  if (limit <= 0 || words.length === 0) return [];
  const typed = words.join(" ").toLowerCase();
  const known = found.map((row) => `${row.kind}:${row.refId}`);
  const rows = await db.$queryRaw<SearchRow[]>`WITH page AS MATERIALIZED (
      SELECT e."kind", e."refId", e."articleId", e."claimId", word_similarity(${typed}, e."names")::float8 AS "score"
      FROM "search"."SearchEntry" e
      WHERE ${typed} <% e."names" AND ${where}
        ${known.length > 0 ? Prisma.sql`AND (e."kind" || ':' || e."refId") NOT IN (${Prisma.join(known)})` : Prisma.empty}
      ORDER BY "score" DESC, e."refId" LIMIT ${limit}
    )
    SELECT ${shown(true)} ORDER BY e."score" DESC, e."refId"`;
  // Below every result of the words themselves: scores are comparable only within one answer.
  const floor = Math.min(1, ...found.map((row) => Number(row.score)));
  return rows.map((row) => ({ ...row, score: (floor * Number(row.score)) / 2 }));
}

function isoOf(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function toItem(row: SearchRow, terms: SearchTerm[]): SearchItem {
  const base = {
    score: Number(row.score),
    article: { id: row.articleId, title: row.articleTitle, createdAt: isoOf(row.articleCreatedAt) },
  };
  const claim = () => ({
    id: row.claimId as string,
    quote: row.quote ?? "",
    verdict: row.verdict as Verdict,
    speaker: row.speaker,
  });
  const highlights = (fields: [SearchHighlight["field"], string | null][]) => {
    const found = fields.flatMap(([field, value]) => highlightField(field, value ?? "", terms) ?? []);
    // A result always shows its main field, highlighted or not (a filter's or a near spelling's result).
    const [field, value] = fields[0] as [SearchHighlight["field"], string | null];
    return found.length > 0 ? found : [{ field, text: value ?? "", ranges: [] }];
  };
  switch (row.kind) {
    case "article":
      return {
        kind: "article",
        ...base,
        highlights: highlights([
          ["title", row.articleTitle],
          ["text", row.articleText],
        ]),
      };
    case "claim":
      return {
        kind: "claim",
        ...base,
        claim: claim(),
        highlights: highlights([
          ["quote", row.quote],
          ["speaker", row.speaker],
          ["rationale", row.rationale],
        ]),
      };
    case "evidence":
      return {
        kind: "evidence",
        ...base,
        evidence: { id: row.refId, url: row.evidenceUrl ?? "", title: row.evidenceTitle },
        claim: claim(),
        highlights: highlights([["evidenceTitle", row.evidenceTitle ?? row.evidenceUrl]]),
      };
  }
}
