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

  it("cuts overlapping claims apart and gives each run every verdict on it, most severe first", () => {
    const segments = buildArticleSegments(
      withClaims([
        [1, 8, "supported"],
        [3, 5, "contradicted"],
      ]),
    );
    expect(segments.map((segment) => [segment.text, segment.verdicts, segment.claimNumbers])).toEqual([
      ["a", [], []],
      ["bc", ["supported"], [1]],
      ["de", ["contradicted", "supported"], [2, 1]],
      ["fgh", ["supported"], [1]],
      ["ij", [], []],
    ]);
  });

  it("keeps a contradicted verdict on words another claim covers too, whichever is shorter", () => {
    const segments = buildArticleSegments(
      withClaims([
        [0, 10, "supported"],
        [2, 6, "unverified"],
        [3, 5, "contradicted"],
        [3, 5, "supported"],
      ]),
    );
    expect(segments.find((segment) => segment.text === "de")?.verdicts).toEqual([
      "contradicted",
      "unverified",
      "supported",
    ]);
    expect(segments.find((segment) => segment.text === "de")?.claimNumbers).toHaveLength(4);
  });

  it("does not draw orphaned claims", () => {
    const segments = buildArticleSegments(withClaims([[0, 3, "supported", true]]));
    expect(segments).toEqual([{ text: "abcdefghij", claimNumbers: [], verdicts: [] }]);
  });
});
