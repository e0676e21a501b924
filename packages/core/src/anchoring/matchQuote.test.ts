import { describe, expect, it } from "vitest";
import { findOccurrences, matchQuote } from "./matchQuote";

describe("findOccurrences", () => {
  it("finds every occurrence, overlapping ones included", () => {
    expect(findOccurrences("aaaa", "aa")).toEqual([0, 1, 2]);
  });

  it("finds nothing for an empty quote", () => {
    expect(findOccurrences("abc", "")).toEqual([]);
  });
});

describe("matchQuote", () => {
  const text = "he said no. she said no. they said yes.";
  const at = (start: number, exact: string) => ({ start, end: start + exact.length });

  it("keeps every occurrence when neither prefix nor suffix is given", () => {
    expect(matchQuote(text, { exact: "said" })).toHaveLength(3);
  });

  it("keeps the occurrences whose text before ends with the prefix", () => {
    expect(matchQuote(text, { exact: "said no", prefix: "she " })).toEqual([at(text.indexOf("said no", 5), "said no")]);
  });

  it("keeps the occurrences whose text after starts with the suffix", () => {
    expect(matchQuote(text, { exact: "said", suffix: " yes" })).toEqual([at(text.lastIndexOf("said"), "said")]);
  });

  it("stops after `limit` occurrences, keeping the first ones", () => {
    expect(matchQuote(text, { exact: "said" }, { limit: 2 })).toEqual([
      at(text.indexOf("said"), "said"),
      at(text.indexOf("said", 5), "said"),
    ]);
  });

  it("treats an empty prefix or suffix as agreeing with anything", () => {
    expect(matchQuote(text, { exact: "said", prefix: "", suffix: "" })).toHaveLength(3);
  });

  it("does not accept a prefix longer than the text before the quote", () => {
    expect(matchQuote(text, { exact: "he said", prefix: "xx" })).toEqual([]);
  });

  describe("on Unicode text, as a reader reads it", () => {
    const composed = "Le caf\u00e9 du coin. Un autre caf\u00e9 noir.";
    const decomposed = composed.normalize("NFD");

    it("finds a decomposed quote in composed text, at the text's own offsets", () => {
      const [found, ...rest] = matchQuote(composed, { exact: "cafe\u0301 du" });
      expect(rest).toEqual([]);
      expect(found).toEqual(at(composed.indexOf("caf\u00e9 du"), "caf\u00e9 du"));
      expect(found && composed.slice(found.start, found.end)).toBe("caf\u00e9 du");
    });

    it("finds a composed quote in decomposed text, spanning the accent's own code unit", () => {
      const start = decomposed.indexOf("cafe\u0301 noir");
      expect(matchQuote(decomposed, { exact: "caf\u00e9 noir" })).toEqual([{ start, end: start + 10 }]);
    });

    it("compares a decomposed prefix and suffix as normalised text too", () => {
      const second = composed.lastIndexOf("caf\u00e9");
      expect(matchQuote(composed, { exact: "cafe\u0301", prefix: "autre " })).toEqual([at(second, "caf\u00e9")]);
      expect(matchQuote(composed, { exact: "cafe\u0301", suffix: " noir" })).toEqual([at(second, "caf\u00e9")]);
      expect(matchQuote(decomposed, { exact: "du", prefix: "caf\u00e9 " })).toHaveLength(1);
    });

    it("still accepts a prefix exactly as the text spells it, even one that starts inside a character", () => {
      const text = "e\u0301yz said so";
      expect(matchQuote(text, { exact: "said", prefix: "\u0301yz " })).toEqual([at(text.indexOf("said"), "said")]);
    });

    it("does not match part of a character", () => {
      expect(
        matchQuote("the \u{1f468}\u200d\u{1f469}\u200d\u{1f467} family", { exact: "\u{1f468}\u200d\u{1f469}" }),
      ).toEqual([]);
      expect(matchQuote("cafe\u0301", { exact: "cafe" })).toEqual([]);
      expect(matchQuote("Thumbs \u{1f44d}\u{1f3fd}", { exact: "\u{1f44d}" })).toEqual([]);
      expect(matchQuote("flags \u{1f1fa}\u{1f1e6}\u{1f1eb}\u{1f1f7}", { exact: "\u{1f1e6}\u{1f1eb}" })).toEqual([]);
    });

    it("counts a composed and a decomposed spelling as two occurrences of one quote", () => {
      const mixed = "caf\u00e9 or cafe\u0301?";
      expect(matchQuote(mixed, { exact: "caf\u00e9" })).toEqual([
        { start: 0, end: 4 },
        { start: 8, end: 13 },
      ]);
    });
  });
});
