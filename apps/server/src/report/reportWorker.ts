import { buildReportModel, type ReportFormat } from "@factmark/core";
import { type ReportSource, reportDataOf } from "../repositories/reportRepository";
import { workerTask } from "../work/workerTask";
import { type ReportBuildOptions, renderReportFile } from "./reportFormats";

export { warm } from "../work/warm";

/**
 * The report job for the worker pool (buildReportFileFromSource sends it): the article's data and its stored
 * document arrive as JSON text; the document is parsed, the model built and the file rendered here, and the file
 * goes back as bytes.
 */
export const renderReport = workerTask(
  (input: { format: ReportFormat; dataJson: string; docJson: string } & ReportBuildOptions) => {
    const source: ReportSource = { data: JSON.parse(input.dataJson) as ReportSource["data"], docJson: input.docJson };
    const { organisation, generatedAt, history } = input;
    const model = buildReportModel({ ...reportDataOf(source), organisation, generatedAt }, { history });
    return renderReportFile(input.format, model);
  },
);
