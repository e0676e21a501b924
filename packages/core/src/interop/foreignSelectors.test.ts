import { describe, expect, it } from "vitest";
import { readTextTarget } from "./foreignSelectors";

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

  it("does not take a position that counts inside an element as the article's", () => {
    const reading = readTextTarget({
      selector: {
        type: "XPathSelector",
        value: "/p[2]",
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
