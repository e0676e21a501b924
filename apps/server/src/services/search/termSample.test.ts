import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "./parseSearchQuery";
import { matchShare, type TermSample } from "./termSample";

/** A sample of 100 rows holding each lexeme in as many rows as given. */
function sampleOf(rowsHolding: Record<string, number>): TermSample {
  return {
    rowsHolding: new Map(Object.entries(rowsHolding)),
    claimsHolding: new Map(),
    rowsSampled: 100,
    claimsSampled: 80,
    isWhole: false,
    until: Date.now() + 60_000,
  };
}

describe("matchShare", () => {
  const sample = sampleOf({ the: 90, drones: 30, russia: 20, iran: 5, per: 40, cent: 35, alvarez: 2 });

  it("takes the least common of the words all must hold, and adds up alternatives", () => {
    expect(matchShare(sample, parseSearchQuery("the"))).toBeCloseTo(0.9);
    expect(matchShare(sample, parseSearchQuery("the drones"))).toBeCloseTo(0.3);
    expect(matchShare(sample, parseSearchQuery("drones OR russia"))).toBeCloseTo(0.5);
    expect(matchShare(sample, parseSearchQuery("the OR drones"))).toBe(1);
  });

  it("counts a phrase by its rarest word, a word as the index folds it, and a prefix or an unknown word as rare", () => {
    expect(matchShare(sample, parseSearchQuery('"per cent"'))).toBeCloseTo(0.35);
    expect(matchShare(sample, parseSearchQuery("ÁLVAREZ"))).toBeCloseTo(0.02);
    expect(matchShare(sample, parseSearchQuery("dro*"))).toBe(0);
    expect(matchShare(sample, parseSearchQuery("quokka"))).toBe(0);
    expect(matchShare(sampleOf({}), parseSearchQuery("the"))).toBe(0);
    expect(matchShare({ ...sample, rowsSampled: 0 }, parseSearchQuery("the"))).toBe(0);
  });
});
