// The report section of `pnpm bench`: each export format built from a generated 50,000-word article with 2,000
// claims, 500 links and 1,000 evidence items, as GET /api/articles/:id/report builds it (the model, then the format).
// The baseline is JSON.stringify of the same input: the least any export of that data can cost.
import { REPORT_FORMAT_SPECS, type ReportFormat } from "../apps/server/src/report/reportFormats";
import { buildReportModel } from "../packages/core/src/report/buildReportModel";
import { generateLargeReportInput } from "../packages/core/src/testing/generateLargeReportInput";
import type { BenchRow } from "./table";

const SECTION = "Report";

const BUDGET_MS: Record<ReportFormat, number> = {
  html: 200,
  md: 200,
  json: 200,
  w3c: 200,
  claimreview: 200,
  csv: 200,
  pdf: 3_000,
};

/** The median time of `runs` runs after one warm-up, in milliseconds. */
async function medianMilliseconds(runs: number, run: () => unknown): Promise<number> {
  await run();
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((left, right) => left - right);
  return times[Math.floor(times.length / 2)] as number;
}

/** The report figures as rows of the bench table (bench/table.ts). */
export async function benchReportRows(): Promise<BenchRow[]> {
  const input = generateLargeReportInput();
  const baseline = await medianMilliseconds(7, () => JSON.stringify(input));
  const rows: BenchRow[] = [];
  const model = await medianMilliseconds(7, () => buildReportModel(input));
  rows.push({
    section: SECTION,
    name: "report model (2,000 claims, 50,000 words)",
    unit: "ms",
    value: model,
    baseline,
    note: "buildReportModel alone; every format below includes it",
  });
  for (const [format, spec] of Object.entries(REPORT_FORMAT_SPECS) as [
    ReportFormat,
    (typeof REPORT_FORMAT_SPECS)[ReportFormat],
  ][]) {
    let bytes = 0;
    const value = await medianMilliseconds(format === "pdf" ? 3 : 7, async () => {
      const body = await spec.build(buildReportModel(input));
      bytes = typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
    });
    const budget = BUDGET_MS[format];
    rows.push({
      section: SECTION,
      name: `format=${format}, 2,000 claims, 500 links, 1,000 evidence`,
      unit: "ms",
      value,
      baseline,
      goal: `< ${budget.toLocaleString("en-US")} ms`,
      isGoalMet: value < budget,
      note: `median of ${format === "pdf" ? 3 : 7}; ${(bytes / 1024 / 1024).toFixed(1)} MB; baseline: JSON.stringify of the input`,
    });
  }
  return rows;
}

/** The report figures as printable strings: one per format, beside the JSON.stringify baseline and the budget. */
export async function benchReport(): Promise<Array<{ name: string; value: string; baseline?: string; goal?: string }>> {
  const rows = await benchReportRows();
  return rows.map((row) => ({
    name: `${row.section}: ${row.name}`,
    value: `${row.value.toFixed(1)} ${row.unit}`,
    ...(row.baseline === undefined ? {} : { baseline: `${row.baseline.toFixed(1)} ${row.unit}` }),
    ...(row.goal === undefined ? {} : { goal: `${row.goal} ${row.isGoalMet ? "met" : "MISSED"}` }),
  }));
}
