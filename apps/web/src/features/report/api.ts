import { type ReportFormat, type ReportModel, ZReportModel } from "@factmark/core";
import { ApiError, unwrap } from "../../lib/ApiError";
import { apiClient } from "../../lib/apiClient";

/** Where a report downloads from: the browser follows the link itself, so the file keeps the server's name. */
export function reportDownloadUrl(articleId: string, format: ReportFormat): string {
  return `/api/articles/${encodeURIComponent(articleId)}/report?format=${format}`;
}

export async function fetchReportModel(articleId: string): Promise<ReportModel> {
  // The model's recursive article document does not survive Hono's JSON typing, so the answer is checked, not cast.
  const response = apiClient.articles[":id"].report.model.$get({ param: { id: articleId } });
  const parsed = ZReportModel.safeParse(await unwrap(response));
  if (!parsed.success) throw new ApiError(200, "INTERNAL", "The server answered a report this page cannot read.");
  return parsed.data;
}
