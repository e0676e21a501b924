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
  type ReportModel,
} from "@factmark/core";
import { runHeavyJob } from "../work/heavyWork";
import { WORKER_MODULES } from "../work/workerModules";
import { buildPdf } from "./buildPdf";
import { reportBuildTimeMs } from "./reportSettings";

// The list itself is core's, shared with the web app's export bar; re-exported so routes and services keep importing it here.
export { REPORT_FORMATS, type ReportFormat } from "@factmark/core";

export interface ReportFormatSpec extends ReportFormatDetails {
  build(model: ReportModel): string | Promise<Uint8Array<ArrayBuffer>>;
  /**
   * Built on the worker pool (see buildReportFile): what takes a long article's report more than a tenth of a second
   * to render, measured on a 100,000-paragraph article (1.7 million characters) on a loaded 2-core machine: the PDF
   * about 6-20 s, the HTML 0.3-0.6 s, the native JSON 0.2-0.4 s. The Markdown, W3C, CSV and ClaimReview builders take
   * a few ms there (their article text is not in them), less than handing the model to a thread would.
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
  md: { ...REPORT_FORMAT_DETAILS.md, build: buildMarkdown, isHeavy: false, jobLabel: "Building the Markdown report" },
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
    isHeavy: false,
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
    isHeavy: false,
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

/**
 * A format's file as bytes. A heavy format is rendered on the worker pool, so a long article's report never stalls
 * the event loop; its model crosses as JSON text (a structured clone of a 100,000-paragraph model's objects blocks
 * for about a second, its JSON about 70 ms). Over REPORT_BUILD_TIME_MS it answers 422, over the thread's memory 413,
 * with the pool's queue full 503, each with `details.limit` (runHeavyJob).
 */
export async function buildReportFile(format: ReportFormat, model: ReportModel): Promise<Uint8Array<ArrayBuffer>> {
  const spec = REPORT_FORMAT_SPECS[format];
  if (!spec.isHeavy) return renderReportFile(format, model);
  return runHeavyJob(
    { module: REPORT_WORKER, name: "renderReport" },
    { format, modelJson: JSON.stringify(model) },
    { timeMs: reportBuildTimeMs(), label: spec.jobLabel },
  );
}
