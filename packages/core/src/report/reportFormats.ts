import { z } from "zod";

/**
 * The formats a report exports to, as GET /api/articles/:id/report?format= names them, in the order the API lists
 * them and the export bar offers them.
 */
export const REPORT_FORMATS = ["html", "md", "pdf", "json", "w3c", "claimreview", "csv"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What a report format is for both sides: the server sends it with these headers, the web app offers it by name. */
export interface ReportFormatDetails {
  /** The link text in the export bar. */
  label: string;
  /** What the format is good for, as the export bar's tooltip says it. */
  description: string;
  /** The Content-Type the server answers with. */
  contentType: string;
  /** The download's file extension, without the dot. */
  extension: string;
  /**
   * Whether the format always carries the desk's working history: only the native JSON, the re-importable desk
   * export. Every other format is for readers outside the desk and carries it only when asked (`history=include`).
   */
  hasFullHistory: boolean;
}

/** Each report format's name, purpose, media type and file extension. */
export const REPORT_FORMAT_DETAILS: Record<ReportFormat, ReportFormatDetails> = {
  html: {
    label: "HTML",
    description: "one printable page",
    contentType: "text/html; charset=utf-8",
    extension: "html",
    hasFullHistory: false,
  },
  md: {
    label: "Markdown",
    description: "for a code host or CMS",
    contentType: "text/markdown; charset=utf-8",
    extension: "md",
    hasFullHistory: false,
  },
  pdf: {
    label: "PDF",
    description: "for print and archive",
    contentType: "application/pdf",
    extension: "pdf",
    hasFullHistory: false,
  },
  json: {
    label: "JSON",
    description: "Factmark's full export, re-importable",
    contentType: "application/json",
    extension: "json",
    hasFullHistory: true,
  },
  w3c: {
    label: "W3C Web Annotation",
    description: "JSON-LD for annotation tools",
    contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    extension: "w3c.jsonld",
    hasFullHistory: false,
  },
  claimreview: {
    label: "ClaimReview",
    description: "schema.org JSON-LD for search engines",
    contentType: "application/ld+json",
    extension: "claimreview.jsonld",
    hasFullHistory: false,
  },
  csv: {
    label: "CSV",
    description: "one row per claim, for spreadsheets",
    contentType: "text/csv; charset=utf-8; header=present",
    extension: "csv",
    hasFullHistory: false,
  },
};

/**
 * Whether a report carries the desk's working history (who marked, changed, linked what, and when): "omit", the
 * default, for every format a reader outside the desk gets; "include" when the desk asks for it (the export bar's
 * "include working history").
 */
export const REPORT_HISTORY_OPTIONS = ["omit", "include"] as const;
export type ReportHistoryOption = (typeof REPORT_HISTORY_OPTIONS)[number];
export const ZReportHistoryOption = z.enum(REPORT_HISTORY_OPTIONS, {
  error: `history must be one of: ${REPORT_HISTORY_OPTIONS.join(", ")}.`,
});

/**
 * The one place that decides whether a report in `format` carries the working history: always for a format with
 * `hasFullHistory` (the native JSON), otherwise only when asked.
 */
export function reportHistoryFor(format: ReportFormat, history: ReportHistoryOption): ReportHistoryOption {
  return REPORT_FORMAT_DETAILS[format].hasFullHistory ? "include" : history;
}

/**
 * The query of GET /api/articles/:id/report: `format` (default html), `disposition` (attachment, or inline for a
 * preview) and `history` (default omit). The web app's export bar builds its links from the same names.
 */
export const ZReportQuery = z.object({
  format: z.enum(REPORT_FORMATS, { error: `format must be one of: ${REPORT_FORMATS.join(", ")}.` }).default("html"),
  disposition: z
    .enum(["attachment", "inline"], { error: "disposition must be attachment or inline." })
    .default("attachment"),
  history: ZReportHistoryOption.default("omit"),
});
export type ReportQuery = z.input<typeof ZReportQuery>;

/** The query of GET /api/articles/:id/report/model: `history` (default omit), as the exports take it. */
export const ZReportModelQuery = z.object({ history: ZReportHistoryOption.default("omit") });
export type ReportModelQuery = z.input<typeof ZReportModelQuery>;
