import type { ReportFormat } from "@factmark/core";
import { workerTask } from "../work/workerTask";
// Loaded with the thread, so the first PDF does not wait for it (buildPdf imports it when called).
import "pdfkit";
import { buildKeptReportFile, buildKeptReportModelJson, type ReportJobSource } from "./keptReportBuilds";
import type { ReportBuildOptions } from "./reportFormats";

export { warm } from "../work/warm";

/**
 * The report job for the worker pool (buildReportFileFromSource sends it): the article's source arrives as JSON text
 * (ReportJobSource); the model is built and the file rendered here from what this thread kept of the article
 * (keptReportBuilds.ts), and the file goes back as bytes.
 */
export const renderReport = workerTask(
  (input: { format: ReportFormat; source: ReportJobSource } & ReportBuildOptions) =>
    buildKeptReportFile(input.format, input.source, input),
);

/** The report model itself, as JSON bytes (GET …/report/model). */
export const renderReportModel = workerTask((input: { source: ReportJobSource } & ReportBuildOptions) =>
  buildKeptReportModelJson(input.source, input),
);
