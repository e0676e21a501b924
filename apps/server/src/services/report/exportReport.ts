import { type ReportHistoryOption, type ReportOrganisation, reportHistoryFor } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { REPORT_FORMAT_SPECS, type ReportFormat } from "../../report/reportFormats";
import { getReportModel } from "./getReportModel";

/** A built report, ready to send. */
export interface ReportFile {
  body: string | Uint8Array;
  contentType: string;
  extension: string;
  title: string;
}

/**
 * An article's report exported in one format: its model, rendered by that format's builder. The working history is
 * in it when `history` is "include", and always in the native JSON (core's reportHistoryFor decides). NOT_FOUND when
 * there is no such article.
 */
export async function exportReport(
  db: Db,
  articleId: string,
  format: ReportFormat,
  organisation: ReportOrganisation,
  history: ReportHistoryOption = "omit",
): Promise<ReportFile> {
  const model = await getReportModel(db, articleId, organisation, new Date(), reportHistoryFor(format, history));
  const spec = REPORT_FORMAT_SPECS[format];
  return {
    body: await spec.build(model),
    contentType: spec.contentType,
    extension: spec.extension,
    title: model.header.title,
  };
}
