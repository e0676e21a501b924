import { AppError, type ReportInput, type ReportOrganisation } from "@factmark/core";
import type { Db } from "../db/createDatabase";
import { findReportData } from "../repositories/reportRepository";

/** What a report of one live article is built from, read in one query; NOT_FOUND when there is no such article. */
export async function loadReportInput(
  db: Db,
  articleId: string,
  organisation: ReportOrganisation,
  generatedAt: Date = new Date(),
): Promise<ReportInput> {
  const data = await findReportData(db, articleId);
  if (!data) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
  return { ...data, organisation, generatedAt: generatedAt.toISOString() };
}
