import type { ReportModel } from "@factmark/core";
import { unwrap } from "../../lib/ApiError";
import { apiClient } from "../../lib/apiClient";

/** The formats a report exports to, with how the export bar names them. */
export const REPORT_FORMATS = [
  { format: "html", label: "HTML", description: "one printable page" },
  { format: "pdf", label: "PDF", description: "for print and archive" },
  { format: "md", label: "Markdown", description: "for a code host or CMS" },
  { format: "json", label: "JSON", description: "Factmark's full export, re-importable" },
  { format: "w3c", label: "W3C Web Annotation", description: "JSON-LD for annotation tools" },
  { format: "claimreview", label: "ClaimReview", description: "schema.org JSON-LD for search engines" },
  { format: "csv", label: "CSV", description: "one row per claim, for spreadsheets" },
] as const;

export type ReportFormat = (typeof REPORT_FORMATS)[number]["format"];

/** Where a report downloads from: the browser follows the link itself, so the file keeps the server's name. */
export function reportDownloadUrl(articleId: string, format: ReportFormat): string {
  return `/api/articles/${encodeURIComponent(articleId)}/report?format=${format}`;
}

export async function fetchReportModel(articleId: string): Promise<ReportModel> {
  // The model's recursive article document does not survive Hono's JSON typing; the server sends a core ReportModel.
  const response = apiClient.articles[":id"].report.model.$get({ param: { id: articleId } });
  return (await unwrap(response)) as unknown as ReportModel;
}
