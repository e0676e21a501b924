import { describe, expect, it } from "vitest";
import { anchor, MAX_LISTED_OCCURRENCES } from "./anchor";

const text =
  "Iran sold Russia a limited number of drones months before the war. " +
  "Malley said Iran transferred dozens just this summer. " +
  "Iravani called it totally unfounded. Others called it totally unfounded too.";

function positionOf(quote: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`no "${quote}" in the test text`);
  return { start, end: start + quote.length };
}

describe("anchor", () => {
  describe("with a position and a quote", () => {
    it("accepts them when the quote is at that position, and fills in the context", () => {
      const position = positionOf("limited number of drones");
      const result = anchor(text, { position, quote: { exact: "limited number of drones" } });
      expect(result).toEqual({
        ok: true,
        selectors: {
          position,
          quote: {
            exact: "limited number of drones",
            prefix: text.slice(Math.max(0, position.start - 32), position.start),
            suffix: text.slice(position.end, position.end + 32),
          },
        },
      });
    });

    it("refuses a quote that is not at the position (quote_mismatch) and says what is there", () => {
      const position = positionOf("limited number of drones");
      const result = anchor(text, { position, quote: { exact: "transferred dozens" } });
      expect(result).toMatchObject({ ok: false, reason: "quote_mismatch", actual: "limited number of drones" });
    });

    it("trusts the position over prefix and suffix that disagree with it", () => {
      const position = positionOf("totally unfounded");
      const result = anchor(text, {
        position,
        quote: { exact: "totally unfounded", prefix: "wrong", suffix: "wrong" },
      });
      expect(result.ok).toBe(true);
    });
  });

  describe("with a position alone", () => {
    it("describes the range", () => {
      const position = positionOf("transferred dozens");
      const result = anchor(text, { position });
      expect(result.ok && result.selectors.quote.exact).toBe("transferred dozens");
    });

    it("refuses an end past the text (out_of_range)", () => {
      expect(anchor(text, { position: { start: 0, end: text.length + 1 } })).toMatchObject({
        ok: false,
        reason: "out_of_range",
      });
    });

    it("refuses a negative start or start after end (out_of_range)", () => {
      expect(anchor(text, { position: { start: -1, end: 4 } })).toMatchObject({ reason: "out_of_range" });
      expect(anchor(text, { position: { start: 10, end: 5 } })).toMatchObject({ reason: "out_of_range" });
    });

    it("accepts a range that ends exactly at the end of the text", () => {
      const result = anchor(text, { position: { start: text.length - 4, end: text.length } });
      expect(result).toMatchObject({ ok: true, selectors: { quote: { exact: "too.", suffix: "" } } });
    });

    it("refuses an empty selection (empty)", () => {
      expect(anchor(text, { position: { start: 5, end: 5 } })).toMatchObject({ ok: false, reason: "empty" });
    });

    it("refuses a selection of whitespace only (empty)", () => {
      const spaceAt = text.indexOf(" ");
      expect(anchor(text, { position: { start: spaceAt, end: spaceAt + 1 } })).toMatchObject({
        ok: false,
        reason: "empty",
      });
      expect(anchor("a \n\t b", { position: { start: 1, end: 5 } })).toMatchObject({ reason: "empty" });
    });
  });

  describe("with a quote alone", () => {
    it("finds a quote that occurs once", () => {
      const result = anchor(text, { quote: { exact: "transferred dozens" } });
      expect(result).toMatchObject({ ok: true, selectors: { position: positionOf("transferred dozens") } });
    });

    it("refuses a quote that occurs nowhere (not_found)", () => {
      expect(anchor(text, { quote: { exact: "hundreds of drones" } })).toMatchObject({
        ok: false,
        reason: "not_found",
      });
    });

    it("refuses a quote that occurs more than once (ambiguous) and lists where", () => {
      const first = positionOf("totally unfounded");
      const second = positionOf("totally unfounded", first.end);
      expect(anchor(text, { quote: { exact: "totally unfounded" } })).toMatchObject({
        ok: false,
        reason: "ambiguous",
        occurrences: [first.start, second.start],
      });
    });

    it("lists at most MAX_LISTED_OCCURRENCES occurrences of a very common quote, and says there are more", () => {
      const common = "drones and ".repeat(MAX_LISTED_OCCURRENCES + 50);
      const result = anchor(common, { quote: { exact: "drones" } });
      expect(result).toMatchObject({ ok: false, reason: "ambiguous" });
      if (result.ok || result.reason !== "ambiguous") return;
      expect(result.message).toMatch(`occurs more than ${MAX_LISTED_OCCURRENCES} times`);
      expect(result.occurrences).toHaveLength(MAX_LISTED_OCCURRENCES);
      expect(result.occurrences.slice(0, 2)).toEqual([0, "drones and ".length]);
    });

    it("uses the prefix to pick one of several occurrences", () => {
      const first = positionOf("totally unfounded");
      const result = anchor(text, { quote: { exact: "totally unfounded", prefix: "Iravani called it " } });
      expect(result).toMatchObject({ ok: true, selectors: { position: first } });
    });

    it("uses the suffix to pick one of several occurrences", () => {
      const first = positionOf("totally unfounded");
      const second = positionOf("totally unfounded", first.end);
      const result = anchor(text, { quote: { exact: "totally unfounded", suffix: " too." } });
      expect(result).toMatchObject({ ok: true, selectors: { position: second } });
    });

    it("refuses a quote whose prefix matches no occurrence (not_found)", () => {
      expect(anchor(text, { quote: { exact: "totally unfounded", prefix: "Malley called it " } })).toMatchObject({
        reason: "not_found",
      });
    });

    it("refuses a whitespace quote (empty) and an empty one", () => {
      expect(anchor("a  b", { quote: { exact: "  " } })).toMatchObject({ ok: false, reason: "empty" });
      expect(anchor(text, { quote: { exact: "" } })).toMatchObject({ ok: false, reason: "not_found" });
    });
  });

  it("refuses input with neither position nor quote (empty)", () => {
    expect(anchor(text, {})).toMatchObject({ ok: false, reason: "empty" });
  });

  it("gives every failure a message a person can read", () => {
    const failures = [
      anchor(text, {}),
      anchor(text, { position: { start: 0, end: 10_000 } }),
      anchor(text, { quote: { exact: "nowhere" } }),
      anchor(text, { quote: { exact: "totally unfounded" } }),
      anchor(text, { position: { start: 0, end: 4 }, quote: { exact: "nope" } }),
    ];
    for (const failure of failures) {
      expect(failure.ok).toBe(false);
      if (!failure.ok) expect(failure.message.length).toBeGreaterThan(10);
    }
  });

  describe("on Unicode text", () => {
    const unicode = "Zelenskyy 🇺🇦 said: «ایران دروغ می‌گوید». Cafe\u0301 owners 👨‍👩‍👧 agree.";

    it("anchors a quote after emoji at its UTF-16 offset", () => {
      const result = anchor(unicode, { quote: { exact: "ایران دروغ می‌گوید" } });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const { start, end } = result.selectors.position;
      expect(unicode.slice(start, end)).toBe("ایران دروغ می‌گوید");
      expect(start).toBe(unicode.indexOf("ایران"));
    });

    it("round-trips a quote that holds emoji and combining marks through its position", () => {
      const exact = "Cafe\u0301 owners 👨‍👩‍👧";
      const found = anchor(unicode, { quote: { exact } });
      expect(found.ok).toBe(true);
      if (!found.ok) return;
      const again = anchor(unicode, { position: found.selectors.position, quote: found.selectors.quote });
      expect(again).toEqual(found);
    });

    it("does not find a quote that is part of a character", () => {
      expect(anchor(unicode, { quote: { exact: "Cafe" } })).toMatchObject({ reason: "not_found" });
      expect(anchor(unicode, { quote: { exact: "\u{1f468}\u200d\u{1f469}" } })).toMatchObject({
        reason: "not_found",
      });
    });
  });

  describe("on text that differs only in Unicode normalisation", () => {
    const composed = "Le caf\u00e9 du coin, dit Am\u00e9lie. Un autre caf\u00e9 noir.";
    const decomposed = composed.normalize("NFD");
    const placeOf = (within: string, exact: string) => {
      const start = within.indexOf(exact);
      return { start, end: start + exact.length };
    };

    it("places a decomposed quote alone on composed text, with the text's own spelling and offsets", () => {
      const result = anchor(composed, { quote: { exact: "cafe\u0301 du coin", prefix: "Le " } });
      expect(result).toMatchObject({
        ok: true,
        selectors: { position: placeOf(composed, "caf\u00e9 du coin"), quote: { exact: "caf\u00e9 du coin" } },
      });
    });

    it("places a composed quote alone on decomposed text, with the text's own spelling and offsets", () => {
      const result = anchor(decomposed, { quote: { exact: "dit Am\u00e9lie" } });
      expect(result).toMatchObject({
        ok: true,
        selectors: { position: placeOf(decomposed, "dit Ame\u0301lie"), quote: { exact: "dit Ame\u0301lie" } },
      });
    });

    it("tells apart a repeated quote by a decomposed suffix", () => {
      const result = anchor(composed, { quote: { exact: "cafe\u0301", suffix: " noir" } });
      const start = composed.lastIndexOf("caf\u00e9");
      expect(result).toMatchObject({ ok: true, selectors: { position: { start, end: start + 4 } } });
      expect(anchor(composed, { quote: { exact: "cafe\u0301" } })).toMatchObject({
        reason: "ambiguous",
        occurrences: [composed.indexOf("caf\u00e9"), start],
      });
    });

    it("accepts a position whose text is the quote once both are normalised", () => {
      const position = placeOf(composed, "Am\u00e9lie");
      const result = anchor(composed, { position, quote: { exact: "Ame\u0301lie" } });
      expect(result).toMatchObject({ ok: true, selectors: { position, quote: { exact: "Am\u00e9lie" } } });
    });

    it("accepts a position counted over the normalised text, and answers the text's own offsets", () => {
      const position = placeOf(composed, "autre caf\u00e9");
      const result = anchor(decomposed, { position, quote: { exact: "autre caf\u00e9" } });
      expect(result).toMatchObject({
        ok: true,
        selectors: { position: placeOf(decomposed, "autre cafe\u0301"), quote: { exact: "autre cafe\u0301" } },
      });
    });

    it("still refuses a position that holds other text (quote_mismatch)", () => {
      const position = placeOf(composed, "Am\u00e9lie");
      expect(anchor(composed, { position, quote: { exact: "Ame\u0300lie" } })).toMatchObject({
        reason: "quote_mismatch",
        actual: "Am\u00e9lie",
      });
      expect(anchor(decomposed, { position, quote: { exact: "nowhere" } })).toMatchObject({
        reason: "quote_mismatch",
      });
    });
  });
});
