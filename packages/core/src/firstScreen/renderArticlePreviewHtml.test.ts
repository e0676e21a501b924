import { describe, expect, it } from "vitest";
import { selectorsForRange } from "../anchoring/selectorsForRange";
import type { Claim } from "../schemas/claim";
import type { Verdict } from "../schemas/verdict";
import { UNTOUCHED_CLAIM_WORKFLOW } from "../schemas/workflow";
import type { DocNode } from "../text/articleText";
import { plainTextToDoc } from "../text/plainTextToDoc";
import { FIRST_SCREEN_CHARACTERS, renderArticlePreviewHtml } from "./renderArticlePreviewHtml";

const NO_SELECTION = { selectedClaimId: null, emphasisedClaimIds: new Set<string>() };

function claimOn(text: string, words: string, verdict: Verdict, overrides: Partial<Claim> = {}): Claim {
  const start = text.indexOf(words);
  if (start === -1) throw new Error(`"${words}" is not in the text.`);
  return {
    id: `claim-${verdict}-${start}`,
    articleId: "article-1",
    selectors: selectorsForRange(text, start, start + words.length),
    verdict,
    speaker: null,
    rationale: "",
    isOrphaned: false,
    isAnchorUnconfirmed: false,
    version: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    createdBy: { id: "reviewer-1", name: "Reviewer" },
    ...UNTOUCHED_CLAIM_WORKFLOW,
    ...overrides,
  };
}

/** Each highlighted run's words (tags and screen readers' labels left out) and its verdicts, in order. */
function runsOf(html: string): [string, string][] {
  return [...html.matchAll(/<span class="claim-hl[^"]*"[^>]* data-verdicts="([^"]*)"[^>]*>(.*?)<\/span><\/span>/g)].map(
    ([, verdicts, inner]) => [(inner as string).replace(/<[^>]+>/g, ""), verdicts as string],
  );
}

/** The element names in `html`, and its attribute names (quoted values left out): what a browser would run. */
function markupOf(html: string) {
  const tags = html.replace(/"[^"]*"/g, '""');
  return {
    elements: new Set([...tags.matchAll(/<\/?([a-zA-Z0-9]+)/g)].map(([, name]) => name)),
    attributes: new Set([...tags.matchAll(/\s([a-zA-Z-]+)=""/g)].map(([, name]) => name)),
  };
}

describe("renderArticlePreviewHtml", () => {
  const TEXT = "The minister said drones were sold months before the war.\nThe envoy said dozens were transferred.";
  const DOC = plainTextToDoc(TEXT);

  it("draws each text block with where it starts in the article's text, as the editor's elements", () => {
    const html = renderArticlePreviewHtml(DOC, { claims: [], ...NO_SELECTION });
    expect(html).toContain('class="tiptap ProseMirror article-text" role="document" aria-busy="true"');
    expect(html).toContain('<p dir="auto" data-text-start="0"><span>The minister said');
    expect(html).toContain(`<p dir="auto" data-text-start="${TEXT.indexOf("The envoy")}"><span>The envoy`);
    expect(html).not.toContain("tabindex");
  });

  it("underlines each claim in its verdict, both verdicts on the words two claims share", () => {
    const sold = claimOn(TEXT, "drones were sold", "contradicted");
    const months = claimOn(TEXT, "sold months before", "supported");
    const dozens = claimOn(TEXT, "dozens were transferred", "unverified");
    const html = renderArticlePreviewHtml(DOC, { claims: [sold, months, dozens], ...NO_SELECTION });
    expect(runsOf(html)).toEqual([
      ["drones were ", "contradicted"],
      ["sold", "contradicted supported"],
      [" months before", "supported"],
      ["dozens were transferred", "unverified"],
    ]);
    expect(html).toContain('<span class="claim-underline claim-underline--supported claim-underline--level-1">');
    expect(html).toContain(' Unverified claim: </span><span class="claim-hl');
    expect(html).toContain('transferred</span></span><span class="visually-hidden" dir="ltr"> end of claim. </span>');
  });

  it("leaves out orphaned claims and marks the selected one", () => {
    const sold = claimOn(TEXT, "drones were sold", "contradicted", { isOrphaned: true });
    const dozens = claimOn(TEXT, "dozens were transferred", "unverified");
    const html = renderArticlePreviewHtml(DOC, { claims: [sold, dozens], ...NO_SELECTION, selectedClaimId: dozens.id });
    expect(runsOf(html).map(([words]) => words)).toEqual(["dozens were transferred"]);
    expect(html).toContain("claim-hl--selected");
  });

  it("stops at the first block boundary past about a screen of text, cutting a claim that runs on there", () => {
    const paragraphs = Array.from({ length: 100 }, (_, index) => `Paragraph ${index}: ${"words ".repeat(30)}end.`);
    const text = paragraphs.join("\n");
    const lastShown = paragraphs.findIndex((_, index) => paragraphs.slice(0, index + 1).join("\n").length >= 600);
    const across = claimOn(text, `end.\nParagraph ${lastShown + 1}:`, "unverified");
    const html = renderArticlePreviewHtml(plainTextToDoc(text), { claims: [across], ...NO_SELECTION }, 600);
    expect(html.match(/<p /g)).toHaveLength(lastShown + 1);
    expect(html).toContain(`Paragraph ${lastShown}:`);
    expect(html).not.toContain(`Paragraph ${lastShown + 1}:`);
    expect(runsOf(html)).toEqual([["end.", "unverified"]]);
    expect(FIRST_SCREEN_CHARACTERS).toBeGreaterThan(3_000);
  });

  it("escapes hostile article text, links, and claim fields, so nothing in them becomes markup", () => {
    const hostile = "<script>alert(1)</script> \"><img src=x onerror=alert(2)> &amp; it's";
    const doc: DocNode = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: '1"><img onerror=alert(3)>' }, content: [{ type: "text", text: hostile }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "bad link", marks: [{ type: "link", attrs: { href: "javascript:alert(4)" } }] },
            {
              type: "text",
              text: " odd link",
              marks: [{ type: "link", attrs: { href: 'https://example.org/"><img onerror=alert(5)>' } }],
            },
          ],
        },
        { type: "orderedList", attrs: { start: '2"><script>' }, content: [] },
      ],
    };
    const text = `${hostile}\nbad link odd link`;
    const claim = claimOn(text, "<script>alert(1)</script>", "contradicted", {
      id: '"><img src=x onerror=alert(6)>',
      speaker: "<script>alert(7)</script>",
      rationale: '"><img onerror=alert(8)>',
    });
    const html = renderArticlePreviewHtml(doc, { claims: [claim], ...NO_SELECTION });
    expect(markupOf(html)).toEqual({
      elements: new Set(["div", "h1", "span", "p", "a", "ol"]),
      attributes: new Set([
        ...["class", "role", "aria-busy", "aria-label", "translate", "dir", "data-text-start", "data-article-preview"],
        ...["data-claim-id", "data-verdict", "data-claim-ids", "data-verdicts", "title", "href", "target", "rel"],
      ]),
    });
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&quot;&gt;&lt;img src=x onerror=alert(2)&gt; &amp;amp; it&#39;s");
    expect(html).toContain('data-claim-id="&quot;&gt;&lt;img src=x onerror=alert(6)&gt;"');
    expect(html).toContain('href="https://example.org/&quot;&gt;&lt;img onerror=alert(5)&gt;"');
    expect(html).toContain('<a target="_blank" rel="noopener noreferrer nofollow">bad link</a>');
    expect(html).not.toContain("alert(7)");
    expect(html).not.toContain("alert(8)");
  });
});
