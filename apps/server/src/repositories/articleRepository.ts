import {
  type Actor,
  type Article,
  type ArticleProgress,
  type ArticleSummary,
  type ChangePayload,
  type Conclusion,
  changeEvent,
  type DocNode,
  emptyVerdictCounts,
  type SpeakerKinds,
  type Verdict,
  type VerdictCounts,
  ZConclusionRating,
  ZSpeakerKinds,
} from "@factmark/core";
import type { Db } from "../db/createDatabase";
import { Prisma } from "../generated/prisma/client";
import { IDS_PER_STATEMENT } from "./batchesOf";
import { insertEvents, lockArticleForChanges } from "./eventRepository";
import {
  PUBLICATION_STATE_SELECT,
  type PublicationStateRow,
  publicBaseUrl,
  toPublicationState,
} from "./publicationRepository";
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

/**
 * What a query for an article includes so that `toArticle` can say where its publication stands: each version's
 * row, without its snapshot (a handful of small rows).
 */
export const ARTICLE_INCLUDE = {
  publications: { select: PUBLICATION_STATE_SELECT },
} as const satisfies Prisma.ArticleInclude;

/**
 * An article row as it crosses the wire. Its publication state is read from `publications` (ARTICLE_INCLUDE); a
 * row read without them reads as never published.
 */
export function toArticle(row: ArticleRow & { publications?: PublicationStateRow[] }): Article {
  return withDoc(toArticleWithoutDoc(row), JSON.parse(row.doc) as DocNode);
}

/** An article without its document: what crosses to a worker thread, which parses the stored JSON itself. */
export type ArticleWithoutDoc = Omit<Article, "doc">;

/** toArticle without parsing the document (a 100,000-paragraph one is 7.5 MB of JSON: 130–370 ms on this thread). */
export function toArticleWithoutDoc(
  row: Omit<ArticleRow, "doc"> & { publications?: PublicationStateRow[] },
): ArticleWithoutDoc {
  return {
    ...toArticleMetadata(row),
    text: row.text,
    conclusion: toConclusion(row),
    speakerKinds: toSpeakerKinds(row.speakerKinds),
    publication: toPublicationState(row.publications ?? []),
  };
}

/** The article with its document, its fields in the order the API has always answered them. */
export function withDoc(article: ArticleWithoutDoc, doc: DocNode): Article {
  const { text, conclusion, speakerKinds, publication, ...metadata } = article;
  return { ...metadata, doc, text, conclusion, speakerKinds, publication };
}

/** The stored conclusion: both columns set and the rating one core knows, else none. */
function toConclusion(row: Pick<ArticleRow, "conclusionSummary" | "conclusionRating">): Conclusion | null {
  const rating = ZConclusionRating.safeParse(row.conclusionRating);
  if (row.conclusionSummary === null || !rating.success) return null;
  return { summary: row.conclusionSummary, rating: rating.data };
}

/** The stored speakers' kinds (JSON); a value that does not read as core's schema reads as none set. */
export function toSpeakerKinds(stored: string): SpeakerKinds {
  try {
    const parsed = ZSpeakerKinds.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
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

/** A live article with its conclusion and publication state (one query for the row, one small one for its versions). */
export async function findArticle(db: DbClient, id: string): Promise<Article | null> {
  const row = await db.article.findFirst({ where: { id, deletedAt: null }, include: ARTICLE_INCLUDE });
  return row ? toArticle(row) : null;
}

/** The texts read lately, each with the article version it belongs to. */
const recentTexts = recentPerClient<{ version: number; text: string }>(16);

/**
 * What validating a selector needs of a live article: its text. Every new claim asks, and a long
 * article's text is hundreds of KB: the last few are kept in memory and reused while the article's
 * version, read first (raw: a few bytes, no query compiled), is still theirs.
 */
export async function findArticleText(
  db: DbClient,
  id: string,
): Promise<{ id: string; text: string; version: number } | null> {
  const [live] = await db.$queryRaw<{ version: number }[]>`
    SELECT "version" FROM "Article" WHERE "id" = ${id} AND "deletedAt" IS NULL`;
  if (!live) return null;
  const known = recentTexts.get(db, id);
  if (known?.version === live.version) return { id, text: known.text, version: live.version };
  const article = await db.article.findFirst({
    where: { id, deletedAt: null },
    select: { version: true, text: true },
  });
  if (!article) return null;
  recentTexts.set(db, id, article);
  return { id, text: article.text, version: article.version };
}

/** Whether a live (not deleted) article has this id: one count, no text read. */
export async function isLiveArticle(db: DbClient, id: string): Promise<boolean> {
  return (await db.article.count({ where: { id, deletedAt: null } })) > 0;
}

/** Whether an article exists, counting deleted ones: the seed never brings back what a user deleted. */
export async function articleEverExisted(db: DbClient, id: string): Promise<boolean> {
  return (await db.article.count({ where: { id } })) > 0;
}

/**
 * Every live article, newest first, with its claim counts per verdict, its progress through review and where its
 * publication stands: five queries in all, whatever the number of articles. Progress counts live claims:
 * `withVerdict` those with a verdict other than unverified (orphans too: publishing waits for them), `approved`
 * those of them approved, `readyForReview` and `changesRequested` any in that status; `assignees` A to Z.
 */
export async function listArticleSummaries(db: DbClient, search: ArticleSearch = {}): Promise<ArticleSummary[]> {
  // A search naming few articles names them by id; one matching more reads the list and keeps its matches (a
  // statement may carry only so many parameters, and such a list is read whole anyway).
  const matching = await findTextMatches(db, search.text);
  const isNamedById = matching !== null && matching.size <= IDS_PER_STATEMENT;
  const articleWhere: Prisma.ArticleWhereInput = {
    deletedAt: search.isDeleted ? { not: null } : null,
    ...(isNamedById ? { id: { in: [...matching] } } : {}),
  };
  // The change numbers are read before anything counted under them (articleClaimTallies).
  const [rows, changeNumbers] = await Promise.all([
    db.article
      .findMany({
        where: articleWhere,
        omit: { doc: true, text: true },
        orderBy: search.isDeleted ? [{ deletedAt: "desc" }, { id: "desc" }] : [{ createdAt: "desc" }, { id: "desc" }],
      })
      .then((found) => found.filter((row) => matching === null || matching.has(row.id))),
    readChangeNumbers(db),
  ]);
  // The articles are named by the same filter, not by their ids: a newsroom's thousands of ids are more parameters
  // than one statement may carry.
  const [tallies, publications] = await Promise.all([
    articleClaimTallies(
      db,
      rows.map((row) => ({ id: row.id, changeNumber: changeNumbers.get(row.id) ?? 0 })),
    ),
    db.publication.findMany({
      where: { article: articleWhere },
      select: { articleId: true, ...PUBLICATION_STATE_SELECT },
    }),
  ]);
  const assigneeIds = [...new Set([...tallies.values()].flatMap((tally) => tally.assigneeIds))];
  const accounts =
    assigneeIds.length === 0
      ? []
      : await db.account.findMany({ where: { id: { in: assigneeIds } }, select: { id: true, name: true } });
  const accountById = new Map(accounts.map((account) => [account.id, account]));
  const versionsByArticle = publicationsByArticle(publications);
  const baseUrl = publicBaseUrl();
  return rows.map((row): ArticleSummary => {
    const tally = tallies.get(row.id) ?? emptyTally();
    const assignees = tally.assigneeIds.flatMap((id) => accountById.get(id) ?? []);
    assignees.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    return {
      ...toArticleMetadata(row),
      counts: { ...tally.counts },
      orphanCount: tally.orphanCount,
      progress: { ...tally.progress, assignees },
      publication: toPublicationState(versionsByArticle.get(row.id) ?? [], baseUrl),
      ...(row.deletedAt ? { deletedAt: row.deletedAt.toISOString() } : {}),
    };
  });
}

/**
 * What an article's live claims add up to in its list entry: how many hold each verdict, how many are orphans, its
 * progress through review (see listArticleSummaries) and the ids of the accounts assigned one.
 */
interface ArticleClaimTally {
  counts: VerdictCounts;
  orphanCount: number;
  progress: Omit<ArticleProgress, "assignees">;
  assigneeIds: string[];
}

function emptyTally(): ArticleClaimTally {
  return {
    counts: emptyVerdictCounts(),
    orphanCount: 0,
    progress: { withVerdict: 0, approved: 0, readyForReview: 0, changesRequested: 0 },
    assigneeIds: [],
  };
}

/**
 * Each article's tally as it was counted, with the change number it was counted at, per database client. Every
 * write to an article's claims takes the article's next change number in its transaction (lockArticleForChanges;
 * changeNumberOf refuses a write that did not), so a tally kept at the article's current number is current.
 */
const keptTallies = recentPerClient<{ changeNumber: number; tally: ArticleClaimTally }>(100_000);

/** Every article's last change number (0 for one never changed), by id: one small table read whole. */
async function readChangeNumbers(db: DbClient): Promise<Map<string, number>> {
  const counters = await db.articleChangeCounter.findMany({ select: { articleId: true, lastChangeNumber: true } });
  return new Map(counters.map((counter) => [counter.articleId, counter.lastChangeNumber]));
}

/**
 * The claim tallies of `articles`, each at the change number given (which the caller read before calling): those
 * kept at that number are reused, the rest counted (two statements) and kept. Counted
 * after its number was read, a tally is never older than it: a write in between leaves it kept under an older number,
 * so the next call counts it again. On 100,000 claims, counting every article took 100-200 ms; after one write, one
 * article is counted.
 */
async function articleClaimTallies(
  db: DbClient,
  articles: readonly { id: string; changeNumber: number }[],
): Promise<Map<string, ArticleClaimTally>> {
  const tallies = new Map<string, ArticleClaimTally>();
  const stale: { id: string; changeNumber: number }[] = [];
  for (const article of articles) {
    const kept = keptTallies.get(db, article.id);
    if (kept && kept.changeNumber === article.changeNumber) tallies.set(article.id, kept.tally);
    else stale.push(article);
  }
  if (stale.length === 0) return tallies;
  // Few stale articles are named by id; more are counted in one pass over every live claim (so many ids would be
  // more parameters than a statement may carry, and one pass costs less than several).
  const liveClaims = {
    deletedAt: null,
    ...(stale.length <= IDS_PER_STATEMENT ? { articleId: { in: stale.map((article) => article.id) } } : {}),
  };
  const [groups, assigned] = await Promise.all([
    db.claim.groupBy({
      by: ["articleId", "verdict", "isOrphaned", "status"],
      where: liveClaims,
      _count: { _all: true },
    }),
    db.claim.groupBy({ by: ["articleId", "assigneeId"], where: { ...liveClaims, assigneeId: { not: null } } }),
  ]);
  const counted = new Map(stale.map((article) => [article.id, emptyTally()]));
  for (const group of groups) {
    const tally = counted.get(group.articleId);
    if (!tally) continue;
    const count = group._count._all;
    tally.counts[group.verdict as Verdict] += count;
    if (group.isOrphaned) tally.orphanCount += count;
    addToProgress(tally.progress, group.verdict as Verdict, group.status, count);
  }
  for (const group of assigned) {
    if (group.assigneeId) counted.get(group.articleId)?.assigneeIds.push(group.assigneeId);
  }
  for (const article of stale) {
    const tally = counted.get(article.id) ?? emptyTally();
    keptTallies.set(db, article.id, { changeNumber: article.changeNumber, tally });
    tallies.set(article.id, tally);
  }
  return tallies;
}

/** Which articles a list reads: live ones (the default) or the deleted ones; and those whose words hold `text`. */
export interface ArticleSearch {
  isDeleted?: boolean;
  /** Every word of it found in the title, the outlet or the text, ignoring case (on SQLite, ASCII letters' case only). */
  text?: string;
}

/**
 * The ids of the articles holding every word of `text` (split at white space; all must appear, in any order, each in the title,
 * the outlet or the body) in an article, ignoring case, with `%`, `_` and `\` read as themselves (Prisma's `contains` passes them to LIKE as wildcards). One statement on both databases; SQLite's
 * lower() folds ASCII letters only, PostgreSQL's every letter.
 */
async function findTextMatches(db: DbClient, text: string | undefined): Promise<Set<string> | null> {
  const words = [...new Set((text ?? "").split(/\s+/).filter(Boolean))];
  if (words.length === 0) return null;
  const wordMatches = words.map((word) => {
    const pattern = `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    return Prisma.sql`(lower("title") LIKE lower(${pattern}) ESCAPE '\\'
       OR lower(coalesce("outlet", '')) LIKE lower(${pattern}) ESCAPE '\\'
       OR lower("text") LIKE lower(${pattern}) ESCAPE '\\')`;
  });
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Article" WHERE ${Prisma.join(wordMatches, " AND ")}`;
  return new Set(rows.map((row) => row.id));
}

/**
 * Brings a deleted article back at `expectedVersion` and moves it to the next version; its claims, links, evidence
 * and history were never touched by the delete, so they come back with it. False when it is not deleted (or gone).
 */
export async function restoreArticleIfVersion(db: DbClient, id: string, expectedVersion: number): Promise<boolean> {
  const result = await db.article.updateMany({
    where: { id, version: expectedVersion, deletedAt: { not: null } },
    data: { deletedAt: null, version: { increment: 1 } },
  });
  return result.count === 1;
}

/** A deleted article (null when the id names a live one or none): what restoring needs to check. */
export async function findDeletedArticle(db: DbClient, id: string): Promise<Article | null> {
  const row = await db.article.findFirst({ where: { id, deletedAt: { not: null } }, include: ARTICLE_INCLUDE });
  return row ? toArticle(row) : null;
}

/**
 * Counts and keeps every live article's claim tally (articleClaimTallies), as a server starts: its first article
 * list or progress filter then counts nothing again (on 100,000 claims the count took 300-420 ms, once per start).
 * Answers once kept; main.ts runs it after the server listens, beside the worker threads' warm-up.
 */
export async function warmArticleTallies(db: DbClient): Promise<void> {
  await listLiveArticleStandings(db);
}

/**
 * Where every live article stands, by id: its progress through review (counted as listArticleSummaries counts it,
 * without assignees; all zero when not `withProgress`, for a filter on publication alone) and its publication. Three
 * statements whatever the number of articles; for filters that need no more of an article than its status (core's
 * isArticleInStatus).
 */
export async function listLiveArticleStandings(
  db: DbClient,
  { withProgress = true }: { withProgress?: boolean } = {},
): Promise<Map<string, Pick<ArticleSummary, "progress" | "publication">>> {
  // The change numbers are read before anything counted under them (articleClaimTallies).
  const [articles, changeNumbers] = await Promise.all([
    db.article.findMany({ where: { deletedAt: null }, select: { id: true } }),
    withProgress ? readChangeNumbers(db) : new Map<string, number>(),
  ]);
  const [tallies, publications] = await Promise.all([
    withProgress
      ? articleClaimTallies(
          db,
          articles.map(({ id }) => ({ id, changeNumber: changeNumbers.get(id) ?? 0 })),
        )
      : new Map<string, ArticleClaimTally>(),
    db.publication.findMany({
      where: { article: { deletedAt: null } },
      select: { articleId: true, ...PUBLICATION_STATE_SELECT },
    }),
  ]);
  const versionsByArticle = publicationsByArticle(publications);
  const baseUrl = publicBaseUrl();
  return new Map(
    articles.map(({ id }) => [
      id,
      {
        progress: { ...(tallies.get(id) ?? emptyTally()).progress, assignees: [] },
        publication: toPublicationState(versionsByArticle.get(id) ?? [], baseUrl),
      },
    ]),
  );
}

/** Publication rows grouped by their article's id, for toPublicationState. */
function publicationsByArticle(
  publications: (PublicationStateRow & { articleId: string })[],
): Map<string, PublicationStateRow[]> {
  const byArticle = new Map<string, PublicationStateRow[]>();
  for (const publication of publications) {
    byArticle.set(publication.articleId, [...(byArticle.get(publication.articleId) ?? []), publication]);
  }
  return byArticle;
}

function addToProgress(
  progress: Omit<ArticleProgress, "assignees">,
  verdict: Verdict,
  status: string,
  count: number,
): void {
  if (verdict !== "unverified") {
    progress.withVerdict += count;
    if (status === "approved") progress.approved += count;
  }
  if (status === "ready-for-review") progress.readyForReview += count;
  if (status === "changes-requested") progress.changesRequested += count;
}

export type ArticleMetadataChange = Partial<Omit<ArticleFields, "doc" | "text">>;

/** What a write may change of an article row; each is stored as given (the conclusion in its two columns). */
export type ArticleChange = ArticleMetadataChange & {
  doc?: DocNode;
  text?: string;
  deletedAt?: Date;
  conclusion?: Conclusion | null;
  speakerKinds?: SpeakerKinds;
  /** Set once, at the first publication (unique: a slug another article took fails with P2002). */
  slug?: string;
};

/**
 * Applies a change if the article is still at `expectedVersion`, and moves it to the next version; returns whether
 * it did (false when the article is gone or has moved on: the caller tells which).
 */
export async function updateArticleIfVersion(
  db: DbClient,
  id: string,
  expectedVersion: number,
  change: ArticleChange,
): Promise<boolean> {
  const { doc, conclusion, speakerKinds, ...rest } = change;
  const result = await db.article.updateMany({
    where: { id, version: expectedVersion, deletedAt: null },
    data: {
      ...rest,
      ...(doc ? { doc: JSON.stringify(doc) } : {}),
      ...(conclusion === undefined
        ? {}
        : { conclusionSummary: conclusion?.summary ?? null, conclusionRating: conclusion?.rating ?? null }),
      ...(speakerKinds ? { speakerKinds: JSON.stringify(speakerKinds) } : {}),
      version: { increment: 1 },
    },
  });
  return result.count === 1;
}

/** The slugs taken by any article (deleted ones too: the unique index counts them) that start with `prefix`. */
export async function findSlugsStartingWith(db: DbClient, prefix: string): Promise<Set<string>> {
  const rows = await db.article.findMany({ where: { slug: { startsWith: prefix } }, select: { slug: true } });
  return new Set(rows.flatMap((row) => (row.slug === null ? [] : [row.slug])));
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
