import { afterEach, describe, expect, it, vi } from "vitest";
import { createGraphemeBoundaryCheck, graphemeAt, isGraphemeBoundary, snapToGraphemes } from "./graphemeBoundaries";

const FAMILY = "👨‍👩‍👧";
const THUMB_MEDIUM = "👍🏽";
const UKRAINE = "🇺🇦";
const HANGUL_JAMO = "\u1100\u1161\u11a8"; // 각, written as three jamo
const CAFE_DECOMPOSED = "cafe\u0301";

/** Every boundary of `text` by segmenting all of it: the oracle for short texts. */
function allBoundaries(text: string): Set<number> {
  const segmenter = new Intl.Segmenter("und", { granularity: "grapheme" });
  const boundaries = new Set([text.length]);
  for (const { index } of segmenter.segment(text)) boundaries.add(index);
  return boundaries;
}

function offsetsInside(text: string, cluster: string): number[] {
  const start = text.indexOf(cluster);
  return Array.from({ length: cluster.length - 1 }, (_, step) => start + step + 1);
}

describe("isGraphemeBoundary", () => {
  it("finds a boundary at every offset of plain ASCII text, and at both ends", () => {
    const text = "Iran sold drones.\nMalley said so.";
    for (let offset = 0; offset <= text.length; offset += 1) expect(isGraphemeBoundary(text, offset)).toBe(true);
  });

  it.each([
    ["a letter and its combining accent", `un ${CAFE_DECOMPOSED} noir`, CAFE_DECOMPOSED.slice(3)],
    ["a ZWJ family emoji", `the ${FAMILY} family`, FAMILY],
    ["an emoji and its skin tone", `likes ${THUMB_MEDIUM} it`, THUMB_MEDIUM],
    ["a flag's two regional indicators", `flag ${UKRAINE} here`, UKRAINE],
    ["Hangul jamo that make one syllable", `word ${HANGUL_JAMO} word`, HANGUL_JAMO],
    ["a surrogate pair", "drone 🛩 strike", "🛩"],
    ["a carriage return and its line feed", "one\r\ntwo", "\r\n"],
  ])("finds no boundary inside %s", (_name, text, cluster) => {
    for (const offset of offsetsInside(text, cluster)) expect(isGraphemeBoundary(text, offset)).toBe(false);
    const start = text.indexOf(cluster);
    expect(isGraphemeBoundary(text, start)).toBe(true);
    expect(isGraphemeBoundary(text, start + cluster.length)).toBe(true);
  });

  it("refuses offsets outside the text and offsets that are not whole numbers", () => {
    expect(isGraphemeBoundary("abc", -1)).toBe(false);
    expect(isGraphemeBoundary("abc", 4)).toBe(false);
    expect(isGraphemeBoundary("abc", 1.5)).toBe(false);
    expect(isGraphemeBoundary("", 0)).toBe(true);
  });

  it("pairs regional indicators from the start of a long run of flags, far outside a first window", () => {
    for (const lead of ["", "x", "🇺"]) {
      const text = `${lead}${UKRAINE.repeat(400)} end`;
      const expected = allBoundaries(text);
      for (let offset = 0; offset <= text.length; offset += 1) {
        expect(isGraphemeBoundary(text, offset), `${JSON.stringify(lead)} at ${offset}`).toBe(expected.has(offset));
      }
      // Between the two halves of a flag far into the run: the whole flag.
      const middle = text.length - " end".length - 2;
      const flag = expected.has(middle) ? { start: middle - 4, end: middle } : { start: middle - 2, end: middle + 2 };
      expect(snapToGraphemes(text, middle - 1, middle - 1)).toEqual(flag);
      expect(snapToGraphemes(text, flag.start + 2, flag.start + 2)).toEqual(flag);
    }
  });

  it("answers a long text's offsets in order from a few windows, as isGraphemeBoundary does", () => {
    const text = `${"क्ष त्र ज्ञ กำ 👨‍👩‍👧 ".repeat(200)}${UKRAINE.repeat(300)}`;
    const expected = allBoundaries(text);
    const isBoundary = createGraphemeBoundaryCheck(text);
    for (let offset = 0; offset <= text.length; offset += 1) {
      expect(isBoundary(offset), `at ${offset}`).toBe(expected.has(offset));
    }
    expect(isBoundary(-1)).toBe(false);
    expect(isBoundary(text.length + 1)).toBe(false);
  });

  it("joins an emoji to a ZWJ sequence begun before a long run of combining marks", () => {
    const text = `ok 😀${"\u0301".repeat(100)}\u200d😀 ok`;
    const second = text.lastIndexOf("😀");
    expect(isGraphemeBoundary(text, second)).toBe(allBoundaries(text).has(second));
    expect(isGraphemeBoundary(text, second)).toBe(false);
  });

  it("agrees with segmenting the whole text on a mixed corpus", () => {
    const text = [
      `Zelenskyy ${UKRAINE} said: «ایران دروغ می‌گوید». ${CAFE_DECOMPOSED} owners ${FAMILY} agree.`,
      `नमस्ते क्षत्रिय ${HANGUL_JAMO} 한국어 ${THUMB_MEDIUM}${THUMB_MEDIUM} 👩🏽‍💼 🏳️‍🌈 1️⃣`,
      `Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇ \r\n tab\tend`,
    ].join("\n");
    const expected = allBoundaries(text);
    const isBoundary = createGraphemeBoundaryCheck(text);
    for (let offset = 0; offset <= text.length; offset += 1) {
      expect(isGraphemeBoundary(text, offset), `at ${offset}`).toBe(expected.has(offset));
      expect(isBoundary(offset), `checked in order at ${offset}`).toBe(expected.has(offset));
    }
  });

  it("agrees with segmenting the whole text on random strings of awkward characters", () => {
    const alphabet = [
      ..."aZ9 .,«»-",
      "\n",
      "\r",
      "\t",
      "\u0301", // combining acute
      "\u0323", // combining dot below
      "\u200d", // ZWJ
      "\u200c", // ZWNJ
      "\ufe0f", // variation selector 16
      "\u{1f3fd}", // skin tone
      "\u{1f1fa}", // regional indicators
      "\u{1f1e6}",
      "\u{1f468}", // man (emoji)
      "\u{1f600}",
      "\u00a9", // ©, pictographic in the BMP
      "\u0915", // Devanagari ka, virama, ssa: a conjunct
      "\u094d",
      "\u0937",
      "\u093f", // Devanagari vowel sign i (SpacingMark)
      "\u0e01", // Thai ko kai, sara am (SpacingMark letter)
      "\u0e33",
      "\u0600", // Arabic number sign (Prepend)
      "\u0d4e", // Malayalam dot reph (Prepend letter)
      "\u0627", // Arabic alef
      "\u1100", // Hangul L, V, T, an LV syllable (가) and an LVT one (각)
      "\u1161",
      "\u11a8",
      "\uac00",
      "\uac01",
      "\u4e2d", // Han
      "\u{20000}", // Han, astral
      "\ud800", // a lone surrogate
      "\u{e0067}", // a tag character
    ];
    let seed = 20261130;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 500; round += 1) {
      const length = 1 + Math.floor(random() * 24);
      const text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      const expected = allBoundaries(text);
      const isBoundary = createGraphemeBoundaryCheck(text);
      for (let offset = 0; offset <= text.length; offset += 1) {
        expect(isGraphemeBoundary(text, offset), `${JSON.stringify(text)} at ${offset}`).toBe(expected.has(offset));
        expect(isBoundary(offset), `${JSON.stringify(text)} checked in order at ${offset}`).toBe(expected.has(offset));
      }
    }
  });

  describe("cost", () => {
    afterEach(() => vi.restoreAllMocks());

    it("segments only a small window of a 300 KB article, even inside a thousand combining marks", () => {
      const segment = vi.spyOn(Intl.Segmenter.prototype, "segment");
      const article = `${"Iran sold drones, said the café owner 👨‍👩‍👧. ".repeat(7_000)}x${"\u0301".repeat(5_000)} end`;
      expect(article.length).toBeGreaterThan(300_000);
      for (let offset = 0; offset < article.length; offset += 997) isGraphemeBoundary(article, offset);
      expect(isGraphemeBoundary(article, article.length - 100)).toBe(false);
      expect(segment).toHaveBeenCalled();
      const longest = Math.max(...segment.mock.calls.map(([input]) => String(input).length));
      expect(longest).toBeLessThanOrEqual(2 * 1024 + 2);
    });
  });
});

describe("graphemeAt", () => {
  it("answers the whole cluster holding a code unit", () => {
    const text = `the ${FAMILY} family`;
    const start = text.indexOf(FAMILY);
    expect(graphemeAt(text, start + 3)).toEqual({ start, end: start + FAMILY.length });
    expect(graphemeAt(text, 0)).toEqual({ start: 0, end: 1 });
  });
});

describe("snapToGraphemes", () => {
  it("widens a range that ends between a letter and its accent to take the accent", () => {
    const text = `le ${CAFE_DECOMPOSED} noir`;
    const start = text.indexOf("cafe");
    expect(snapToGraphemes(text, start, start + 4)).toEqual({ start, end: start + CAFE_DECOMPOSED.length });
  });

  it("widens a range that starts or ends inside an emoji sequence to the whole sequence", () => {
    const text = `the ${FAMILY} family`;
    const start = text.indexOf(FAMILY);
    const end = start + FAMILY.length;
    expect(snapToGraphemes(text, start + 2, start + 5)).toEqual({ start, end });
    expect(snapToGraphemes(text, 0, start + 1)).toEqual({ start: 0, end });
    expect(snapToGraphemes(text, start + 7, text.length)).toEqual({ start, end: text.length });
  });

  it("leaves a range of whole characters as it is, and clamps offsets to the text", () => {
    const text = `likes ${THUMB_MEDIUM} it`;
    expect(snapToGraphemes(text, 0, text.length)).toEqual({ start: 0, end: text.length });
    expect(snapToGraphemes(text, 2, 2)).toEqual({ start: 2, end: 2 });
    expect(snapToGraphemes(text, -3, 99)).toEqual({ start: 0, end: text.length });
  });
});
