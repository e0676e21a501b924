import {
  AppError,
  buildReportModel,
  createReportModelMemo,
  type ReportHistoryOption,
  type ReportInput,
  type ReportModel,
  type ReportOrganisation,
} from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { findKeptReportSource } from "../../repositories/keptReportSource";
import { reportDataOf } from "../../repositories/reportRepository";

/**
 * The model claims built before, by the claim objects they came from (the claim list's kept copies): a claim whose
 * evidence, links, number and history are the same objects is not built again. Weakly held: it dies with the claims.
 */
const memo = createReportModelMemo();

/**
 * The report model of an article, which the web app's report page renders and every export format is
 * built from: one load step (the article, its claims, links, evidence and history, read in proportion to what
 * changed since the last read: findKeptReportSource) and one build step (core's `buildReportModel`). `history`
 * "include" keeps the desk's working history in it; "omit" (the default) leaves it out, as the public formats do.
 * NOT_FOUND when there is no such live article.
 */
export async function getReportModel(
  db: Db,
  articleId: string,
  organisation: ReportOrganisation,
  generatedAt: Date = new Date(),
  history: ReportHistoryOption = "omit",
): Promise<ReportModel> {
  const source = await findKeptReportSource(db, articleId);
  if (!source) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
  const input: ReportInput = { ...reportDataOf(source), organisation, generatedAt: generatedAt.toISOString() };
  return buildReportModel(input, { history, memo });
}
