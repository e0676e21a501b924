import {
  type Actor,
  type Article,
  type ArticleSummary,
  type ChangePayload,
  changeEvent,
  type DocNode,
  emptyVerdictCounts,
  NEVER_PUBLISHED,
  UNCONCLUDED_ARTICLE,
  type Verdict,
} from "@factmark/core";
import type { Db } from "../db/createDatabase";
import type { Prisma } from "../generated/prisma/client";
import { insertEvents, lockArticleForChanges } from "./eventRepository";
import { recentPerClient } from "./recentPerClient";

export type DbClient = Db | Prisma.TransactionClient;

type ArticleRow = Prisma.ArticleGetPayload<object>;

export interface ArticleFields {
  title: string;
  sourceUrl: string | null;
  outlet: string | null;
  author: string | null;
  publishedAt: Date | null;
  doc: DocNode;
  text: string;
}

export function toArticle(row: ArticleRow): Article {
  return {
    ...toArticleMetadata(row),
    doc: JSON.parse(row.doc) as DocNode,
    text: row.text,
    // Stopgap until the conclusion and publication reads land.
    ...UNCONCLUDED_ARTICLE,
  };
}

function toArticleMetadata(row: Omit<ArticleRow, "doc" | "text">) {
  return {
    id: row.id,
    title: row.title,
    sourceUrl: row.sourceUrl,
    outlet: row.outlet,
    author: row.author,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Stores a new article and records its "created" entry, its first change; inside a transaction. */
export async function insertArticle(tx: DbClient, id: string, fields: ArticleFields, actor: Actor): Promise<Article> {
  const row = await tx.article.create({
    data: { id, ...fields, doc: JSON.stringify(fields.doc), createdById: actor.id },
  });
  await lockArticleForChanges(tx, id);
  await insertEvents(tx, id, actor, [{ claimId: null, ...changeEvent.articleCreated(fields) }], row.createdAt);
  return toArticle(row);
}

export async function findArticle(db: DbClient, id: string): Promise<Article | null> {
  const row = await db.article.findFirst({ where: { id, deletedAt: null } });
  return row ? toArticle(row) : null;
}

/** The texts read lately, each with the article version it belongs to. */
const recentTexts = recentPerClient<{ version: number; text: string }>(16);

/**
 * What validating a selector needs of a live article: its text. Every new claim asks, and a long
 * article's text is hundreds of KB: the last few are kept in memory and reused while the article's
 * version, read first (raw: a few bytes, no query compiled), is still theirs.
 */
export async function findArticleText(db: DbClient, id: string): Promise<{ id: string; text: string } | null> {
  const [live] = await db.$queryRaw<{ version: number }[]>`
    SELECT "version" FROM "Article" WHERE "id" = ${id} AND "deletedAt" IS NULL`;
  if (!live) return null;
  const known = recentTexts.get(db, id);
  if (known?.version === live.version) return { id, text: known.text };
  const article = await db.article.findFirst({
    where: { id, deletedAt: null },
    select: { version: true, text: true },
  });
  if (!article) return null;
  recentTexts.set(db, id, article);
  return { id, text: article.text };
}

/** Whether an article exists, counting deleted ones: the seed never brings back what a user deleted. */
export async function articleEverExisted(db: DbClient, id: string): Promise<boolean> {
  return (await db.article.count({ where: { id } })) > 0;
}

/** Every live article, newest first, with its claim counts per verdict (two queries in all). */
export async function listArticleSummaries(db: DbClient): Promise<ArticleSummary[]> {
  const rows = await db.article.findMany({
    where: { deletedAt: null },
    omit: { doc: true, text: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const groups = await db.claim.groupBy({
    by: ["articleId", "verdict", "isOrphaned"],
    where: { deletedAt: null, articleId: { in: rows.map((row) => row.id) } },
    _count: { _all: true },
  });
  const summaries = new Map<string, ArticleSummary>(
    rows.map((row) => [
      row.id,
      {
        ...toArticleMetadata(row),
        counts: emptyVerdictCounts(),
        orphanCount: 0,
        // Stopgap until the progress and publication reads land.
        progress: { withVerdict: 0, approved: 0, readyForReview: 0, changesRequested: 0, assignees: [] },
        publication: NEVER_PUBLISHED,
      },
    ]),
  );
  for (const group of groups) {
    const summary = summaries.get(group.articleId);
    if (!summary) continue;
    summary.counts[group.verdict as Verdict] += group._count._all;
    if (group.isOrphaned) summary.orphanCount += group._count._all;
  }
  return [...summaries.values()];
}

export type ArticleMetadataChange = Partial<Omit<ArticleFields, "doc" | "text">>;

/**
 * Applies a change if the article is still at `expectedVersion`; returns whether it did
 * (false when the article is gone or has moved on: the caller tells which).
 */
export async function updateArticleIfVersion(
  db: DbClient,
  id: string,
  expectedVersion: number,
  change: ArticleMetadataChange & { doc?: DocNode; text?: string; deletedAt?: Date },
): Promise<boolean> {
  const { doc, ...rest } = change;
  const result = await db.article.updateMany({
    where: { id, version: expectedVersion, deletedAt: null },
    data: {
      ...rest,
      ...(doc ? { doc: JSON.stringify(doc) } : {}),
      version: { increment: 1 },
    },
  });
  return result.count === 1;
}

/** Records an entry on the article itself (not on one of its claims); the caller holds the article's change lock. */
export async function insertArticleEvent(
  tx: DbClient,
  articleId: string,
  actor: Actor,
  payload: ChangePayload,
): Promise<void> {
  await insertEvents(tx, articleId, actor, [{ claimId: null, ...payload }], new Date());
}
