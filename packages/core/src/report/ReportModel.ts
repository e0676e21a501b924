import type { Article } from "../schemas/article";
import type { Claim } from "../schemas/claim";
import type { Actor } from "../schemas/common";
import type { HistoryEvent } from "../schemas/event";
import type { Evidence } from "../schemas/evidence";
import type { Link, LinkKind } from "../schemas/link";
import type { Verdict, VerdictCounts } from "../schemas/verdict";

/** The organisation that publishes the report: named in the report and in ClaimReview, its URL roots annotation ids. */
export interface ReportOrganisation {
  name: string;
  url: string;
}

/** What a report is built from: an article and everything reviewers attached to it, as the API answers them. */
export interface ReportInput {
  article: Article;
  claims: Claim[];
  links: Link[];
  evidence: Evidence[];
  events: HistoryEvent[];
  /** Who reviewed the article; when left out, everyone who made a claim or an event. */
  reviewers?: Actor[];
  /** ISO 8601 timestamp; passed in so that builders stay pure and goldens stay stable. */
  generatedAt: string;
  organisation: ReportOrganisation;
  /** Where the published report lives; defaults to `${organisation.url}/articles/${article.id}/report`. */
  reportUrl?: string;
}

/** The report's header, as a reader sees it. */
export interface ReportHeader {
  title: string;
  outlet: string | null;
  author: string | null;
  sourceUrl: string | null;
  publishedAt: string | null;
  reviewers: string[];
  organisation: ReportOrganisation;
  generatedAt: string;
  reportUrl: string;
}

/** An entry of a claim's short history, already put into words. */
export interface ReportHistoryEntry {
  at: string;
  by: string;
  action: HistoryEvent["action"];
  summary: string;
}

/** A link seen from one of its claims. */
export interface ReportClaimLink {
  linkId: string;
  kind: LinkKind;
  /** "Contradicts" or "Supports", or "Contradicted by" / "Supported by" seen from the link's target. */
  label: string;
  otherClaimId: string;
  otherClaimNumber: number;
  note: string | null;
}

export interface ReportEvidence extends Evidence {
  stanceLabel: string;
}

/** A claim with everything that hangs off it, numbered in document order. */
export interface ReportClaim extends Claim {
  number: number;
  verdictLabel: string;
  evidence: ReportEvidence[];
  links: ReportClaimLink[];
  /** The latest few history entries, oldest first. */
  history: ReportHistoryEntry[];
  historyTotal: number;
}

/** One side of a contradiction. */
export interface ReportPairSide {
  claimId: string;
  number: number;
  quote: string;
  speaker: string | null;
  verdict: Verdict;
  verdictLabel: string;
}

/** Two claims linked as contradicting each other, shown side by side. */
export interface ReportContradiction {
  linkId: string;
  note: string | null;
  left: ReportPairSide;
  right: ReportPairSide;
}

/**
 * Everything a report shows, in the order it shows it. Every builder (HTML, Markdown, JSON, W3C, ClaimReview, CSV)
 * and the web page read this one model, so the formats cannot drift apart.
 */
export interface ReportModel {
  header: ReportHeader;
  article: Article;
  counts: VerdictCounts;
  claimCount: number;
  orphanCount: number;
  contradictions: ReportContradiction[];
  claims: ReportClaim[];
  /** Links between claims of the report, in the order given. */
  links: Link[];
  /** Every event, oldest first, article-level ones included. */
  events: HistoryEvent[];
  reviewers: Actor[];
}
