import { describe, expect, it } from "vitest";
import { sampleReportInput, withUndoEntriesWithoutValues } from "../testing/sampleReport";
import { buildCsv } from "./buildCsv";
import { buildHtml } from "./buildHtml";
import { buildMarkdown } from "./buildMarkdown";
import { buildReportModel } from "./buildReportModel";

// The sample's Zelenskyy claim (claim 2): Dana Levi changed its verdict to Contradicted, the local reviewer undid it.
const UNDO_ENTRY = "Local reviewer restored the verdict to Unverified (undo of the change to Contradicted)";

describe.each([
  ["an undo entry that carries what it reverted", sampleReportInput()],
  ["an undo entry written before undos carried values", withUndoEntriesWithoutValues(sampleReportInput())],
])("a verdict change and its undo, from %s", (_, input) => {
  const model = buildReportModel(input, { history: "include" });

  it("reads, in the report model, as what the undo put back", () => {
    const history = model.claims.find((claim) => claim.id === "clm_zelenskyy")?.history ?? [];
    expect(history.slice(-2).map((entry) => `${entry.by} ${entry.summary}`)).toEqual([
      "Dana Levi changed the verdict from Unverified to Contradicted",
      UNDO_ENTRY,
    ]);
  });

  it("reads so in Markdown and HTML, after the reviewer's name, never as a bare change", () => {
    for (const report of [buildMarkdown(model), buildHtml(model)]) {
      expect(report).toContain(` · ${UNDO_ENTRY}`);
      expect(report).not.toMatch(/\bChanged\b|undid a verdict change/);
    }
  });

  it("leaves the CSV without history wording: it has no history column", () => {
    expect(buildCsv(model)).not.toMatch(/\bChanged\b|undo of/);
  });
});
