import {
  AppError,
  buildClaimReview,
  buildPublishedClaimReview,
  type ClaimReview,
  type ReportHistoryOption,
  type ReportModel,
  type ReportOrganisation,
  reportHistoryFor,
} from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { type BuiltReport, type CachedReport, type ReportCache, reportAnswer } from "../../report/ReportCache";
import {
  buildReportFileFromSource,
  buildReportModelJsonFromSource,
  REPORT_FORMAT_SPECS,
  type ReportFormat,
} from "../../report/reportFormats";
import { findAccountsLastChange } from "../../repositories/accountRepository";
import { findLastChangeNumber } from "../../repositories/eventRepository";
import { findKeptReportSource } from "../../repositories/keptReportSource";
import { findSpeakersLastChange } from "../../repositories/newsroomSpeakerRepository";
import { findPublishedVersion } from "../../repositories/publicationRepository";
import { withNewsroomSpeakerKinds } from "../speakers/withNewsroomSpeakerKinds";
import { getReportModel } from "./getReportModel";

/** Where built reports are kept, how a build is guarded, and when the report is made. */
export interface ExportReportOptions {
  /** Reports built lately, reused while nothing they depend on has changed. */
  cache?: ReportCache;
  /** Runs before a report is built (not when it is kept or being built already): the rate limit throws here. */
  beforeBuild?: () => void;
  /** The report's generation time; defaults to now. */
  now?: Date;
}

const encoder = new TextEncoder();

/**
 * An article's report exported in one format: its model, rendered by that format's builder. The working history is
 * in it when `history` is "include", and always in the native JSON (core's reportHistoryFor decides). NOT_FOUND when
 * there is no such article. Every format but ClaimReview is built on the worker pool (buildReportFileFromSource), so they
 * may also fail with 422 (over their time), 413 (over their memory) or 503 (the pool's queue is full).
 *
 * With a cache, the built file is kept under everything its bytes depend on: the article and its last change number
 * (every change to its text, claims, links, evidence, reviews, conclusion or publication advances it), the format,
 * the history option, the organisation, the day (reports say when they were generated), when any account last
 * changed (reports name reviewers: a rename moves no change number), and for ClaimReview when the newsroom's speakers
 * last changed (their kinds fill in those the article does not give). `isCached` tells
 * whether this answer was built for this call.
 *
 * `REPORT_MODEL` answers the report model itself as JSON (what the web app's report page renders), built and kept
 * like a file.
 *
 * The ClaimReview export is what the public reads when there is something public: of an article whose latest
 * publication is not retracted, exactly the ClaimReviews of that published version's claim pages (see
 * deskClaimReviews); otherwise the live claims', each at the report's address.
 */
export async function exportReport(
  db: Db,
  articleId: string,
  format: ReportFormat | typeof REPORT_MODEL,
  organisation: ReportOrganisation,
  history: ReportHistoryOption = "omit",
  options: ExportReportOptions = {},
): Promise<CachedReport> {
  // Read before the report's data, so a report kept under this number holds at least this change.
  const changeNumber = await findLastChangeNumber(db, articleId);
  if (changeNumber === null) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
  const now = options.now ?? new Date();
  const reportHistory = format === REPORT_MODEL ? history : reportHistoryFor(format, history);
  const build = () =>
    format === REPORT_MODEL
      ? buildModel(db, articleId, organisation, reportHistory, now)
      : buildReport(db, articleId, format, organisation, reportHistory, now);
  if (!options.cache) {
    options.beforeBuild?.();
    return reportAnswer(await build(), false);
  }
  const key = JSON.stringify([
    articleId,
    changeNumber,
    format,
    reportHistory,
    organisation.name,
    organisation.url,
    now.toISOString().slice(0, 10),
    // The desk's ClaimReview reads the newsroom's speakers' kinds too (deskClaimReviews).
    format === "claimreview" ? ((await findSpeakersLastChange(db))?.toISOString() ?? null) : null,
    // Reports name reviewers, authors and approvers: a renamed account moves no article's change number.
    await findAccountsLastChange(db),
  ]);
  return options.cache.getOrBuild(key, build, options.beforeBuild);
}

/** The report model as a target of exportReport: its JSON, built on the worker pool and kept like a file. */
export const REPORT_MODEL = "model";

async function buildModel(
  db: Db,
  articleId: string,
  organisation: ReportOrganisation,
  history: ReportHistoryOption,
  now: Date,
): Promise<BuiltReport> {
  const source = await findKeptReportSource(db, articleId);
  if (!source) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
  const body = await buildReportModelJsonFromSource(source, { organisation, generatedAt: now.toISOString(), history });
  return { body, contentType: "application/json", extension: "json", title: source.data.article.title };
}

async function buildReport(
  db: Db,
  articleId: string,
  format: ReportFormat,
  organisation: ReportOrganisation,
  history: ReportHistoryOption,
  now: Date,
): Promise<BuiltReport> {
  const spec = REPORT_FORMAT_SPECS[format];
  if (!spec.isHeavy) {
    // ClaimReview: from the model, on this thread (it reads published versions and renders no article text).
    const model = await getReportModel(db, articleId, organisation, now, history);
    const body = encoder.encode(`${JSON.stringify(await deskClaimReviews(db, model), null, 2)}\n`);
    return { body, contentType: spec.contentType, extension: spec.extension, title: model.header.title };
  }
  const source = await findKeptReportSource(db, articleId);
  if (!source) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
  const generatedAt = now.toISOString();
  return {
    body: await buildReportFileFromSource(format, source, { organisation, generatedAt, history }),
    contentType: spec.contentType,
    extension: spec.extension,
    title: source.data.article.title,
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
  // A speaker the article gives no kind takes the newsroom's (the speakers page), as publishing does.
  const speakers = model.claims.map((claim) => claim.speaker);
  const speakerKinds = await withNewsroomSpeakerKinds(db, model.article.speakerKinds, speakers);
  return buildClaimReview({ ...model, article: { ...model.article, speakerKinds } });
}
