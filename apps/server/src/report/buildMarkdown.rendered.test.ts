import { buildMarkdown, buildReportModel, type ReportModel } from "@factmark/core";
import { JSDOM } from "jsdom";
import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { sampleReportInput } from "../../../../packages/core/src/testing/sampleReport";

/**
 * The Markdown report rendered by a CommonMark (+ GitHub tables) renderer shows every user text as it was typed: a
 * hostile corpus goes into the title, a quote, the speaker, an evidence title and excerpt and a link note, and the
 * rendered page's visible text is compared with it. Lives in the server because marked is the server's.
 */
const HOSTILE_TEXTS = [
  "Typed &amp; entities &#38; &#x26; &copy; &nbsp; stay typed",
  "    four leading spaces, not a code block",
  "  two leading spaces",
  "Costs $5; $x^2$ and $$y$$ are not math",
  "*not emphasis* _nor this_ **nor strong** ~~nor struck~~",
  "`not code` and ``neither``",
  "<script>alert(1)</script><img src=x onerror=alert(1)>",
  "[click](javascript:alert(1)) ![img](https://evil.example/x.png)",
  "| a | b |",
  "# not a heading",
  "Issue ##",
  "- not a list",
  "1. not a list",
  "+ not a list",
  "> not a quote",
  "<!-- not a comment -->",
  "back\\slash and trailing\\",
  "Rocket 🚀 and thumbs 👍🏽 and flags 🇺🇦",
  "قال الوزير إن الطائرات أرسلت قبل الحرب.",
  "השר אמר כי המל״טים נשלחו לפני המלחמה.",
  "===",
  "---",
  "Write to foo@bar.com or pw@example.org",
  "user:pw@example.org and @mention",
] as const;

/** The sample report with one text everywhere a person's words are printed. */
function modelWith(text: string): ReportModel {
  const model = buildReportModel(sampleReportInput());
  const [first] = model.claims;
  if (!first?.evidence[0] || !first.links[0]) throw new Error("the sample's first claim has evidence and a link");
  return {
    ...model,
    header: { ...model.header, title: text },
    claims: [
      {
        ...first,
        speaker: text,
        selectors: { ...first.selectors, quote: { ...first.selectors.quote, exact: `${text}\n${text}` } },
        evidence: [{ ...first.evidence[0], title: text, excerpt: text }],
        links: [{ ...first.links[0], note: text }],
        history: [],
        historyTotal: 0,
      },
    ],
  };
}

/** What a reader sees: text content with the isolates the report adds for right-to-left text left out. */
function visible(node: Element | null | undefined): string {
  return (node?.textContent ?? "").replace(/[\u2068\u2069]/g, "").replaceAll("\u00a0", " ");
}

function render(markdown: string): Document {
  return new JSDOM(marked.parse(markdown, { async: false, gfm: true })).window.document;
}

describe("the Markdown report rendered by a CommonMark renderer", () => {
  const plain = render(buildMarkdown(modelWith("plain words")));
  const elementCount = (document: Document, selector: string) => document.querySelectorAll(selector).length;

  it.each(HOSTILE_TEXTS.map((text) => [text]))("shows %j as typed, everywhere it is printed", (text) => {
    const markdown = buildMarkdown(modelWith(text));
    const document = render(markdown);
    expect(visible(document.querySelector("h1"))).toBe(`Fact-check: ${text}`.trimEnd());
    const quote = document.querySelector("h3 ~ blockquote");
    // Leading spaces survive (as no-break spaces) on each of the quote's lines.
    expect(visible(quote).split("\n").filter(Boolean)).toEqual([text, text]);
    const speaker = [...document.querySelectorAll("p")].find((p) => p.textContent?.startsWith("Speaker:"));
    expect(visible(speaker)).toBe(`Speaker: ${text}`.trimEnd());
    const evidenceLink = document.querySelector('a[href^="https://evidence.example.org/"]');
    expect(visible(evidenceLink)).toBe(text);
    expect(visible(document.querySelector("li blockquote")).replace(/^\n+|\n+$/g, "")).toBe(text);
    expect(document.body.textContent).toContain(`: ${text}`);

    // Nothing in the text became markup: the same elements as with plain words, no script, no foreign link.
    for (const selector of ["script", "img", "code", "pre", "em", "strong", "del", "table", "h1", "h2", "h3", "hr"]) {
      expect(elementCount(document, selector), selector).toBe(elementCount(plain, selector));
    }
    expect(elementCount(document, "ol, ul, li, blockquote, a")).toBe(elementCount(plain, "ol, ul, li, blockquote, a"));
    expect(document.querySelector('a[href^="javascript"]')).toBeNull();
    // No `$` a math renderer (GitHub's, KaTeX's auto-render) could pair into a formula: each one is escaped.
    expect(markdown).not.toMatch(/(?<!\\)\$/);
  });
});
