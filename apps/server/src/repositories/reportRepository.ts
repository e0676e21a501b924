import type { Article, Claim, DocNode, Evidence, HistoryEvent, Link } from "@factmark/core";
import type { DbClient } from "./articleRepository";
import { ARTICLE_INCLUDE, type ArticleWithoutDoc, toArticleWithoutDoc, withDoc } from "./articleRepository";
import { CLAIM_INCLUDE, toClaim } from "./claimRepository";
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

const BY = { select: { id: true, name: true } } as const;

/**
 * A live article with its live claims (document order), their live evidence, the links between live claims and the
 * history of the article and its live claims (oldest first), in one query; null when the article is not there.
 */
export async function findReportSource(db: DbClient, articleId: string): Promise<ReportSource | null> {
  const row = await db.article.findFirst({
    where: { id: articleId, deletedAt: null },
    include: {
      // The publication state: a published article's ClaimReview export points at its public pages.
      publications: ARTICLE_INCLUDE.publications,
      claims: {
        where: { deletedAt: null },
        orderBy: [{ start: "asc" }, { end: "desc" }, { id: "asc" }],
        include: {
          ...CLAIM_INCLUDE,
          evidence: {
            where: { deletedAt: null },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            include: { createdBy: BY },
          },
        },
      },
      links: {
        where: { deletedAt: null, fromClaim: { deletedAt: null }, toClaim: { deletedAt: null } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: { createdBy: BY },
      },
      events: {
        where: { OR: [{ claimId: null }, { claim: { deletedAt: null } }] },
        orderBy: [{ at: "asc" }, { id: "asc" }],
        include: { actor: BY },
      },
    },
  });
  if (!row) return null;
  const { doc, ...article } = row;
  return {
    data: {
      article: toArticleWithoutDoc(article),
      claims: row.claims.map(toClaim),
      evidence: row.claims.flatMap((claim) => claim.evidence.map(toEvidence)),
      links: row.links.map(toLink),
      events: row.events.map(toHistoryEvent),
    },
    docJson: doc,
  };
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
