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
}

/** Each report format's name, purpose, media type and file extension. */
export const REPORT_FORMAT_DETAILS: Record<ReportFormat, ReportFormatDetails> = {
  html: {
    label: "HTML",
    description: "one printable page",
    contentType: "text/html; charset=utf-8",
    extension: "html",
  },
  md: {
    label: "Markdown",
    description: "for a code host or CMS",
    contentType: "text/markdown; charset=utf-8",
    extension: "md",
  },
  pdf: { label: "PDF", description: "for print and archive", contentType: "application/pdf", extension: "pdf" },
  json: {
    label: "JSON",
    description: "Factmark's full export, re-importable",
    contentType: "application/json",
    extension: "json",
  },
  w3c: {
    label: "W3C Web Annotation",
    description: "JSON-LD for annotation tools",
    contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    extension: "w3c.jsonld",
  },
  claimreview: {
    label: "ClaimReview",
    description: "schema.org JSON-LD for search engines",
    contentType: "application/ld+json",
    extension: "claimreview.jsonld",
  },
  csv: {
    label: "CSV",
    description: "one row per claim, for spreadsheets",
    contentType: "text/csv; charset=utf-8; header=present",
    extension: "csv",
  },
};
