import { describe, expect, it } from "vitest";
import { readGolden } from "../testing/readFixture";
import { sampleReportInput } from "../testing/sampleReport";
import { buildMarkdown } from "./buildMarkdown";
import { buildReportModel } from "./buildReportModel";

const input = sampleReportInput();
input.article.conclusion = {
  rating: "mostly-inaccurate",
  summary:
    "Iran sent drones to Russia *after* the war began.\n\n- First wreckage: September 2022.\n- See [the envoy](https://evidence.example.org/us-envoy-statement).",
};
const markdown = buildMarkdown(buildReportModel(input));

describe("buildMarkdown", () => {
  it("matches the reviewed golden file for the sample article", () => {
    const golden = readGolden("sample-report.md", markdown);
    expect(markdown).toBe(golden.expected);
  });

  it("has a title, a summary table, the contradictions and every claim", () => {
    expect(markdown.startsWith("# Fact-check: Iran admits supplying Russia")).toBe(true);
    expect(markdown).toContain("| Contradicted | 2 |");
    expect(markdown).toContain("## Contradictions");
    expect(markdown.match(/^### Claim \d+: /gm)).toHaveLength(4);
  });

  it("puts the conclusion, rating and summary, first after the header, its formatting kept as Markdown", () => {
    const conclusion = markdown.slice(markdown.indexOf("## Conclusion"), markdown.indexOf("## Summary"));
    expect(markdown.indexOf("## Conclusion")).toBeGreaterThan(0);
    expect(conclusion).toBe(
      "## Conclusion\n\n**Rating:** Mostly inaccurate\n\nIran sent drones to Russia *after* the war began.\n\n" +
        "- First wreckage: September 2022.\n- See [the envoy](<https://evidence.example.org/us-envoy-statement>).\n\n",
    );
  });

  it("keeps a rationale's lists, emphasis and links as Markdown, and links only http(s) URLs", () => {
    const claim = input.claims[0];
    if (!claim) throw new Error("the sample has claims");
    const rationale =
      "Two sources:\n- https://a.example/x\n- [B](https://b.example/y) *again*\n\n[bad](javascript:alert(1))";
    const report = buildMarkdown(
      buildReportModel({ ...input, claims: [{ ...claim, rationale }], links: [], evidence: [] }),
    );
    expect(report).toContain(
      "Two sources:\n\n- <https://a.example/x>\n- [B](<https://b.example/y>) *again*\n\n\\[bad\\]\\(javascript:alert(1))",
    );
  });

  it("says a claim's speaker is not named in the words every report uses, not under a 'Speaker:' label", () => {
    const claim = input.claims[0];
    if (!claim) throw new Error("the sample has claims");
    const markdown = buildMarkdown(buildReportModel({ ...input, claims: [{ ...claim, speaker: null }], links: [] }));
    expect(markdown).toContain("\n\nSpeaker not named\n\n");
    expect(markdown).not.toContain("**Speaker:**");
  });

  it("neutralises Markdown and HTML in user text", () => {
    const claim = input.claims[0];
    if (!claim) throw new Error("the sample has claims");
    const hostile = buildMarkdown(
      buildReportModel({
        ...input,
        article: { ...input.article, title: "# <script>x</script> [click](javascript:alert(1))" },
        claims: [{ ...claim, speaker: "*bold* _it_ `code`", rationale: "- not a list\n1. nor this\n<b>html</b>" }],
        evidence: [
          {
            ...(input.evidence[0] as (typeof input.evidence)[number]),
            claimId: claim.id,
            url: "javascript:alert(1)",
            title: "x",
          },
        ],
        links: [],
      }),
    );
    expect(hostile).toContain("# Fact-check: \\# \\<script\\>x\\</script\\> \\[click\\]\\(javascript:alert(1))");
    expect(hostile).toContain("Speaker: \\*bold\\* \\_it\\_ \\`code\\`");
    // Light formatting is Markdown's own: a list stays a list, and raw HTML stays text.
    expect(hostile).toContain("- not a list\n\n1. nor this\n\n\\<b\\>html\\</b\\>");
    expect(hostile).not.toContain("](<javascript:");
    expect(hostile).toContain("- x (contradicts)");
  });

  it("isolates right-to-left quotes and paragraphs (U+2068 ... U+2069), so their closing period stays at their end", () => {
    const claim = input.claims[0];
    if (!claim) throw new Error("the sample has claims");
    const quote = "איראן מכרה מספר מוגבל של מל״טים.";
    const markdown = buildMarkdown(
      buildReportModel({
        ...input,
        claims: [
          {
            ...claim,
            selectors: { ...claim.selectors, quote: { ...claim.selectors.quote, exact: quote } },
            rationale: "הנימוק כאן.\n\nAn English paragraph.",
          },
        ],
        links: [],
        evidence: [],
      }),
    );
    expect(markdown).toContain(`> \u2068${quote}\u2069`);
    expect(markdown).toContain("\u2068הנימוק כאן.\u2069");
    expect(markdown).toContain("\nAn English paragraph.\n");
    expect(buildMarkdown(buildReportModel(input))).not.toMatch(/[\u2068\u2069]/);
  });
});
