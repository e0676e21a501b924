import { describe, expect, it } from "vitest";
import { readGolden } from "../testing/readFixture";
import { sampleReportInput } from "../testing/sampleReport";
import { buildHtml } from "./buildHtml";
import { buildReportModel } from "./buildReportModel";

const input = sampleReportInput();
input.article.conclusion = {
  rating: "mostly-inaccurate",
  summary:
    "Iran sent drones to Russia *after* the war began.\n\n- First wreckage: September 2022.\n- See [the envoy](https://evidence.example.org/us-envoy-statement).",
};
const html = buildHtml(buildReportModel(input));

function hostileHtml(): string {
  const claim = input.claims[0];
  if (!claim) throw new Error("the sample has claims");
  return buildHtml(
    buildReportModel({
      ...input,
      article: { ...input.article, title: '<script>alert("title")</script>', outlet: "<img src=x onerror=alert(1)>" },
      claims: [{ ...claim, speaker: '"><svg onload=alert(1)>', rationale: "</p><iframe src=//evil>" }],
      evidence: [
        {
          ...(input.evidence[0] as (typeof input.evidence)[number]),
          claimId: claim.id,
          url: "javascript:alert(1)",
          title: "Click",
        },
      ],
      links: [],
    }),
  );
}

describe("buildHtml", () => {
  it("matches the reviewed golden file for the sample article", () => {
    const golden = readGolden("sample-report.html", html);
    expect(html).toBe(golden.expected);
  });

  it("is one self-contained document: inline CSS, no scripts, no external resources", () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain("<style>");
    expect(html).not.toMatch(/<script|<link|<iframe|@import|\ssrc=|url\(\s*['"]?https?:/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it("is printable", () => {
    expect(html).toContain("@media print");
  });

  it("has the header, conclusion, summary, contradictions, claims and the marked-up article, in that order", () => {
    const order = [
      "<h1 ",
      'id="conclusion-heading"',
      'id="summary-heading"',
      'id="contradictions-heading"',
      'id="claims-heading"',
      'id="article-heading"',
    ];
    const positions = order.map((marker) => html.indexOf(marker));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toContain("<dt>Reviewed by</dt><dd>Local reviewer, Dana Levi</dd>");
  });

  it("shows the conclusion's rating and its summary with lists, emphasis and links", () => {
    expect(html).toContain(
      '<p class="rating">Rating: <span class="badge r-mostly-inaccurate">Mostly inaccurate</span></p>\n' +
        '<div class="rationale"><p dir="auto">Iran sent drones to Russia <em>after</em> the war began.</p>' +
        '<ul dir="auto"><li>First wreckage: September 2022.</li><li>See <a href="https://evidence.example.org/us-envoy-statement" rel="noopener noreferrer">the envoy</a>.</li></ul></div>',
    );
    const unconcluded = buildHtml(buildReportModel(sampleReportInput()));
    expect(unconcluded).not.toContain("conclusion-heading");
  });

  it("renders a rationale's lists as lists and its http(s) URLs as links, nothing else", () => {
    const claim = input.claims[0];
    if (!claim) throw new Error("the sample has claims");
    const rationale = "Sources:\n1. https://a.example/x\n2. [B](https://b.example/y)\n\n[bad](javascript:alert(1))";
    const report = buildHtml(
      buildReportModel({ ...input, claims: [{ ...claim, rationale }], links: [], evidence: [] }),
    );
    expect(report).toContain(
      '<h4>Rationale</h4><div class="rationale"><p dir="auto">Sources:</p><ol dir="auto">' +
        '<li><a href="https://a.example/x" rel="noopener noreferrer">https://a.example/x</a></li>' +
        '<li><a href="https://b.example/y" rel="noopener noreferrer">B</a></li></ol>' +
        '<p dir="auto">[bad](javascript:alert(1))</p></div>',
    );
  });

  it("draws an accessible SVG bar chart that states every count in words", () => {
    const svg = html.slice(html.indexOf("<svg"), html.indexOf("</svg>"));
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="verdict-chart-title verdict-chart-desc"');
    expect(svg).toContain('<desc id="verdict-chart-desc">Supported: 1, Contradicted: 2, Unverified: 1</desc>');
    expect(svg.match(/<rect x="110"/g)).toHaveLength(3);
  });

  it("highlights every claim in the article with its verdict", () => {
    expect(html).toContain(
      '<mark class="hl l0 u-contradicted" title="Contradicted claim (Claim 1)">limited number of drones months before the Ukraine war</mark>',
    );
    expect(html.match(/<mark /g)).toHaveLength(4);
  });

  it("shows every verdict where claims overlap, contradicted nearest the text and never hidden", () => {
    const text = "Revenue grew by forty percent in the third quarter.";
    const base = input.claims[0] as (typeof input.claims)[number];
    const claimOn = (exact: string, verdict: "supported" | "contradicted" | "unverified", id: string) => {
      const start = text.indexOf(exact);
      return {
        ...base,
        id,
        verdict,
        isOrphaned: false,
        selectors: { position: { start, end: start + exact.length }, quote: { exact, prefix: "", suffix: "" } },
      };
    };
    const overlapping = buildHtml(
      buildReportModel({
        ...input,
        article: { ...input.article, text },
        claims: [
          claimOn("grew by forty percent in the third quarter", "supported", "c-wide"),
          claimOn("grew by forty", "unverified", "c-middle"),
          claimOn("forty percent", "contradicted", "c-narrow"),
        ],
        links: [],
        evidence: [],
      }),
    );
    const article = overlapping.slice(overlapping.indexOf('id="article-heading"'));
    const forty = article.slice(article.indexOf("forty<") - 250, article.indexOf("forty<") + 20);
    expect(forty).toContain(
      '<span class="hl-layer l2 u-supported"><span class="hl-layer l1 u-unverified"><mark class="hl l0 u-contradicted"',
    );
    expect(forty).toContain(
      '<mark class="hl l0 u-contradicted" title="Contradicted, unverified and supported: 3 claims (Claim 1, Claim 2, Claim 3)" data-claims="3">forty</mark>',
    );
    // The unverified claim covers "grew by" with the supported one: two layers, unverified nearest the text.
    expect(overlapping).toContain(
      '<span class="hl-layer l1 u-supported"><mark class="hl l0 u-unverified" title="Unverified and supported: 2 claims (Claim 1, Claim 2)" data-claims="2">grew by </mark></span>',
    );
    expect(overlapping).toContain(".u-contradicted{");
    // A screen reader hears every verdict on the words, not only a title it may never read out.
    expect(article).toContain(
      '<span class="sr" dir="ltr">Contradicted, unverified and supported: 3 claims: </span><span class="hl-layer l2 u-supported">',
    );
  });

  it("lays out every paragraph of the article in its own direction (dir=auto), so right-to-left text reads right", () => {
    const hebrew = buildHtml(
      buildReportModel({
        ...input,
        article: { ...input.article, text: "שר החוץ אמר שאיראן מכרה מספר מוגבל של מל״טים.\nA second paragraph." },
        claims: [],
        links: [],
        evidence: [],
      }),
    );
    expect(hebrew).toContain('<p dir="auto">שר החוץ אמר שאיראן מכרה מספר מוגבל של מל״טים.</p>');
    expect(hebrew).toContain('<p dir="auto">A second paragraph.</p>');
    expect(hebrew).toMatch(/<h1 dir="auto">/);
    expect(html).toContain('<blockquote dir="auto">');
  });

  it("can leave the article out", () => {
    expect(buildHtml(buildReportModel(input), { includeArticle: false })).not.toContain("article-heading");
  });

  it("escapes all user text and links only to http(s) URLs", () => {
    const hostile = hostileHtml();
    expect(hostile).not.toMatch(/<script|<img|<svg onload|<iframe|javascript:/i);
    expect(hostile).toContain("&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;");
    expect(hostile).toContain("&lt;/p&gt;&lt;iframe src=//evil&gt;");
    expect(hostile).toContain("Speaker: &quot;&gt;&lt;svg onload=alert(1)&gt;");
    expect(hostile).toContain('<li class="stance-contradicts" dir="auto">Click <span');
  });
});
