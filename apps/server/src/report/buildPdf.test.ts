import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildReportModel } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { generateLargeReportInput } from "../../../../packages/core/src/testing/generateLargeReportInput";
import { sampleReportInput, withUndoEntriesWithoutValues } from "../../../../packages/core/src/testing/sampleReport";
import { buildPdf } from "./buildPdf";

const hasPdfToText = existsSync("/usr/bin/pdftotext");

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), "factmark-pdf-"));
  writeFileSync(path.join(dir, "report.pdf"), pdf);
  return execFileSync("/usr/bin/pdftotext", ["-layout", "report.pdf", "-"], { cwd: dir, encoding: "utf8" });
}

describe("buildPdf", () => {
  const input = generateLargeReportInput({ words: 600, claims: 12, links: 4, evidence: 6 });
  input.article.title = "Ирано-российские дроны: “limited” 🛩️";
  const firstClaim = input.claims[0];
  if (firstClaim) firstClaim.speaker = "Łukasz Ó'Brien";
  const model = buildReportModel(input);

  it("writes a PDF with every section, in text a reader can select", async () => {
    const pdf = await buildPdf(model);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    if (!hasPdfToText) return;
    const text = pdfText(pdf);
    for (const expected of [
      "Irano-rossiyskie drony: “limited” ?",
      "Summary",
      "12 claims reviewed: 4 supported, 4 contradicted, 4 unverified.",
      "Contradictions",
      "Claims",
      "Claim 12",
      "Speaker: Lukasz Ó'Brien",
      "https://evidence.example.org/source/0?ref=bench",
      "The article, with the claims marked",
      "Page 1 of",
      "Characters this PDF's fonts cannot show",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("leaves the article out when asked", async () => {
    if (!hasPdfToText) return;
    const text = pdfText(await buildPdf(model, { includeArticle: false }));
    expect(text).not.toContain("The article, with the claims marked");
  });

  it("says so when there are no claims", async () => {
    if (!hasPdfToText) return;
    const text = pdfText(
      await buildPdf(buildReportModel({ ...input, claims: [], links: [], evidence: [], events: [] })),
    );
    expect(text).toContain("No claims have been marked in this article yet.");
    expect(text).toContain("0 claims reviewed");
    expect(text).not.toContain("Contradictions");
  });

  it("leaves the working history out unless the model carries it", async () => {
    if (!hasPdfToText) return;
    const text = pdfText(await buildPdf(buildReportModel(sampleReportInput()), { includeArticle: false }));
    expect(text).not.toMatch(/HISTORY|marked the claim|changed the verdict|attributed the claim/);
  });

  it("puts the conclusion first, and draws rationales with lists, and links that open", async () => {
    const sample = sampleReportInput();
    sample.article.conclusion = {
      rating: "mostly-inaccurate",
      summary:
        "Iran sent drones *after* the war began.\n\n- First wreckage: September 2022.\n- See https://evidence.example.org/wreckage",
    };
    sample.claims = sample.claims.map((claim) =>
      claim.id === "clm_malley"
        ? { ...claim, rationale: "Two counts:\n1. [Air force](https://evidence.example.org/air-force)\n2. Ministry" }
        : claim,
    );
    const pdf = await buildPdf(buildReportModel(sample), { includeArticle: false });
    // Link annotations, one per link, opening the URL.
    const raw = pdf.toString("latin1");
    expect(raw).toContain("/URI (https://evidence.example.org/wreckage)");
    expect(raw).toContain("/URI (https://evidence.example.org/air-force)");
    if (!hasPdfToText) return;
    const text = pdfText(pdf).replace(/[ \t]+/g, " ");
    expect(text.indexOf("Conclusion")).toBeLessThan(text.indexOf("Summary"));
    expect(text).toContain("Rating: Mostly inaccurate");
    expect(text).toMatch(/• First wreckage: September 2022\.\n *• See https:\/\/evidence\.example\.org\/wreckage/);
    // A link's URL is printed beside its text, for the page on paper.
    expect(text).toMatch(/1\. Air force \(https:\/\/evidence\.example\.org\/air-force\)\n *2\. Ministry/);
  });

  it("words an undone verdict change as what the undo put back, after the reviewer's name", async () => {
    if (!hasPdfToText) return;
    for (const sample of [sampleReportInput(), withUndoEntriesWithoutValues(sampleReportInput())]) {
      // Entries wrap to the column's width: compare the words, not the lines.
      const model = buildReportModel(sample, { history: "include" });
      const text = pdfText(await buildPdf(model, { includeArticle: false })).replace(/\s+/g, " ");
      expect(text).toContain(
        "· Local reviewer restored the verdict to Unverified (undo of the change to Contradicted)",
      );
      expect(text).toContain("· Dana Levi changed the verdict from Unverified to Contradicted");
      expect(text).not.toMatch(/\bChanged\b|undid a verdict change/);
    }
  });

  it("aligns a right-to-left paragraph of the article right", async () => {
    if (!hasPdfToText) return;
    const text = "A left-to-right paragraph about drones.\nשר החוץ אמר שאיראן מכרה מל״טים.";
    const pdf = await buildPdf(
      buildReportModel({
        ...input,
        article: { ...input.article, text },
        claims: [],
        links: [],
        evidence: [],
        events: [],
      }),
    );
    const lines = pdfText(pdf).split("\n");
    const leftToRight = lines.find((line) => line.includes("A left-to-right paragraph")) ?? "";
    const rightToLeft = lines.find((line) => line.trim().endsWith(".") && /^\s{20,}\S/.test(line)) ?? "";
    expect(leftToRight.search(/\S/)).toBeLessThan(12);
    expect(rightToLeft.search(/\S/)).toBeGreaterThan(20);
  });
});
