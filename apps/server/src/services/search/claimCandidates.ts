import { isPostgres } from "../../db/createDatabase";
import { Prisma } from "../../generated/prisma/client";
import type { DbClient } from "../../repositories/articleRepository";
import { type ParsedSearch, searchWords } from "./parseSearchQuery";
import { toFts5Match, toTsQuery } from "./searchMatchExpressions";

/**
 * Live claims of live articles other than `excludeArticleId` whose quote or rationale holds ANY of `terms`, best
 * first by the search index's rank (higher `rank` is better; comparable only within one answer), at most `limit`.
 * Terms are plain words or digit strings; one with punctuation inside ("12.5", "Amir-Abdollahian") is matched as
 * the phrase of its words, and one without any word is ignored. One query, through the full-text index (migration
 * 0012): FTS5's bm25 (quote weighted above rationale) on SQLite, ts_rank_cd on PostgreSQL.
 */
export async function claimCandidates(
  db: DbClient,
  terms: string[],
  options: { excludeArticleId: string; limit: number },
): Promise<{ claimId: string; rank: number }[]> {
  const alternatives = terms
    .map((term) => searchWords(term))
    .filter((words) => words.length > 0)
    .map((words) => ({ words, isPrefix: false }));
  const limit = Math.max(0, Math.floor(options.limit));
  if (alternatives.length === 0 || limit === 0) return [];
  const search: ParsedSearch = { groups: [alternatives], excluded: [] };
  const rows = isPostgres(db)
    ? await db.$queryRaw<{ claimId: string; rank: number }[]>(Prisma.sql`
        SELECT e."refId" AS "claimId", ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', e."document", query)::float8 AS "rank"
        FROM to_tsquery('search.factmark', ${toTsQuery(search, "AC")}) AS query
        JOIN "search"."SearchEntry" e ON e."document" @@ query
        JOIN "Article" a ON a."id" = e."articleId"
        WHERE e."kind" = 'claim' AND e."articleId" <> ${options.excludeArticleId} AND a."deletedAt" IS NULL
        ORDER BY "rank" DESC, e."refId"
        LIMIT ${limit}`)
    : await db.$queryRaw<{ claimId: string; rank: number }[]>(Prisma.sql`
        SELECT e."refId" AS "claimId", -bm25("SearchText", 0, 0, 2.0, 1.0, 0, 0) AS "rank"
        FROM "SearchText"
        JOIN "SearchEntry" e ON e."entryId" = "SearchText"."rowid"
        JOIN "Article" a ON a."id" = e."articleId"
        WHERE "SearchText" MATCH ${toFts5Match(search, ["quote", "rationale"])}
          AND e."kind" = 'claim' AND e."articleId" <> ${options.excludeArticleId} AND a."deletedAt" IS NULL
        ORDER BY "rank" DESC, e."refId"
        LIMIT ${limit}`);
  return rows.map((row) => ({ claimId: row.claimId, rank: Number(row.rank) }));
}
