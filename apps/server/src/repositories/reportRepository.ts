import type { Article, Claim, DocNode, Evidence, HistoryEvent, Link } from "@factmark/core";
import { readAccountsById } from "./accountRepository";
import type { DbClient } from "./articleRepository";
import { ARTICLE_INCLUDE, type ArticleWithoutDoc, toArticleWithoutDoc, withDoc } from "./articleRepository";
import { listClaimsOfArticle } from "./claimRepository";
import { toHistoryEvent } from "./eventRepository";
import { toEvidence } from "./evidenceRepository";
import { toLink } from "./linkRepository";

/** Everything a report shows of one article, as the API answers each part. */
export interface ReportData {
  article: Article;
  claims: Claim[];
  links: Link[];
  evidence: Evidence[];
  events: HistoryEvent[];
}

/**
 * The same, with the article's document still the JSON text it is stored as (`docJson`): the worker that builds a
 * report parses it there, so a long article's 7.5 MB of JSON never holds up the event loop.
 */
export interface ReportSource {
  data: Omit<ReportData, "article"> & { article: ArticleWithoutDoc };
  docJson: string;
}

/**
 * A live article with its live claims (document order), their live evidence (claim by claim, oldest first), the links
 * between live claims and the history of the article and its live claims (oldest first); null when the article is not
 * there. Flat queries whatever the number of claims, the claims read as the claim list reads them (its kept copy when
 * nothing changed since, so `claims` are read, never changed): Prisma compiling one nested include took half the
 * server's time of a report at 10,000 claims.
 */
export async function findReportSource(db: DbClient, articleId: string): Promise<ReportSource | null> {
  // The publication state: a published article's ClaimReview export points at its public pages.
  const row = await db.article.findFirst({ where: { id: articleId, deletedAt: null }, include: ARTICLE_INCLUDE });
  if (!row) return null;
  const list = await listClaimsOfArticle(db, articleId);
  if (!list) return null;
  const claims = list.items;
  const claimOrder = new Map(claims.map((claim, index) => [claim.id, index]));
  const evidenceRows = await db.evidence.findMany({
    where: { deletedAt: null, claim: { articleId, deletedAt: null } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  // Claim by claim in document order, each claim's oldest first (a stable sort keeps the query's order within one).
  evidenceRows.sort((a, b) => (claimOrder.get(a.claimId) ?? 0) - (claimOrder.get(b.claimId) ?? 0));
  const linkRows = (
    await db.link.findMany({ where: { articleId, deletedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })
  ).filter((link) => claimOrder.has(link.fromClaimId) && claimOrder.has(link.toClaimId));
  const eventRows = (await db.event.findMany({ where: { articleId }, orderBy: [{ at: "asc" }, { id: "asc" }] })).filter(
    (event) => event.claimId === null || claimOrder.has(event.claimId),
  );
  const accountOf = await readAccounts(db, [
    ...evidenceRows.map((evidence) => evidence.createdById),
    ...linkRows.map((link) => link.createdById),
    ...eventRows.map((event) => event.actorId),
  ]);
  const { doc, ...article } = row;
  return {
    data: {
      article: toArticleWithoutDoc(article),
      claims,
      evidence: evidenceRows.map((evidence) => toEvidence({ ...evidence, createdBy: accountOf(evidence.createdById) })),
      links: linkRows.map((link) => toLink({ ...link, createdBy: accountOf(link.createdById) })),
      events: eventRows.map((event) => toHistoryEvent({ ...event, actor: accountOf(event.actorId) })),
    },
    docJson: doc,
  };
}

/** readAccountsById as a lookup: an account not there reads as "Unknown reviewer". */
export async function readAccounts(
  db: DbClient,
  ids: readonly string[],
): Promise<(id: string) => { id: string; name: string }> {
  const byId = await readAccountsById(db, ids);
  return (id) => byId.get(id) ?? { id, name: "Unknown reviewer" };
}

/** findReportSource with the document parsed: a live article with everything its report shows; null when not there. */
export async function findReportData(db: DbClient, articleId: string): Promise<ReportData | null> {
  const source = await findReportSource(db, articleId);
  return source ? reportDataOf(source) : null;
}

/** The report's data from its source, the document parsed (on whichever thread calls it). */
export function reportDataOf({ data, docJson }: ReportSource): ReportData {
  return { ...data, article: withDoc(data.article, JSON.parse(docJson) as DocNode) };
}
