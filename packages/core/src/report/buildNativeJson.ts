import type { Article } from "../schemas/article";
import type { Claim } from "../schemas/claim";
import type { Actor } from "../schemas/common";
import type { HistoryEvent } from "../schemas/event";
import type { Evidence } from "../schemas/evidence";
import type { Link } from "../schemas/link";
import type { ReportModel, ReportOrganisation } from "./ReportModel";

/** Marks a document as a Factmark native export, so an importer can tell it from other JSON. */
export const NATIVE_REPORT_FORMAT = "factmark.report";
/** Bumped when the native format changes in a way an older importer would misread. */
export const NATIVE_REPORT_SCHEMA_VERSION = 1;

/**
 * Factmark's native export: everything needed to re-create the article and its review, with who did each thing and
 * when (an import keeps them, as "originally by"), and the whole history.
 */
export interface NativeReport {
  format: typeof NATIVE_REPORT_FORMAT;
  schemaVersion: typeof NATIVE_REPORT_SCHEMA_VERSION;
  generatedAt: string;
  organisation: ReportOrganisation;
  article: Article;
  /** In document order. */
  claims: Claim[];
  evidence: Evidence[];
  links: Link[];
  /** Every event, oldest first. */
  events: HistoryEvent[];
  reviewers: Actor[];
}

/** The native JSON export of a report: the article (with its Tiptap document), claims with selectors, and the rest. */
export function buildNativeJson(model: ReportModel): NativeReport {
  return {
    format: NATIVE_REPORT_FORMAT,
    schemaVersion: NATIVE_REPORT_SCHEMA_VERSION,
    generatedAt: model.header.generatedAt,
    organisation: model.header.organisation,
    article: model.article,
    claims: model.claims.map(
      (claim): Claim => ({
        id: claim.id,
        articleId: claim.articleId,
        selectors: claim.selectors,
        verdict: claim.verdict,
        speaker: claim.speaker,
        rationale: claim.rationale,
        isOrphaned: claim.isOrphaned,
        isAnchorUnconfirmed: claim.isAnchorUnconfirmed,
        version: claim.version,
        createdAt: claim.createdAt,
        updatedAt: claim.updatedAt,
        createdBy: claim.createdBy,
        ...(claim.originalAuthorName ? { originalAuthorName: claim.originalAuthorName } : {}),
        status: claim.status,
        assignee: claim.assignee,
        verdictSetBy: claim.verdictSetBy,
        approvals: claim.approvals,
        latestReview: claim.latestReview,
      }),
    ),
    evidence: model.claims.flatMap((claim) =>
      claim.evidence.map(
        (item): Evidence => ({
          id: item.id,
          claimId: item.claimId,
          url: item.url,
          title: item.title,
          excerpt: item.excerpt,
          stance: item.stance,
          version: item.version,
          createdAt: item.createdAt,
          updatedAt: item.updatedAt,
          createdBy: item.createdBy,
          ...(item.originalAuthorName ? { originalAuthorName: item.originalAuthorName } : {}),
        }),
      ),
    ),
    links: model.links,
    events: model.events,
    reviewers: model.reviewers,
  };
}
