import { describe, expect, it } from "vitest";
import { findNearestMatch } from "./findNearestMatch";
import { selectorsForRange } from "./selectorsForRange";

const clinics =
  "The north clinic reported that waiting times dropped by nine percent in spring.\n" +
  "The south clinic reported that waiting times dropped by nine percent in autumn.";
const selectorsOf = (quote: string, source: string) => {
  const start = source.indexOf(quote);
  return selectorsForRange(source, start, start + quote.length);
};

describe("findNearestMatch", () => {
  it("offers the look-alike an orphan was refused, with what differs", () => {
    const claim = selectorsOf("north clinic reported that waiting times dropped by nine percent in spring", clinics);
    const nearest = findNearestMatch(
      claim,
      "The south clinic reported that waiting times dropped by nine percent in autumn.",
    );
    expect(nearest?.selectors.quote.exact).toBe("south clinic reported that waiting times dropped by nine percent in");
    expect(nearest?.differences).toEqual(['"north" became "south"', "the context changed"]);
    expect(nearest?.quoteScore).toBeGreaterThan(0.8);
    expect(nearest?.quoteScore).toBeLessThan(1);
  });

  it("names a changed number, name and negation", () => {
    const text = "Minister Ortiz said the clinic did cut waiting times by nine percent.";
    const claim = selectorsOf("Ortiz said the clinic did cut waiting times by nine percent", text);
    const edited = "Minister Ramos said the clinic did not cut waiting times by twelve percent.";
    expect(findNearestMatch(claim, edited)?.differences).toEqual([
      'the name "Ortiz" became "Ramos"',
      'a negation was added ("not")',
      '"nine" became "twelve"',
    ]);
  });

  it("answers the quote itself with no differences when it is intact", () => {
    const claim = selectorsOf("waiting times dropped", clinics);
    expect(findNearestMatch(claim, clinics)).toMatchObject({ quoteScore: 1, differences: [] });
  });

  it("answers undefined when nothing keeps half the quote", () => {
    const claim = selectorsOf("north clinic reported that waiting times dropped", clinics);
    expect(findNearestMatch(claim, "An entirely different story about the weather in Lisbon.")).toBeUndefined();
    expect(findNearestMatch(claim, "")).toBeUndefined();
  });
});

describe("the nearest match's range", () => {
  it("begins and ends on whole characters, as the server requires of a claim it attaches", () => {
    const before = "Fans cheered 👍 loudly at the stadium.";
    const after = "Fans jeered 👍🏿 loudly at the stadium.";
    const start = before.indexOf("cheered 👍");
    const match = findNearestMatch(selectorsForRange(before, start, start + "cheered 👍".length), after);
    const { position } = match?.selectors ?? { position: { start: -1, end: -1 } };
    const segments = [...new Intl.Segmenter("en", { granularity: "grapheme" }).segment(after)];
    const boundaries = new Set([...segments.map((segment) => segment.index), after.length]);
    expect([boundaries.has(position.start), boundaries.has(position.end)]).toEqual([true, true]);
  });
});
