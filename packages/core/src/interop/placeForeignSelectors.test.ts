import { describe, expect, it } from "vitest";
import { placeForeignSelectors } from "./placeForeignSelectors";

const TEXT = "Iran said no.\nThe envoy said yes.\nThe minister said no.";

describe("placeForeignSelectors", () => {
  it("takes a position that holds its quote, counting code points", () => {
    const text = "🚀 The mayor said crime fell 👍🏽 by 12% last year.";
    const placed = placeForeignSelectors(text, {
      position: { start: 17, end: 37 },
      quote: { exact: "crime fell 👍🏽 by 12%" },
    });
    expect(placed).toMatchObject({ outcome: "anchored", selectors: { position: { start: 18, end: 40 } } });
  });

  it("lets the quote win over a position that disagrees, prefix and suffix choosing the occurrence", () => {
    const placed = placeForeignSelectors(TEXT, {
      position: { start: 0, end: 4 },
      quote: { exact: "said", prefix: "The minister " },
    });
    expect(placed).toMatchObject({ outcome: "anchored", selectors: { position: { start: 47, end: 51 } } });
    expect(placed.reason).toMatch(/holds other text \("Iran"\).*placed by its quote/);
  });

  it("takes, among occurrences whose context does not match exactly, the one that agrees best near the position", () => {
    // A web page's context: no line break between paragraphs.
    const placed = placeForeignSelectors(TEXT, {
      position: { start: 23, end: 27 },
      quote: { exact: "said", prefix: "no.The envoy ", suffix: " yes.The" },
    });
    expect(placed).toMatchObject({ outcome: "anchored", selectors: { position: { start: 24, end: 28 } } });
  });

  it("keeps a quote that occurs several times with nothing to choose between them as an orphan", () => {
    const placed = placeForeignSelectors(TEXT, { quote: { exact: "said" } });
    expect(placed).toMatchObject({ outcome: "orphaned", selectors: { quote: { exact: "said" } } });
    expect(placed.reason).toMatch(/more than once/);
  });

  it("widens a position alone that splits a character to the whole character", () => {
    const text = "ok 👍🏽 fine";
    const placed = placeForeignSelectors(text, { position: { start: 3, end: 4 } });
    expect(placed).toMatchObject({ outcome: "anchored", selectors: { quote: { exact: "👍🏽" } } });
    expect(placed.reason).toMatch(/widened/);
  });

  it("cannot place a position alone outside the text", () => {
    expect(placeForeignSelectors(TEXT, { position: { start: 10, end: 500 } })).toMatchObject({
      outcome: "unplaceable",
    });
  });

  it("snaps a quote-anchored range that ends inside a character (between 👍 and its skin tone) to whole characters", () => {
    const text = "🚀 The mayor said crime fell 👍🏽 by 12% last year.";
    for (const selectors of [
      { position: { start: 17, end: 29 }, quote: { exact: "crime fell 👍" } },
      { quote: { exact: "crime fell 👍" } },
    ]) {
      const placed = placeForeignSelectors(text, selectors);
      expect(placed).toMatchObject({ outcome: "anchored", selectors: { quote: { exact: "crime fell 👍🏽" } } });
      // A quote that splits a character is not in the text word for word: its close match is the whole character.
      expect(placed.reason).toMatch(/widened to whole characters|closest match, "crime fell 👍🏽"/);
    }
  });

  it("does not anchor a quote whose figure differs, and says a figure differs", () => {
    const text = "The mayor said crime fell by 13% last year.";
    const placed = placeForeignSelectors(text, { quote: { exact: "crime fell by 12%" } });
    expect(placed).toMatchObject({ outcome: "orphaned" });
    expect(placed.reason).toBe(
      'Its quote is not in the article word for word, and where the article comes closest ("crime fell by 13%") a figure differs (13% where the quote has 12%): a changed figure is a different claim, so it is not anchored there.',
    );
    const short = placeForeignSelectors(text, { quote: { exact: "12%" } });
    expect(short.reason).toMatch(/a figure differs \(13% where the quote has 12%\)/);
  });

  it("says in plain words how close a short quote must be", () => {
    const placed = placeForeignSelectors("The mayor said crime fell.", { quote: { exact: "crime rose" } });
    expect(placed.reason).toBe(
      "Its quote does not occur in the article, nor does anything close enough: a close match may differ from a quote of 10 characters in at most 2 of them, and for a quote this short (under 32 characters) the words around it must agree too.",
    );
  });
});
