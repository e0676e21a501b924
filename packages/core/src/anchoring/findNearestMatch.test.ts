import { expect, describe as group, it } from "vitest";
import { describe } from "./describe";
import { findNearestMatch } from "./findNearestMatch";

const clinics =
  "The north clinic reported that waiting times dropped by nine percent in spring.\n" +
  "The south clinic reported that waiting times dropped by nine percent in autumn.";
const selectorsOf = (quote: string, source: string) => {
  const start = source.indexOf(quote);
  return describe(source, start, start + quote.length);
};

group("findNearestMatch", () => {
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
