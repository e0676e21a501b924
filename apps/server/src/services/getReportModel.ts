import { buildReportModel, type ReportModel, type ReportOrganisation } from "@factmark/core";
import type { Db } from "../db/createDatabase";
import { loadReportInput } from "./loadReportInput";

/** The report model of an article, which the web app's report page renders; NOT_FOUND when there is no such article. */
export async function getReportModel(
  db: Db,
  articleId: string,
  organisation: ReportOrganisation,
): Promise<ReportModel> {
  return buildReportModel(await loadReportInput(db, articleId, organisation));
}
