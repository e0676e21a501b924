import { describe, expect, it } from "vitest";
import { sampleReportInput } from "../testing/sampleReport";
import { buildArticleSegments } from "./buildArticleSegments";
import { buildReportModel } from "./buildReportModel";

const input = sampleReportInput();

function withClaims(spans: [number, number, "supported" | "contradicted" | "unverified", boolean?][]) {
  const base = input.claims[0] as (typeof input.claims)[number];
  const text = "abcdefghij";
  return buildReportModel({
    ...input,
    article: { ...input.article, text },
    claims: spans.map(([start, end, verdict, isOrphaned = false], index) => ({
      ...base,
      id: `c${index}`,
      verdict,
      isOrphaned,
      selectors: { position: { start, end }, quote: { exact: text.slice(start, end), prefix: "", suffix: "" } },
    })),
    links: [],
    evidence: [],
  });
}

describe("buildArticleSegments", () => {
  it("covers the whole text, in order, once", () => {
    const model = buildReportModel(input);
    expect(
      buildArticleSegments(model)
        .map((segment) => segment.text)
        .join(""),
    ).toBe(model.article.text);
  });

  it("cuts overlapping claims apart and colours each run by its innermost claim", () => {
    const segments = buildArticleSegments(
      withClaims([
        [1, 8, "supported"],
        [3, 5, "contradicted"],
      ]),
    );
    expect(segments.map((segment) => [segment.text, segment.verdict, segment.claimNumbers])).toEqual([
      ["a", null, []],
      ["bc", "supported", [1]],
      ["de", "contradicted", [2, 1]],
      ["fgh", "supported", [1]],
      ["ij", null, []],
    ]);
  });

  it("does not draw orphaned claims", () => {
    const segments = buildArticleSegments(withClaims([[0, 3, "supported", true]]));
    expect(segments).toEqual([{ text: "abcdefghij", claimNumbers: [], verdict: null }]);
  });
});
