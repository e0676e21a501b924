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

describe("PdfTextSetter's grapheme clusters", () => {
  /** fontkit's font pdfkit has open, as the test asks it for a run's glyphs and their outlines. */
  interface InkFont {
    unitsPerEm: number;
    layout(text: string): {
      glyphs: { bbox: { maxX: number } }[];
      positions: { xAdvance: number; xOffset: number }[];
    };
  }

  /** How far right of its pen position the text's ink reaches in the font at the size, in points. */
  function inkRight(doc: PDFKit.PDFDocument, fonts: PdfFonts, font: string, text: string, size: number): number {
    fonts.use(font);
    const open = (doc as unknown as { _font: { font: InkFont } })._font.font;
    const { glyphs, positions } = open.layout(text);
    let pen = 0;
    let right = 0;
    glyphs.forEach((glyph, index) => {
      const position = positions[index] ?? { xAdvance: 0, xOffset: 0 };
      if (Number.isFinite(glyph.bbox.maxX)) right = Math.max(right, pen + position.xOffset + glyph.bbox.maxX);
      pen += position.xAdvance;
    });
    return (right * size) / open.unitsPerEm;
  }

  const clusters = [
    ["a keycap", "1\ufe0f\u20e3"],
    ["a number-sign keycap", "#\ufe0f\u20e3"],
    ["a decomposed accent", "e\u0301"],
    ["a letter in an enclosing circle", "A\u20dd"],
    ["a flag", "🇫🇷"],
    ["a ZWJ family", "👨\u200d👩\u200d👧"],
  ];

  it.each(clusters)("draws %s in one font and starts the next word after its ink, the space kept", (_, cluster) => {
    const doc = new PdfDocument();
    const fonts = new PdfFonts(doc);
    const setter = new PdfTextSetter(doc, fonts);
    const runs: PdfRun[] = [{ text: `keycap ${cluster} end`, face: "regular", size: 11, colour: "#000000" }];
    const [line = []] = setter.placedLines(runs, { x: 0, width: 10_000 });
    expect(line.map((group) => group.text).join("")).toBe(`keycap ${cluster} end`);
    const drawing = line.find((group) => group.text.includes(cluster));
    expect(drawing, "the cluster is not split between fonts").toBeDefined();
    if (!drawing) return;
    const before = drawing.text.slice(0, drawing.text.indexOf(cluster));
    const clusterX = drawing.x + setter.widthOf([{ ...(runs[0] as PdfRun), text: before }]);
    const clusterInk = clusterX + inkRight(doc, fonts, drawing.font, cluster, 11);
    const end = line.find((group) => group.text.endsWith("end")) as (typeof line)[number];
    const endX = end.x + setter.widthOf([{ ...(runs[0] as PdfRun), text: end.text.slice(0, -3) }]);
    expect(endX).toBeGreaterThan(clusterInk);
  });

  it.each(clusters)("draws %s the same in the claims (italic) and the article (regular, tinted)", (_, cluster) => {
    const doc = new PdfDocument();
    const setter = new PdfTextSetter(doc, new PdfFonts(doc));
    const placed = (run: Omit<PdfRun, "text" | "size" | "colour">) =>
      (
        setter.placedLines([{ text: `keycap ${cluster} end`, size: 11, colour: "#000000", ...run }], {
          x: 0,
          width: 10_000,
        })[0] ?? []
      ).find((group) => group.text.includes(cluster));
    const quote = placed({ face: "italic" });
    const article = placed({ face: "regular", tint: "#fde2e2", underline: true });
    expect(quote, "the quote's cluster is not split between fonts").toBeDefined();
    expect(article, "the article's cluster is not split between fonts").toBeDefined();
    // The same font, but for the face: Noto Sans Italic draws in the quote what Noto Sans draws in the article.
    expect(quote?.font.replace("-italic", "")).toBe(article?.font);
  });
});
