import type { ReportFormat, ReportModel } from "@factmark/core";
import { workerTask } from "../work/workerTask";

export { warm } from "../work/warm";

import { renderReportFile } from "./reportFormats";

/**
 * The report job for the worker pool (buildReportFile sends the heavy formats here): the model arrives as JSON text,
 * the file goes back as bytes.
 */
export const renderReport = workerTask(
  (input: { format: ReportFormat; modelJson: string }): Promise<Uint8Array<ArrayBuffer>> =>
    renderReportFile(input.format, JSON.parse(input.modelJson) as ReportModel),
);
