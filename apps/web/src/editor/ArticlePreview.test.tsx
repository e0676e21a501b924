import { type Claim, type DocNode, plainTextToDoc } from "@factmark/core";
import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { buildClaim } from "../test/buildClaim";
import { createTestEditor } from "../test/createTestEditor";
import { ArticlePreview, FIRST_SCREEN_CHARACTERS, firstBlocks, readPreviewSelection } from "./ArticlePreview";
import { ClaimHighlights, setClaimHighlights } from "./extensions/ClaimHighlights";

// 60 paragraphs of about 200 characters: the first screen is about 30 of them.
const PARAGRAPHS = Array.from(
  { length: 60 },
  (_, index) =>
    `Paragraph ${index + 1}: the minister said drones were sold months before the war, and the envoy said dozens were transferred this summer, which officials denied.`,
);
const TEXT = PARAGRAPHS.join("\n");
const DOC: DocNode = plainTextToDoc(TEXT);
const NO_SELECTION = { selectedClaimId: null, emphasisedClaimIds: new Set<string>() };

function claimAt(paragraph: number, words: string, verdict: Claim["verdict"]): Claim {
  const start = TEXT.indexOf(`Paragraph ${paragraph}:`);
  const claim = buildClaim(TEXT.slice(start), words, verdict);
  const at = TEXT.indexOf(words, start);
  return {
    ...claim,
    selectors: { ...claim.selectors, position: { start: at, end: at + words.length } },
  };
}

const SOLD = claimAt(1, "drones were sold", "contradicted");
// Overlaps SOLD: the words both cover carry both verdicts.
const MONTHS = claimAt(1, "sold months before", "supported");
const DOZENS = claimAt(3, "dozens were transferred", "unverified");
const LATE = claimAt(55, "officials denied", "contradicted");
const CLAIMS = [SOLD, MONTHS, DOZENS, LATE];

function renderPreview(claims: readonly Claim[] = CLAIMS) {
  const { container } = render(<ArticlePreview doc={DOC} highlights={{ claims, ...NO_SELECTION }} />);
  return container.querySelector(".article-text") as HTMLElement;
}

/** What a reader sees of each highlighted run: its words, classes, verdicts and title, in document order. */
function runsOf(root: Element) {
  return [...root.querySelectorAll("[data-claim-ids]")].map((run) => ({
    words: run.textContent,
    className: run.className,
    claimIds: run.getAttribute("data-claim-ids"),
    verdicts: run.getAttribute("data-verdicts"),
    title: run.getAttribute("title"),
    count: run.getAttribute("data-claim-count"),
  }));
}

describe("ArticlePreview", () => {
  it("draws the first screen's paragraphs only, as many as fill about a long screen", () => {
    const root = renderPreview([]);
    const shown = firstBlocks(DOC).blocks.length;
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(PARAGRAPHS.length);
    expect(root.querySelectorAll("p")).toHaveLength(shown);
    expect(root.querySelector("p")?.textContent).toBe(PARAGRAPHS[0]);
    expect(firstBlocks(DOC).text.length).toBeGreaterThanOrEqual(FIRST_SCREEN_CHARACTERS);
  });

  it("underlines each claim on the first screen in its verdict's colour, both verdicts where two overlap", () => {
    const root = renderPreview();
    expect(runsOf(root).map(({ words, verdicts }) => [words, verdicts])).toEqual([
      ["drones were ", "contradicted"],
      ["sold", "contradicted supported"],
      [" months before", "supported"],
      ["dozens were transferred", "unverified"],
    ]);
    const both = root.querySelector('[data-verdicts="contradicted supported"]');
    expect(both).toHaveClass("claim-underline--contradicted", "claim-hl--has-supported");
    expect(both?.querySelector(".claim-underline--supported.claim-underline--level-1")).not.toBeNull();
    // A later paragraph's claim waits for the editor.
    expect(root.querySelector(`[data-claim-ids~="${LATE.id}"]`)).toBeNull();
  });

  it("tells a screen reader the verdicts where claims start and where they end, as the editor does", () => {
    const root = renderPreview([DOZENS]);
    const paragraph = root.querySelectorAll("p")[2] as HTMLElement;
    expect(paragraph.textContent).toContain(" Unverified claim: dozens were transferred end of claim. ");
  });

  it("draws every run as the editor draws it: same words, classes, verdicts, titles and counts", () => {
    const root = renderPreview();
    const editor = createTestEditor(DOC, [ClaimHighlights]);
    editor.view.dispatch(setClaimHighlights(editor.state, { claims: CLAIMS, ...NO_SELECTION }));
    const firstScreenRuns = runsOf(editor.view.dom).filter((run) => run.claimIds !== LATE.id);
    expect(runsOf(root)).toEqual(firstScreenRuns);
  });

  it("reads the words selected in it as offsets in the article's text, past the screen readers' labels", () => {
    const root = renderPreview();
    const highlight = root.querySelector(`[data-claim-ids="${DOZENS.id}"]`) as HTMLElement;
    const words = highlight.firstChild?.firstChild as Text;
    const range = document.createRange();
    range.setStart(words, "dozens ".length);
    const after = highlight.nextSibling?.nextSibling?.firstChild as Text;
    range.setEnd(after, " this".length);
    const selection = document.getSelection() as Selection;
    selection.removeAllRanges();
    selection.addRange(range);
    const start = DOZENS.selectors.position.start + "dozens ".length;
    expect(readPreviewSelection(root)).toEqual({ start, end: TEXT.indexOf(" summer", start) });
    expect(TEXT.slice(start, TEXT.indexOf(" summer", start))).toBe("were transferred this");
  });
});
