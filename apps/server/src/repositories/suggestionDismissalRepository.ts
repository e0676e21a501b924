import type { Actor } from "@factmark/core";
import type { SuggestionDismissal } from "@factmark/core/suggestions";
import type { DbClient } from "./articleRepository";

/** What GET suggestions checks before anything else: the article's version, change number and dismissals on it. */
export interface SuggestionState {
  version: number;
  /** The article's last change number (0 before its first change): claims, links, text, metadata all move it. */
  changeNumber: number;
  /** How many dismissals the article has, on any version (they are only ever added). */
  dismissalCount: number;
}

/**
 * One light query (no text read): the live article's version, its last change number and the number of
 * dismissals on it, which together say whether a client's suggestions are still current.
 * null when there is no such live article.
 */
export async function findSuggestionState(db: DbClient, articleId: string): Promise<SuggestionState | null> {
  const [row] = await db.$queryRaw<{ version: number; lastChangeNumber: unknown; dismissalCount: unknown }[]>`
    SELECT a."version", c."lastChangeNumber",
      (SELECT COUNT(*) FROM "SuggestionDismissal" AS d
        WHERE d."articleId" = a."id") AS "dismissalCount"
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

/**
 * The dismissals that hold on the article's current text, oldest first: those whose spans (and pair) still hold
 * the words they were made on, at the same offsets. So they are kept by the TEXT, not the article's version: a
 * title or other metadata edit keeps them, and so does a text edit that leaves everything before them as it was;
 * a text edit that moves or changes their words lets the suggestion come back, on its new place, to be judged again.
 */
export async function listDismissals(db: DbClient, articleId: string, text: string): Promise<SuggestionDismissal[]> {
  const rows = await db.suggestionDismissal.findMany({
    where: { articleId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: DISMISSAL_INCLUDE,
  });
  const holds = (start: number | null, end: number | null, exact: string | null) =>
    start !== null && end !== null && exact !== null && text.slice(start, end) === exact;
  return rows
    .filter(
      (row) =>
        holds(row.start, row.end, row.exact) &&
        (row.pairStart === null || holds(row.pairStart, row.pairEnd, row.pairExact)),
    )
    .map(toDismissal);
}

/**
 * The dismissal of exactly these spans, holding the same words, if one was stored already (on any version; in
 * either order for a pair).
 */
export async function findDismissal(
  db: DbClient,
  articleId: string,
  spans: DismissedSpans,
): Promise<SuggestionDismissal | null> {
  const { pair } = spans;
  const row = await db.suggestionDismissal.findFirst({
    where: {
      articleId,
      OR: pair
        ? [
            {
              start: spans.start,
              end: spans.end,
              exact: spans.exact,
              pairStart: pair.start,
              pairEnd: pair.end,
              pairExact: pair.exact,
            },
            {
              start: pair.start,
              end: pair.end,
              exact: pair.exact,
              pairStart: spans.start,
              pairEnd: spans.end,
              pairExact: spans.exact,
            },
          ]
        : [{ start: spans.start, end: spans.end, exact: spans.exact, pairStart: null }],
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
