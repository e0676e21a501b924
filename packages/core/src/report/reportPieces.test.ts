import { describe, expect, it } from "vitest";
import { selectorsForRange } from "../anchoring/selectorsForRange";
import { generateLargeReportInput } from "../testing/generateLargeReportInput";
import { sampleReportInput } from "../testing/sampleReport";
import { buildCsv } from "./buildCsv";
import { buildHtml, createHtmlPieces } from "./buildHtml";
import { buildMarkdown } from "./buildMarkdown";
import { buildNativeJson, buildNativeJsonText, createNativeJsonPieces } from "./buildNativeJson";
import { buildReportModel, createReportModelMemo } from "./buildReportModel";
import { buildWebAnnotation, buildWebAnnotationText, createWebAnnotationPieces } from "./buildWebAnnotation";
import type { ReportInput } from "./ReportModel";

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Every format built with kept pieces, beside the same built whole. */
function expectPiecesAsWhole(input: ReportInput, memo = createReportModelMemo(), pieces = newPieces()) {
  const model = buildReportModel(input, { history: "include", memo });
  const whole = buildReportModel(input, { history: "include" });
  expect(model).toEqual(whole);
  expect(buildMarkdown(model, pieces.md)).toBe(buildMarkdown(whole));
  expect(buildHtml(model, {}, pieces.html)).toBe(buildHtml(whole));
  expect(buildCsv(model, pieces.csv)).toBe(buildCsv(whole));
  expect(buildNativeJsonText(model, pieces.json)).toBe(json(buildNativeJson(whole)));
  expect(buildWebAnnotationText(model, {}, pieces.w3c)).toBe(json(buildWebAnnotation(whole)));
  return model;
}

function newPieces() {
  return {
    md: new WeakMap(),
    csv: new WeakMap(),
    html: createHtmlPieces(),
    json: createNativeJsonPieces(),
    w3c: createWebAnnotationPieces(),
  };
}

describe("a report built with a memo and kept pieces", () => {
  it("gives back the same claim object when nothing it shows changed, and a new one when something did", () => {
    const input = sampleReportInput();
    const memo = createReportModelMemo();
    const pieces = newPieces();
    const first = expectPiecesAsWhole(input, memo, pieces);
    // One claim's rationale changes (a new claim object); another gets evidence; the rest is as it was.
    const [a, b, c, d] = input.claims;
    if (!a || !b || !c || !d) throw new Error("The sample has four claims.");
    const changed = { ...a, rationale: "A new rationale, & <markup>.", version: a.version + 1 };
    const evidence = { ...(input.evidence[0] as (typeof input.evidence)[number]), id: "evd_new", claimId: b.id };
    const next: ReportInput = {
      ...input,
      claims: [changed, b, c, d],
      evidence: [...input.evidence, evidence],
      generatedAt: "2026-01-16T08:00:00.000Z",
    };
    const second = expectPiecesAsWhole(next, memo, pieces);
    const byId = (model: typeof first, id: string) => model.claims.find((claim) => claim.id === id);
    expect(byId(second, a.id)).not.toBe(byId(first, a.id));
    expect(byId(second, b.id)).not.toBe(byId(first, b.id));
    expect(byId(second, c.id)).toBe(byId(first, c.id));
    expect(byId(second, d.id)).toBe(byId(first, d.id));
  });

  it("builds a claim again when its number moves, though the claim is the same object", () => {
    const input = sampleReportInput();
    const memo = createReportModelMemo();
    const pieces = newPieces();
    const first = expectPiecesAsWhole(input, memo, pieces);
    const firstId = first.claims[0]?.id;
    const lastId = first.claims[3]?.id;
    const second = expectPiecesAsWhole(
      { ...input, claims: input.claims.filter((claim) => claim.id !== firstId) },
      memo,
      pieces,
    );
    const moved = second.claims.find((claim) => claim.id === lastId);
    expect(moved?.number).toBe(3);
    expect(moved).not.toBe(first.claims[3]);
  });
  it("renders again only the article's paragraphs whose marks changed, and the article as a fresh build does", () => {
    let input = generateLargeReportInput({ words: 1_200, claims: 30, links: 4, evidence: 6 });
    const memo = createReportModelMemo();
    const pieces = newPieces();
    expectPiecesAsWhole(input, memo, pieces);
    const lines = input.article.text.split("\n");
    expect(lines.length).toBe(15);
    expect(pieces.html.paragraphsRendered).toBe(lines.length);
    /** How many paragraphs show some of the text from `start` to `end`. */
    const paragraphsHolding = (start: number, end: number) => {
      let from = 0;
      let count = 0;
      for (const line of lines) {
        if (Math.max(from, start) < Math.min(from + line.length, end)) count += 1;
        from += line.length + 1;
      }
      return count;
    };
    const held = input.claims.map((claim) =>
      paragraphsHolding(claim.selectors.position.start, claim.selectors.position.end),
    );
    const within = held.indexOf(1);
    const across = held.indexOf(2);
    expect(within).toBeGreaterThanOrEqual(0);
    expect(across).toBeGreaterThanOrEqual(0);
    for (const index of [within, across]) {
      const claims = [...input.claims];
      const claim = claims[index] as (typeof claims)[number];
      const verdict = claim.verdict === "supported" ? "contradicted" : "supported";
      claims[index] = { ...claim, verdict, version: claim.version + 1 };
      input = { ...input, claims };
      expectPiecesAsWhole(input, memo, pieces);
      expect(pieces.html.paragraphsRendered).toBe(held[index]);
    }
    // The same claim, number and verdict over a shorter run of the same paragraph: only its run's length moved.
    const claims = [...input.claims];
    const claim = claims[within] as (typeof claims)[number];
    const { start, end } = claim.selectors.position;
    claims[within] = {
      ...claim,
      selectors: selectorsForRange(input.article.text, start, end - 3),
      version: claim.version + 1,
    };
    input = { ...input, claims };
    expectPiecesAsWhole(input, memo, pieces);
    expect(pieces.html.paragraphsRendered).toBe(1);
    // Nothing changed: nothing is rendered again.
    expectPiecesAsWhole(input, memo, pieces);
    expect(pieces.html.paragraphsRendered).toBe(0);
  });
});
