/** One line of the benchmark table: a figure beside its baseline from the same run. */
export interface BenchRow {
  section: string;
  name: string;
  unit: string;
  value: number;
  baseline?: number;
  /** value ÷ baseline for "higher is better" figures (throughput); omitted when there is no baseline. */
  ratio?: number;
  /** What the ratio (or value) must reach, e.g. "≥ 0.6×"; and whether it did. */
  goal?: string;
  isGoalMet?: boolean;
  note?: string;
}

/** A benchmark section: returns its rows for the table. Other sections (reports, re-anchoring, editor) add theirs. */
export type BenchSection = () => Promise<BenchRow[]>;

function formatNumber(value: number | undefined): string {
  if (value === undefined) return "";
  if (value >= 100) return Math.round(value).toLocaleString("en-US");
  return value.toFixed(value >= 10 ? 1 : 2);
}

export function formatTable(rows: BenchRow[]): string {
  const header = ["section", "figure", "value", "baseline", "ratio", "goal", "note"];
  const lines = rows.map((row) => [
    row.section,
    row.name,
    `${formatNumber(row.value)} ${row.unit}`,
    row.baseline === undefined ? "" : `${formatNumber(row.baseline)} ${row.unit}`,
    row.ratio === undefined ? "" : `${row.ratio.toFixed(2)}×`,
    row.goal === undefined ? "" : `${row.goal} ${row.isGoalMet ? "met" : "MISSED"}`,
    row.note ?? "",
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => (line[column] ?? "").length)),
  );
  const render = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  return [render(header), render(widths.map((width) => "-".repeat(width))), ...lines.map(render)].join("\n");
}
