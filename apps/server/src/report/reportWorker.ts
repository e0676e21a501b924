import { buildReportModel, type ReportFormat, type ReportModel } from "@factmark/core";
import { type ReportSource, reportDataOf } from "../repositories/reportRepository";
import { workerTask } from "../work/workerTask";
// Loaded with the thread, so the first PDF does not wait for it (buildPdf imports it when called).
import "pdfkit";
import { type ReportBuildOptions, renderReportFile } from "./reportFormats";

export { warm } from "../work/warm";

/**
 * The report job for the worker pool (buildReportFileFromSource sends it): the article's data and its stored
 * document arrive as JSON text; the document is parsed, the model built and the file rendered here, and the file
 * goes back as bytes.
 */
export const renderReport = workerTask((input: { format: ReportFormat } & SourceInput) =>
  renderReportFile(input.format, modelOf(input)),
);

/** The report model itself, as JSON bytes (GET …/report/model). */
export const renderReportModel = workerTask((input: SourceInput) => encoder.encode(JSON.stringify(modelOf(input))));

type SourceInput = { dataJson: string; docJson: string } & ReportBuildOptions;

const encoder = new TextEncoder();

function modelOf(input: SourceInput): ReportModel {
  const source: ReportSource = { data: JSON.parse(input.dataJson) as ReportSource["data"], docJson: input.docJson };
  const { organisation, generatedAt, history } = input;
  return buildReportModel({ ...reportDataOf(source), organisation, generatedAt }, { history });
}
