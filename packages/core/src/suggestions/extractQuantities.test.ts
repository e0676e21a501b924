import { describe, expect, it } from "vitest";
import { extractQuantities } from "./extractQuantities";

function quantities(sentence: string) {
  return extractQuantities(sentence, 0, sentence.length).map(({ kind, low, high, noun, isVague }) => ({
    kind,
    low,
    high,
    noun,
    isVague,
  }));
}

describe("extractQuantities", () => {
  it("reads figures in digits and in words, with the noun they count", () => {
    expect(quantities("About 14,000 vehicles crossed it; twenty-five drones and two crew members.")).toEqual([
      { kind: "count", low: 11_200, high: 16_800, noun: "vehic", isVague: false },
      { kind: "count", low: 25, high: 25, noun: "dron", isVague: false },
      { kind: "count", low: 2, high: 2, noun: "crew", isVague: false },
    ]);
  });

  it("reads ranges written with 'between … and', 'to' and a dash", () => {
    expect(quantities("between 3 and 5 ships")[0]).toMatchObject({ low: 3, high: 5, noun: "ship" });
    expect(quantities("300 to 400 workers")[0]).toMatchObject({ low: 300, high: 400 });
  });

  it("turns 'more than', 'at least' and 'fewer than' into open bounds", () => {
    expect(quantities("more than 1,200 workers")[0]).toMatchObject({ low: 1200, high: Number.POSITIVE_INFINITY });
    expect(quantities("at least 10 aircraft")[0]).toMatchObject({ low: 10, high: Number.POSITIVE_INFINITY });
    expect(quantities("fewer than 500 gallons")[0]).toMatchObject({ low: 0, high: 500, noun: "gallo" });
  });

  it("scales money, and tells percentages and lengths of time from counts", () => {
    expect(quantities("could reach $7.5 million")[0]).toMatchObject({ kind: "money", low: 7_500_000, high: 7_500_000 });
    expect(quantities("dropped by 18 percent")[0]).toMatchObject({ kind: "percent", low: 18, high: 18 });
    expect(quantities("arrived within an hour, not six hours later")).toMatchObject([
      { kind: "duration", low: 0, high: 1 },
      { kind: "duration", low: 6, high: 6 },
    ]);
  });

  it("gives vague amounts the interval a reader would accept", () => {
    expect(quantities("a limited number of drones")[0]).toMatchObject({
      low: 1,
      high: 20,
      noun: "dron",
      isVague: true,
    });
    expect(quantities("transferred dozens of drones")[0]).toMatchObject({ low: 24, isVague: true });
  });

  it("reads a size said in words as a share, comparable with a percentage", () => {
    expect(quantities("the impact had been minimal")[0]).toMatchObject({ kind: "magnitude", low: 0, high: 0.1 });
  });

  it("leaves years and the numbers inside dates alone", () => {
    const sentence = "The bridge opened in 1962 and closed on 3 May.";
    const day = sentence.indexOf("3 May");
    expect(extractQuantities(sentence, 0, sentence.length, [{ start: day, end: day + 5 }])).toEqual([]);
  });

  it("never reads the day of a date as a figure, with or without the dates passed in", () => {
    expect(quantities("The ferry sailed on 3 May and docked on May 5 with 40 cars.")).toEqual([
      { kind: "count", low: 40, high: 40, noun: "car", isVague: false },
    ]);
    // "may" as a verb is no month: the figure stays.
    expect(quantities("Repairs could take 3 months; 5 may be needed.").map((each) => each.low)).toEqual([2190, 5]);
  });

  it("shows money in the currency it was given in", () => {
    expect(extractQuantities("It cost two million euros, not £900,000.", 0, 41).map((each) => each.value)).toEqual([
      "€2,000,000",
      "£900,000",
    ]);
  });
});
