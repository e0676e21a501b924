import bidiFactory from "bidi-js";
import PdfDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { PdfFonts } from "./pdfFonts";
import { MAY_NEED_BIDI, type PdfRun, PdfTextSetter } from "./pdfTextSetter";

/** The line as drawn, left to right: the code points of the glyphs in the order they stand on the page. */
function drawn(text: string): string {
  const doc = new PdfDocument();
  const runs: PdfRun[] = [{ text, face: "regular", size: 11, colour: "#000000" }];
  return new PdfTextSetter(doc, new PdfFonts(doc)).drawnLines(runs, 10_000).join("\n");
}

/** Reversed by code point: a right-to-left word as it stands on the page, read left to right. */
function mirrored(word: string): string {
  return [...word].reverse().join("");
}

describe("PdfTextSetter's visual order", () => {
  it("keeps Arabic-Indic digits left to right inside right-to-left text (UAX #9 L2 by levels)", () => {
    // Logical "عام ٢٠١٩": the year stands left of the word on the page, its digits still in reading order.
    expect(drawn("عام ٢٠١٩")).toBe(`٢٠١٩ ${mirrored("عام")}`);
  });

  it.each([
    ["٣٫٥ مليون", "٣٫٥"],
    ["بلغ ١٬٢٠٠ شخص", "١٬٢٠٠"],
    ["عام 2019 و ٢٠٢٠", "2019"],
    ["عام 2019 و ٢٠٢٠", "٢٠٢٠"],
    ["English with عام ٢٠١٩ inside", "٢٠١٩"],
    ["השר אמר 3.5 מיליון", "3.5"],
  ])("draws the number in %s as %s, left to right", (text, number) => {
    expect(drawn(text)).toContain(number);
  });

  it("draws a mixed line's right-to-left words in visual order and its left-to-right words as typed", () => {
    expect(drawn("English with עברית and 12 numbers")).toBe(`English with ${mirrored("עברית")} and 12 numbers`);
  });
});

describe("PdfTextSetter's line breaks", () => {
  it("draws a run that starts with a line break (a quote across paragraphs) as an empty line, in the run's font", () => {
    expect(drawn("\n\nsecond paragraph")).toBe("\n\nsecond paragraph");
    expect(drawn("\tindented")).toBe(" indented");
  });
});

describe("PdfTextSetter's left-to-right text, set without the bidi algorithm", () => {
  const bidi = bidiFactory();
  /** The bidi classes that can put a character at a level other than a left-to-right paragraph's 0. */
  const RAISING = new Set(["R", "AL", "AN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"]);

  it("leaves out no character whose class could raise a level", () => {
    const missed: string[] = [];
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint += 1) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const character = String.fromCodePoint(codePoint);
      if (!MAY_NEED_BIDI.test(character) && RAISING.has(bidi.getBidiCharTypeName(character))) {
        missed.push(`U+${codePoint.toString(16).toUpperCase()}`);
      }
    }
    expect(missed).toEqual([]);
  });

  it("skips only text that the algorithm leaves at level 0 throughout", () => {
    // Latin, Cyrillic, Greek, CJK, Hangul, digits, separators, brackets, marks, emoji, breaks: every class but those.
    const pool = [..."Aé Жλ无ひ한 0123456789 +-−.,:/%$#()[]“”«» \u0301\u00ad\u200d\u2028🚀𝒜\t\n"];
    let seed = 17;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed;
    };
    for (let sample = 0; sample < 2_000; sample += 1) {
      const text = Array.from({ length: 1 + (next() % 40) }, () => pool[next() % pool.length]).join("");
      expect(MAY_NEED_BIDI.test(text)).toBe(false);
      const { levels, paragraphs } = bidi.getEmbeddingLevels(text);
      expect([...levels].every((level) => level === 0)).toBe(true);
      expect(paragraphs.every((paragraph) => paragraph.level === 0)).toBe(true);
    }
  });
});
