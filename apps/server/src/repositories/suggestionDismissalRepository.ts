import type { Actor } from "@factmark/core";
import type { SuggestionDismissal } from "@factmark/core/suggestions";
import type { DbClient } from "./articleRepository";

/** What GET suggestions checks before anything else: the article's version, change number and dismissals on it. */
export interface SuggestionState {
  version: number;
  /** The article's last change number (0 before its first change): claims, links, text, metadata all move it. */
  changeNumber: number;
  /** How many dismissals hold for this version (they are only ever added). */
  dismissalCount: number;
}

/**
 * One light query (no text read): the live article's version, its last change number and the number of
 * dismissals on its current version, which together say whether a client's suggestions are still current.
 * null when there is no such live article.
 */
export async function findSuggestionState(db: DbClient, articleId: string): Promise<SuggestionState | null> {
  const [row] = await db.$queryRaw<{ version: number; lastChangeNumber: unknown; dismissalCount: unknown }[]>`
    SELECT a."version", c."lastChangeNumber",
      (SELECT COUNT(*) FROM "SuggestionDismissal" AS d
        WHERE d."articleId" = a."id" AND d."articleVersion" = a."version") AS "dismissalCount"
    FROM "Article" AS a
    LEFT JOIN "ArticleChangeCounter" AS c ON c."articleId" = a."id"
    WHERE a."id" = ${articleId} AND a."deletedAt" IS NULL`;
  if (!row) return null;
  return {
    version: Number(row.version),
    changeNumber: Number(row.lastChangeNumber ?? 0),
    dismissalCount: Number(row.dismissalCount),
  };
}

/** A span set aside, and for a contradiction candidate the other span of the pair. */
export interface DismissedSpans {
  start: number;
  end: number;
  exact: string;
  pair: { start: number; end: number; exact: string } | null;
}

const DISMISSAL_INCLUDE = { createdBy: { select: { id: true, name: true } } } as const;

type DismissalRow = {
  id: string;
  articleId: string;
  articleVersion: number;
  start: number;
  end: number;
  pairStart: number | null;
  pairEnd: number | null;
  createdAt: Date;
  createdBy: Actor;
};

function toDismissal(row: DismissalRow): SuggestionDismissal {
  return {
    id: row.id,
    articleId: row.articleId,
    articleVersion: row.articleVersion,
    position: { start: row.start, end: row.end },
    pairedWith: row.pairStart === null || row.pairEnd === null ? null : { start: row.pairStart, end: row.pairEnd },
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
  };
}

/** The dismissals on one version of an article, oldest first. */
export async function listDismissals(
  db: DbClient,
  articleId: string,
  articleVersion: number,
): Promise<SuggestionDismissal[]> {
  const rows = await db.suggestionDismissal.findMany({
    where: { articleId, articleVersion },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: DISMISSAL_INCLUDE,
  });
  return rows.map(toDismissal);
}

/** The dismissal of exactly these spans on this version, if one was stored already (in either order for a pair). */
export async function findDismissal(
  db: DbClient,
  articleId: string,
  articleVersion: number,
  spans: DismissedSpans,
): Promise<SuggestionDismissal | null> {
  const { pair } = spans;
  const row = await db.suggestionDismissal.findFirst({
    where: {
      articleId,
      articleVersion,
      OR: pair
        ? [
            { start: spans.start, end: spans.end, pairStart: pair.start, pairEnd: pair.end },
            { start: pair.start, end: pair.end, pairStart: spans.start, pairEnd: spans.end },
          ]
        : [{ start: spans.start, end: spans.end, pairStart: null }],
    },
    include: DISMISSAL_INCLUDE,
  });
  return row ? toDismissal(row) : null;
}

/** Stores a dismissal by `actor` on one version of an article. */
export async function insertDismissal(
  db: DbClient,
  dismissal: { id: string; articleId: string; articleVersion: number } & DismissedSpans,
  actor: Actor,
): Promise<SuggestionDismissal> {
  const row = await db.suggestionDismissal.create({
    data: {
      id: dismissal.id,
      articleId: dismissal.articleId,
      articleVersion: dismissal.articleVersion,
      start: dismissal.start,
      end: dismissal.end,
      exact: dismissal.exact,
      pairStart: dismissal.pair?.start ?? null,
      pairEnd: dismissal.pair?.end ?? null,
      pairExact: dismissal.pair?.exact ?? null,
      createdById: actor.id,
    },
    include: DISMISSAL_INCLUDE,
  });
  return toDismissal(row);
}
