import {
  AppError,
  buildReportModel,
  type ReportHistoryOption,
  type ReportInput,
  type ReportModel,
  type ReportOrganisation,
} from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { findReportData } from "../../repositories/reportRepository";

/**
 * The report model of an article, which the web app's report page renders and every export format is
 * built from: one load step (the article, its claims, links, evidence and history in one query) and one
 * build step (core's `buildReportModel`). `history` "include" keeps the desk's working history in it; "omit"
 * (the default) leaves it out, as the public formats do. NOT_FOUND when there is no such live article.
 */
export async function getReportModel(
  db: Db,
  articleId: string,
  organisation: ReportOrganisation,
  generatedAt: Date = new Date(),
  history: ReportHistoryOption = "omit",
): Promise<ReportModel> {
  const data = await findReportData(db, articleId);
  if (!data) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
  const input: ReportInput = { ...data, organisation, generatedAt: generatedAt.toISOString() };
  return buildReportModel(input, { history });
}
