import { type ReportFormat, type ReportHistoryOption, type ReportModel, ZReportModel } from "@factmark/core";
import { ApiError, unwrap } from "../../lib/ApiError";
import { apiClient } from "../../lib/apiClient";

/**
 * Where a report downloads from: the browser follows the link itself, so the file keeps the server's name.
 * `history` "include" asks for the desk's working history (the public formats leave it out by default).
 */
export function reportDownloadUrl(
  articleId: string,
  format: ReportFormat,
  history: ReportHistoryOption = "omit",
): string {
  const query = new URLSearchParams({ format });
  if (history === "include") query.set("history", "include");
  return `/api/articles/${encodeURIComponent(articleId)}/report?${query}`;
}

/** The report model the report page renders; with the working history only when `history` is "include". */
export async function fetchReportModel(articleId: string, history: ReportHistoryOption = "omit"): Promise<ReportModel> {
  // The model's recursive article document does not survive Hono's JSON typing, so the answer is checked, not cast.
  const response = apiClient.articles[":id"].report.model.$get({
    param: { id: articleId },
    query: history === "include" ? { history } : {},
  });
  const parsed = ZReportModel.safeParse(await unwrap(response));
  if (!parsed.success) throw new ApiError(200, "INTERNAL", "The server answered a report this page cannot read.");
  return parsed.data;
}
