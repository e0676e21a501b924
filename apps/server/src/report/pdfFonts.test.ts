import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import PdfDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../config";
import { PDF_FONT_FILES, PdfFonts } from "./pdfFonts";

describe("the PDF's fonts", () => {
  it("resolves every font file from its installed package, not from a path into src/", () => {
    expect(PDF_FONT_FILES.length).toBeGreaterThan(12);
    for (const file of PDF_FONT_FILES) {
      expect(existsSync(file), file).toBe(true);
      expect(file).toContain(`${path.sep}node_modules${path.sep}`);
    }
  });

  it("keeps each font package's licence in the repository", () => {
    const licences = readFileSync(path.join(PROJECT_ROOT, "apps/server/src/report/fonts/LICENSES.md"), "utf8");
    const packages = new Set(PDF_FONT_FILES.map((file) => /node_modules\/(@[^/]+\/[^/]+)\//.exec(file)?.[1]));
    expect(packages.size).toBe(8);
    for (const name of packages) expect(licences).toContain(`\`${name}\``);
    expect(licences.match(/SIL OPEN FONT LICENSE Version 1\.1/gi)?.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ["𐀀", "\ufffd"],
    ["𒀀", "\ufffd"],
  ] as const)("stands %s, which no font has, in as %s, and remembers it", (character, drawnAs) => {
    const fonts = new PdfFonts(new PdfDocument());
    expect(fonts.covers(fonts.fontFor(character, "regular"), character.codePointAt(0) ?? 0)).toBe(false);
    expect(fonts.substituteFor(character, "regular").text).toBe(drawnAs);
    expect(fonts.substitutes()).toEqual([{ character, drawnAs }]);
  });

  it.each([
    ["é", "regular", "noto-sans"],
    ["Ж", "bold", "noto-sans-bold"],
    ["λ", "italic", "noto-sans-italic"],
    ["ع", "regular", "noto-naskh-arabic"],
    ["ع", "bold", "noto-naskh-arabic-bold"],
    ["ש", "italic", "noto-sans-hebrew"],
    ["无", "regular", "noto-sans-sc"],
    ["ひ", "regular", "noto-sans-sc"],
    ["𠮷", "regular", "noto-sans-jp"],
    ["🚀", "regular", "noto-emoji-5"],
    ["한", "regular", "noto-sans-kr"],
    ["한", "bold", "noto-sans-kr-bold"],
    ["𝒜", "regular", "noto-sans-math"],
    ["𝔘", "bold", "noto-sans-math"],
    ["∮", "regular", "noto-sans-math"],
  ] as const)("draws %s (%s) in %s", (character, face, font) => {
    const fonts = new PdfFonts(new PdfDocument());
    expect(fonts.fontFor(character, face)).toBe(font);
  });
});
