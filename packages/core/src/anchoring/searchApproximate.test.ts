import search from "approx-string-match";
import { describe, expect, it } from "vitest";
import { editDistance } from "./editDistance";
import { bitParallelEditDistance, searchApproximate } from "./searchApproximate";

/** A deterministic text of `length` characters from `alphabet` (mulberry32). */
function randomText(length: number, alphabet: string, seed: number): string {
  let state = seed >>> 0;
  let text = "";
  for (let index = 0; index < length; index += 1) {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    text += alphabet[(((mixed ^ (mixed >>> 14)) >>> 0) % alphabet.length) as number];
  }
  return text;
}

describe("searchApproximate", () => {
  it("answers what approx-string-match answers, cut to the first matches", () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const text = randomText(40 + (seed % 9) * 50, "ab cé", seed);
      const pattern = randomText(1 + (seed % 13) * 7, "ab cé", seed * 7919);
      const maxErrors = seed % (pattern.length + 1);
      const answer = searchApproximate(text, pattern, maxErrors, { maxMatches: 5 });
      expect(answer).toMatchObject({ isOverBudget: false, matches: search(text, pattern, maxErrors).slice(0, 5) });
    }
  });

  it("refuses before the pass over the text when that pass alone is over the budget", () => {
    const answer = searchApproximate("x".repeat(3_200), "y".repeat(64), 16, { maxMatches: 64, maxCost: 6_399 });
    expect(answer).toEqual({ isOverBudget: true, cost: 0 });
  });

  it("refuses after the pass when finding where its many matches start would be over the budget", () => {
    // A quote with one letter changed matches at every repetition of a periodic text, equally well.
    const text = "tekpo chilu ".repeat(2_000);
    const pattern = `${"tekpo chilu ".repeat(40)}x`;
    const cheap = searchApproximate(text, pattern, 20, { maxMatches: 64 });
    expect(cheap.isOverBudget).toBe(false);
    const passCost = Math.ceil(pattern.length / 32) * text.length;
    const answer = searchApproximate(text, pattern, 20, { maxMatches: 64, maxCost: passCost + 1_000 });
    expect(answer).toEqual({ isOverBudget: true, cost: passCost });
  });

  it("measures the edit distance of two whole strings as editDistance does, in block steps", () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const a = randomText((seed % 11) * 13, "ab cé😀", seed);
      const b = randomText((seed % 7) * 19, "ab cé😀", seed * 104_729);
      const { distance, cost } = bitParallelEditDistance(a, b);
      expect(distance).toBe(editDistance(a, b, a.length + b.length));
      expect(cost).toBe(Math.ceil(b.length / 32) * a.length);
    }
  });
});
