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
import { buildPdf } from "./buildPdf";

// The list itself is core's, shared with the web app's export bar; re-exported so routes and services keep importing it here.
export { REPORT_FORMATS, type ReportFormat } from "@factmark/core";

export interface ReportFormatSpec extends ReportFormatDetails {
  build(model: ReportModel): string | Uint8Array | Promise<Uint8Array>;
}

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark; other readers skip it. */
const BYTE_ORDER_MARK = "\uFEFF";

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Each format's media type and file extension (core's) with its builder: core's, the PDF the server's. */
export const REPORT_FORMAT_SPECS: Record<ReportFormat, ReportFormatSpec> = {
  html: { ...REPORT_FORMAT_DETAILS.html, build: (model) => buildHtml(model) },
  md: { ...REPORT_FORMAT_DETAILS.md, build: buildMarkdown },
  pdf: { ...REPORT_FORMAT_DETAILS.pdf, build: (model) => buildPdf(model) },
  json: { ...REPORT_FORMAT_DETAILS.json, build: (model) => json(buildNativeJson(model)) },
  w3c: { ...REPORT_FORMAT_DETAILS.w3c, build: (model) => json(buildWebAnnotation(model)) },
  claimreview: { ...REPORT_FORMAT_DETAILS.claimreview, build: (model) => json(buildClaimReview(model)) },
  csv: { ...REPORT_FORMAT_DETAILS.csv, build: (model) => `${BYTE_ORDER_MARK}${buildCsv(model)}` },
};
