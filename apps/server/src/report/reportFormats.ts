import {
  buildClaimReview,
  buildCsv,
  buildHtml,
  buildMarkdown,
  buildNativeJson,
  buildWebAnnotation,
  type ReportModel,
} from "@factmark/core";
import { buildPdf } from "./buildPdf";

/** The formats GET /api/articles/:id/report answers, as `?format=` names them. */
export const REPORT_FORMATS = ["html", "md", "pdf", "json", "w3c", "claimreview", "csv"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportFormatSpec {
  contentType: string;
  extension: string;
  build(model: ReportModel): string | Uint8Array | Promise<Uint8Array>;
}

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark; other readers skip it. */
const BYTE_ORDER_MARK = "\uFEFF";

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Each format's media type, file extension and builder; the builders are core's, the PDF the server's. */
export const REPORT_FORMAT_SPECS: Record<ReportFormat, ReportFormatSpec> = {
  html: { contentType: "text/html; charset=utf-8", extension: "html", build: (model) => buildHtml(model) },
  md: { contentType: "text/markdown; charset=utf-8", extension: "md", build: buildMarkdown },
  pdf: { contentType: "application/pdf", extension: "pdf", build: (model) => buildPdf(model) },
  json: { contentType: "application/json", extension: "json", build: (model) => json(buildNativeJson(model)) },
  w3c: {
    contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    extension: "w3c.jsonld",
    build: (model) => json(buildWebAnnotation(model)),
  },
  claimreview: {
    contentType: "application/ld+json",
    extension: "claimreview.jsonld",
    build: (model) => json(buildClaimReview(model)),
  },
  csv: {
    contentType: "text/csv; charset=utf-8; header=present",
    extension: "csv",
    build: (model) => `${BYTE_ORDER_MARK}${buildCsv(model)}`,
  },
};
