import { describe, expect, it } from "vitest";
import { sampleReportInput } from "../testing/sampleReport";
import { buildClaimReview } from "./buildClaimReview";
import { buildCsv } from "./buildCsv";
import { buildHtml } from "./buildHtml";
import { buildMarkdown } from "./buildMarkdown";
import { buildNativeJson } from "./buildNativeJson";
import { buildReportModel } from "./buildReportModel";
import { buildWebAnnotation } from "./buildWebAnnotation";
import type { ReportModel } from "./ReportModel";
import { type ReportFormat, reportHistoryFor, ZReportModelQuery, ZReportQuery } from "./reportFormats";

/** Words only the desk's history uses: the sample marked, attributed and changed every claim. */
const HISTORY_WORDS = /marked the claim|changed the verdict|attributed the claim|restored the verdict|History/;

const BUILDERS: Partial<Record<ReportFormat, (model: ReportModel) => string>> = {
  html: buildHtml,
  md: buildMarkdown,
  w3c: (model) => JSON.stringify(buildWebAnnotation(model)),
  claimreview: (model) => JSON.stringify(buildClaimReview(model)),
  csv: buildCsv,
};

function exportOf(format: ReportFormat, history: "omit" | "include"): string {
  const build = BUILDERS[format];
  if (!build) throw new Error(`no core builder for ${format}`);
  return build(buildReportModel(sampleReportInput(), { history: reportHistoryFor(format, history) }));
}

describe("the working history in reports", () => {
  it("is left out by default: the export bar's query asks for none", () => {
    expect(ZReportQuery.parse({})).toEqual({ format: "html", disposition: "attachment", history: "omit" });
    expect(ZReportModelQuery.parse({})).toEqual({ history: "omit" });
    expect(ZReportQuery.safeParse({ history: "all" }).error?.issues[0]?.message).toBe(
      "history must be one of: omit, include.",
    );
  });

  it.each(["html", "md", "w3c", "claimreview", "csv"] as const)(
    "is not in the public %s export by default",
    (format) => {
      expect(exportOf(format, "omit")).not.toMatch(HISTORY_WORDS);
    },
  );

  it.each(["html", "md"] as const)("is in the %s export when the desk includes it", (format) => {
    const report = exportOf(format, "include");
    expect(report).toContain("History");
    expect(report).toContain("Dana Levi changed the verdict from Unverified to Contradicted");
    expect(report).toContain("marked the claim as Unverified");
  });

  it("is always whole in the native JSON, the desk's re-importable export", () => {
    const input = sampleReportInput();
    const native = buildNativeJson(buildReportModel(input, { history: reportHistoryFor("json", "omit") }));
    expect(native.events).toHaveLength(input.events.length);
  });
});
