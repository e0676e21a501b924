import {
  buildClaimReview,
  buildPublishedClaimReview,
  type ClaimReview,
  type ReportHistoryOption,
  type ReportModel,
  type ReportOrganisation,
  reportHistoryFor,
} from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { REPORT_FORMAT_SPECS, type ReportFormat } from "../../report/reportFormats";
import { findPublishedVersion } from "../../repositories/publicationRepository";
import { getReportModel } from "./getReportModel";

/** A built report, ready to send. */
export interface ReportFile {
  body: string | Uint8Array;
  contentType: string;
  extension: string;
  title: string;
}

/**
 * An article's report exported in one format: its model, rendered by that format's builder. The working history is
 * in it when `history` is "include", and always in the native JSON (core's reportHistoryFor decides). NOT_FOUND when
 * there is no such article.
 *
 * The ClaimReview export is what the public reads when there is something public: of an article whose latest
 * publication is not retracted, exactly the ClaimReviews of that published version's claim pages (see
 * deskClaimReviews); otherwise the live claims', each at the report's address.
 */
export async function exportReport(
  db: Db,
  articleId: string,
  format: ReportFormat,
  organisation: ReportOrganisation,
  history: ReportHistoryOption = "omit",
): Promise<ReportFile> {
  const model = await getReportModel(db, articleId, organisation, new Date(), reportHistoryFor(format, history));
  const spec = REPORT_FORMAT_SPECS[format];
  return {
    body:
      format === "claimreview"
        ? `${JSON.stringify(await deskClaimReviews(db, model), null, 2)}\n`
        : await spec.build(model),
    contentType: spec.contentType,
    extension: spec.extension,
    title: model.header.title,
  };
}

/**
 * The desk's ClaimReviews of an article. Published and not retracted: the latest version's, one per published claim
 * in the snapshot's order (core's buildPublishedClaimReview, as each public claim page embeds it), so no live claim
 * (a draft, an unapproved change) is ever given a public address. Otherwise the live model's (core's
 * buildClaimReview: each at the report's address, a speaker whose kind the article does not give left out).
 */
async function deskClaimReviews(db: Db, model: ReportModel): Promise<ClaimReview[]> {
  const { publication } = model.article;
  if (publication.slug !== null && publication.retractedAt === null) {
    const published = await findPublishedVersion(db, publication.slug);
    const factCheck = published?.retraction === null ? published.factCheck : null;
    if (factCheck) {
      return factCheck.model.claims.flatMap((claim) => buildPublishedClaimReview(factCheck, claim.number) ?? []);
    }
  }
  return buildClaimReview(model);
}
