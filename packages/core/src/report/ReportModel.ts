import { z } from "zod";
import { type Article, ZArticle, ZVerdictCounts } from "../schemas/article";
import { type Claim, ZClaim } from "../schemas/claim";
import { type Actor, ZActor } from "../schemas/common";
import { type HistoryEvent, ZEvent, ZEventAction } from "../schemas/event";
import { type Evidence, ZEvidence } from "../schemas/evidence";
import { type Link, ZLink, ZLinkKind } from "../schemas/link";
import { ZVerdict } from "../schemas/verdict";

/** The organisation that publishes the report: named in the report and in ClaimReview, its URL roots annotation ids. */
const ZReportOrganisation = z.object({ name: z.string(), url: z.string() });
export type ReportOrganisation = z.infer<typeof ZReportOrganisation>;

/** What a report is built from: an article and everything reviewers attached to it, as the API answers them. */
export interface ReportInput {
  article: Article;
  claims: Claim[];
  links: Link[];
  evidence: Evidence[];
  events: HistoryEvent[];
  /** Who reviewed the article; when left out, everyone with an entry in a claim's history (see buildReportModel). */
  reviewers?: Actor[];
  /** ISO 8601 timestamp; passed in so that builders stay pure and goldens stay stable. */
  generatedAt: string;
  organisation: ReportOrganisation;
  /** Where the published report lives; defaults to `${organisation.url}/articles/${article.id}/report`. */
  reportUrl?: string;
}

/** The report's header, as a reader sees it. */
const ZReportHeader = z.object({
  title: z.string(),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  publishedAt: z.string().nullable(),
  reviewers: z.array(z.string()),
  organisation: ZReportOrganisation,
  generatedAt: z.string(),
  reportUrl: z.string(),
});
export type ReportHeader = z.infer<typeof ZReportHeader>;

/** An entry of a claim's short history, already put into words. */
const ZReportHistoryEntry = z.object({
  at: z.string(),
  by: z.string(),
  action: ZEventAction,
  summary: z.string(),
});
export type ReportHistoryEntry = z.infer<typeof ZReportHistoryEntry>;

/** A link seen from one of its claims. */
const ZReportClaimLink = z.object({
  linkId: z.string(),
  kind: ZLinkKind,
  /** "Contradicts" or "Supports", or "Contradicted by" / "Supported by" seen from the link's target. */
  label: z.string(),
  otherClaimId: z.string(),
  otherClaimNumber: z.number().int(),
  note: z.string().nullable(),
});
export type ReportClaimLink = z.infer<typeof ZReportClaimLink>;

/** A piece of evidence with its stance put into words. */
const ZReportEvidence = ZEvidence.extend({ stanceLabel: z.string() });
export type ReportEvidence = z.infer<typeof ZReportEvidence>;

/** A claim with everything that hangs off it, numbered in document order. */
const ZReportClaim = ZClaim.extend({
  number: z.number().int(),
  verdictLabel: z.string(),
  evidence: z.array(ZReportEvidence),
  links: z.array(ZReportClaimLink),
  /** The latest few history entries, oldest first. */
  history: z.array(ZReportHistoryEntry),
  historyTotal: z.number().int(),
});
export type ReportClaim = z.infer<typeof ZReportClaim>;

/** One side of a contradiction. */
const ZReportPairSide = z.object({
  claimId: z.string(),
  number: z.number().int(),
  quote: z.string(),
  speaker: z.string().nullable(),
  verdict: ZVerdict,
  verdictLabel: z.string(),
});
export type ReportPairSide = z.infer<typeof ZReportPairSide>;

/** Two claims linked as contradicting each other, shown side by side. */
const ZReportContradiction = z.object({
  linkId: z.string(),
  note: z.string().nullable(),
  left: ZReportPairSide,
  right: ZReportPairSide,
});
export type ReportContradiction = z.infer<typeof ZReportContradiction>;

/**
 * Everything a report shows, in the order it shows it. Every builder (HTML, Markdown, JSON, W3C, ClaimReview, CSV)
 * and the web page read this one model, so the formats cannot drift apart. GET /api/articles/:id/report/model
 * answers it; the web app parses the answer with this schema.
 */
export const ZReportModel = z.object({
  header: ZReportHeader,
  article: ZArticle,
  counts: ZVerdictCounts,
  claimCount: z.number().int(),
  orphanCount: z.number().int(),
  contradictions: z.array(ZReportContradiction),
  claims: z.array(ZReportClaim),
  /** Links between claims of the report, in the order given. */
  links: z.array(ZLink),
  /** Every event, oldest first, article-level ones included. */
  events: z.array(ZEvent),
  reviewers: z.array(ZActor),
});
export type ReportModel = z.infer<typeof ZReportModel>;
