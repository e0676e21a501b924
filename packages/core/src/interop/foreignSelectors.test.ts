import { describe, expect, it } from "vitest";
import { MAX_REFINEMENT_DEPTH, readTextTarget } from "./foreignSelectors";

describe("readTextTarget", () => {
  it("reads a quote and a position from a selector list", () => {
    expect(
      readTextTarget({
        source: "https://example.org",
        selector: [
          { type: "TextPositionSelector", start: 1, end: 4 },
          { type: "TextQuoteSelector", exact: "abc", prefix: "x" },
        ],
      }),
    ).toEqual({ isText: true, selectors: { position: { start: 1, end: 4 }, quote: { exact: "abc", prefix: "x" } } });
  });

  it("uses the refinement of an XPath or Range selector", () => {
    expect(
      readTextTarget({
        selector: { type: "XPathSelector", value: "/p[1]", refinedBy: { type: "TextQuoteSelector", exact: "abc" } },
      }),
    ).toEqual({ isText: true, selectors: { quote: { exact: "abc" } } });
  });

  it("does not take a position that counts inside an element it cannot map to a paragraph as the article's", () => {
    const reading = readTextTarget({
      selector: {
        type: "XPathSelector",
        value: "/div[3]/span[2]",
        refinedBy: { type: "TextPositionSelector", start: 0, end: 3 },
      },
    });
    expect(reading.isText).toBe(false);
  });

  it("says why a target is not about text", () => {
    expect(readTextTarget("https://example.org/page")).toMatchObject({ isText: false });
    expect(readTextTarget({ type: "Image", source: "https://example.org/a.png" })).toMatchObject({ isText: false });
    expect(
      readTextTarget({ source: "x", selector: { type: "FragmentSelector", value: "xywh=1,2,3,4" } }),
    ).toMatchObject({ isText: false });
    expect(readTextTarget({ source: "x", selector: { type: "SvgSelector", value: "<svg/>" } })).toMatchObject({
      isText: false,
    });
  });

  it("picks the first of several targets that has text selectors", () => {
    expect(readTextTarget(["https://example.org", { selector: { type: "TextQuoteSelector", exact: "abc" } }])).toEqual({
      isText: true,
      selectors: { quote: { exact: "abc" } },
    });
  });
});

/** A selector refined `depth` times: XPathSelector → refinedBy → … → a quote at the bottom. */
function refinedDeep(depth: number): unknown {
  let selector: unknown = { type: "TextQuoteSelector", exact: "abc" };
  for (let i = 0; i < depth; i++) selector = { type: "XPathSelector", value: "/", refinedBy: selector };
  return selector;
}

describe("readTextTarget on hostile selectors", () => {
  it("reads a refinement up to MAX_REFINEMENT_DEPTH levels, and skips a deeper one saying so, without deep recursion", () => {
    expect(readTextTarget({ selector: refinedDeep(MAX_REFINEMENT_DEPTH) })).toMatchObject({ isText: true });
    for (const depth of [MAX_REFINEMENT_DEPTH + 1, 8_000, 200_000]) {
      const reading = readTextTarget({ selector: refinedDeep(depth) });
      expect(reading).toEqual({
        isText: false,
        reason: `Its selectors are refined more than ${MAX_REFINEMENT_DEPTH} levels deep (refinedBy inside refinedBy); Factmark reads at most ${MAX_REFINEMENT_DEPTH}.`,
      });
    }
  });

  it("says what is wrong with a position's offsets, not that the selector's type is unknown", () => {
    const reason = (selector: unknown) => (readTextTarget({ selector }) as { reason: string }).reason;
    expect(reason({ type: "TextPositionSelector", start: -3, end: 4 })).toBe(
      'Its TextPositionSelector\'s "start" must be a whole number, 0 or more (it is -3).',
    );
    expect(reason({ type: "TextPositionSelector", start: 1.5, end: 4 })).toBe(
      'Its TextPositionSelector\'s "start" must be a whole number, 0 or more (it is 1.5).',
    );
    expect(reason({ type: "TextPositionSelector", start: 1, end: "4" })).toBe(
      'Its TextPositionSelector\'s "end" must be a whole number, 0 or more (it is "4").',
    );
    expect(reason({ type: "TextPositionSelector", start: 9, end: 4 })).toBe(
      "Its TextPositionSelector starts after it ends (start 9, end 4).",
    );
    expect(reason({ type: "TextPositionSelector", start: 4, end: 4 })).toBe(
      "Its TextPositionSelector selects nothing (start and end are both 4).",
    );
  });

  it("says what is wrong with a quote's exact text", () => {
    const reason = (selector: unknown) => (readTextTarget({ selector }) as { reason: string }).reason;
    expect(reason({ type: "TextQuoteSelector" })).toBe('Its TextQuoteSelector has no "exact" text.');
    expect(reason({ type: "TextQuoteSelector", exact: "  " })).toBe('Its TextQuoteSelector\'s "exact" text is empty.');
    expect(reason({ type: "TextQuoteSelector", exact: 12 })).toBe(
      'Its TextQuoteSelector\'s "exact" must be text (it is 12).',
    );
  });

  it("reads a RangeSelector whose start and end are quote or position selectors, from the start's start to the end's end", () => {
    expect(
      readTextTarget({
        selector: {
          type: "RangeSelector",
          startSelector: { type: "TextQuoteSelector", exact: "The envoy" },
          endSelector: { type: "TextQuoteSelector", exact: "yes." },
        },
      }),
    ).toEqual({
      isText: true,
      selectors: { range: { start: { quote: { exact: "The envoy" } }, end: { quote: { exact: "yes." } } } },
    });
    expect(
      readTextTarget({
        selector: {
          type: "RangeSelector",
          startSelector: { type: "TextPositionSelector", start: 3, end: 5 },
          endSelector: { type: "TextPositionSelector", start: 8, end: 10 },
        },
      }),
    ).toEqual({ isText: true, selectors: { position: { start: 3, end: 10 } } });
  });

  it("reads a position inside an XPath element as a paragraph's, where the path names one paragraph", () => {
    for (const value of ["/p[2]", "/html/body/p[2]", "/html[1]/body[1]/p[2]", "//p[2]"]) {
      expect(
        readTextTarget({
          selector: { type: "XPathSelector", value, refinedBy: { type: "TextPositionSelector", start: 0, end: 3 } },
        }),
        value,
      ).toEqual({ isText: true, selectors: { paragraph: { index: 1, start: 0, end: 3 } } });
    }
  });
});
