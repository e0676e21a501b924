import PdfDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { PdfFonts } from "./pdfFonts";
import { type PdfRun, PdfTextSetter } from "./pdfTextSetter";

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
