import {
  buildClaimReview,
  buildCsv,
  buildHtml,
  buildMarkdown,
  buildNativeJson,
  buildWebAnnotation,
  REPORT_FORMAT_DETAILS,
  type ReportFormat,
  type ReportFormatDetails,
  type ReportHistoryOption,
  type ReportModel,
  type ReportOrganisation,
} from "@factmark/core";
import type { ReportSource } from "../repositories/reportRepository";
import { runHeavyJob } from "../work/heavyWork";
import { WORKER_MODULES } from "../work/workerModules";
import { buildPdf } from "./buildPdf";
import { reportJobSource } from "./keptReportBuilds";
import { reportBuildTimeMs } from "./reportSettings";

// The list itself is core's, shared with the web app's export bar; re-exported so routes and services keep importing it here.
export { REPORT_FORMATS, type ReportFormat } from "@factmark/core";

export interface ReportFormatSpec extends ReportFormatDetails {
  build(model: ReportModel): string | Promise<Uint8Array<ArrayBuffer>>;
  /**
   * Built on the worker pool, from the article's stored source (see buildReportFileFromSource): the model of a long
   * article needs its document parsed (7.5 MB of JSON for 100,000 paragraphs: 130–370 ms) and built (up to 200 ms)
   * before any format renders, and the PDF alone takes 6–20 s there. Only the ClaimReview export is built on the
   * event loop: it reads published versions from the database and renders no article text.
   */
  isHeavy: boolean;
  /** What building it is, for the error when it runs over its budget. */
  jobLabel: string;
}

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark; other readers skip it. */
const BYTE_ORDER_MARK = "\uFEFF";

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Each format's media type and file extension (core's) with its builder: core's, the PDF the server's. */
export const REPORT_FORMAT_SPECS: Record<ReportFormat, ReportFormatSpec> = {
  html: {
    ...REPORT_FORMAT_DETAILS.html,
    build: (model) => buildHtml(model),
    isHeavy: true,
    jobLabel: "Building the HTML report",
  },
  md: { ...REPORT_FORMAT_DETAILS.md, build: buildMarkdown, isHeavy: true, jobLabel: "Building the Markdown report" },
  pdf: {
    ...REPORT_FORMAT_DETAILS.pdf,
    build: async (model) => new Uint8Array(await buildPdf(model)),
    isHeavy: true,
    jobLabel: "Building the PDF",
  },
  json: {
    ...REPORT_FORMAT_DETAILS.json,
    build: (model) => json(buildNativeJson(model)),
    isHeavy: true,
    jobLabel: "Building the JSON export",
  },
  w3c: {
    ...REPORT_FORMAT_DETAILS.w3c,
    build: (model) => json(buildWebAnnotation(model)),
    isHeavy: true,
    jobLabel: "Building the W3C export",
  },
  claimreview: {
    ...REPORT_FORMAT_DETAILS.claimreview,
    build: (model) => json(buildClaimReview(model)),
    isHeavy: false,
    jobLabel: "Building the ClaimReview export",
  },
  csv: {
    ...REPORT_FORMAT_DETAILS.csv,
    build: (model) => `${BYTE_ORDER_MARK}${buildCsv(model)}`,
    isHeavy: true,
    jobLabel: "Building the CSV export",
  },
};

const encoder = new TextEncoder();

/** A format's file as bytes, built here (on whatever thread calls it). */
export async function renderReportFile(format: ReportFormat, model: ReportModel): Promise<Uint8Array<ArrayBuffer>> {
  const body = await REPORT_FORMAT_SPECS[format].build(model);
  return typeof body === "string" ? encoder.encode(body) : body;
}

/** The module whose job renders heavy formats on the worker pool. */
const REPORT_WORKER = WORKER_MODULES.report;

/** What a report is built from besides its data: who publishes it, when it was made, whether it has the history. */
export interface ReportBuildOptions {
  organisation: ReportOrganisation;
  /** ISO 8601. */
  generatedAt: string;
  history: ReportHistoryOption;
}

/**
 * A format's file as bytes, built on the worker pool from the article's stored source: the document is parsed, the
 * model built (core's buildReportModel) and the file rendered there, so a long article's report never stalls the
 * event loop. Everything crosses as JSON text (a structured clone of a 100,000-paragraph model's objects blocks for
 * about a second), each item's written once on this thread while it is the same object (reportJobSource). The
 * thread keeps what it built of the article (keptReportBuilds.ts): after one claim's change it parses that claim,
 * builds its part of the model and writes its pieces, and joins the rest; a thread that has not built the article
 * yet builds it whole. Over REPORT_BUILD_TIME_MS it answers 422, over the thread's memory 413, with the pool's queue full
 * 503, each with `details.limit` (runHeavyJob). Not for ClaimReview (isHeavy false): build that from the model.
 */
export async function buildReportFileFromSource(
  format: ReportFormat,
  source: ReportSource,
  options: ReportBuildOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  const spec = REPORT_FORMAT_SPECS[format];
  return runHeavyJob(
    { module: REPORT_WORKER, name: "renderReport" },
    { format, source: reportJobSource(source), ...options },
    { timeMs: reportBuildTimeMs(), label: spec.jobLabel },
  );
}

/**
 * The report model as JSON bytes (what GET …/report/model answers), built on the worker pool from the article's stored
 * source like every file: parsing, building and serialising a long article's model (5.8 MB for 49,000 paragraphs)
 * held the event loop for seconds. The pool's errors as buildReportFileFromSource.
 */
export async function buildReportModelJsonFromSource(
  source: ReportSource,
  options: ReportBuildOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  return runHeavyJob(
    { module: REPORT_WORKER, name: "renderReportModel" },
    { source: reportJobSource(source), ...options },
    { timeMs: reportBuildTimeMs(), label: "Building the report" },
  );
}
