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
});
