import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PROJECT_ROOT } from "../config";

/**
 * The PDF's fonts: the Noto family, from npm packages that ship the font files (their licences are in
 * fonts/LICENSES.md). Noto Sans draws Latin, Cyrillic and Greek; a character it lacks is drawn in the first fallback
 * that has it: Noto Naskh Arabic, Noto Sans Hebrew, Noto Sans SC (Chinese; "Hans"), Noto Sans JP (kana and the
 * kanji SC lacks), Noto Sans KR (Hangul), Noto Sans Math (mathematical alphanumerics such as 𝒜 and 𝔘, arrows,
 * operators), then monochrome Noto Emoji (one WOFF file per fontsource subset). Each file is read from disk once
 * per thread, when a report first needs it; pdfkit embeds only the glyphs a document uses. A character none of them
 * has is drawn as a visible stand-in (substituteFor) and listed, never as an empty box.
 */

/** How a run of text is set: the report's four faces of Noto Sans. */
export type PdfFace = "regular" | "italic" | "bold" | "boldItalic";

interface FontFile {
  /** The name the font is registered under in a document. */
  name: string;
  file: string;
}

// Resolved from apps/server's package.json, which is where the packages are installed both from src/ and from the
// production build's dist/ (a path relative to this file would move once bundled).
const requireFromServer = createRequire(path.join(PROJECT_ROOT, "apps/server/package.json"));

/** The `fonts/` folder of an @embedpdf font package, beside its `dist/` entry point (the package exports no files). */
function embedPdfFont(packageName: string, file: string): string {
  return path.join(path.dirname(requireFromServer.resolve(packageName)), "..", "fonts", file);
}

const LATIN: Record<PdfFace, FontFile> = {
  regular: { name: "noto-sans", file: embedPdfFont("@embedpdf/fonts-latin", "NotoSans-Regular.ttf") },
  italic: { name: "noto-sans-italic", file: embedPdfFont("@embedpdf/fonts-latin", "NotoSans-Italic.ttf") },
  bold: { name: "noto-sans-bold", file: embedPdfFont("@embedpdf/fonts-latin", "NotoSans-Bold.ttf") },
  boldItalic: {
    name: "noto-sans-bold-italic",
    file: embedPdfFont("@embedpdf/fonts-latin", "NotoSans-BoldItalic.ttf"),
  },
};

/** A fallback in its regular and bold weights (none of them has italics: the upright face stands in). */
function fallback(name: string, packageName: string, regular: string, bold: string) {
  return {
    regular: { name, file: embedPdfFont(packageName, regular) },
    bold: { name: `${name}-bold`, file: embedPdfFont(packageName, bold) },
  };
}

const ARABIC = fallback(
  "noto-naskh-arabic",
  "@embedpdf/fonts-arabic",
  "NotoNaskhArabic-Regular.ttf",
  "NotoNaskhArabic-Bold.ttf",
);
const HEBREW = fallback(
  "noto-sans-hebrew",
  "@embedpdf/fonts-hebrew",
  "NotoSansHebrew-Regular.ttf",
  "NotoSansHebrew-Bold.ttf",
);
const CHINESE = fallback("noto-sans-sc", "@embedpdf/fonts-sc", "NotoSansHans-Regular.otf", "NotoSansHans-Bold.otf");
const JAPANESE = fallback("noto-sans-jp", "@embedpdf/fonts-jp", "NotoSansJP-Regular.otf", "NotoSansJP-Bold.otf");
const KOREAN = fallback("noto-sans-kr", "@embedpdf/fonts-kr", "NotoSansKR-Regular.otf", "NotoSansKR-Bold.otf");
/**
 * Noto Sans Math has one weight. fontsource's "latin" subset is the whole font's character set despite its name
 * (its unicode.json lists only Latin ranges): it holds the Mathematical Alphanumeric Symbols (U+1D400-1D7FF).
 */
const MATH_FONT: FontFile = {
  name: "noto-sans-math",
  file: requireFromServer.resolve("@fontsource/noto-sans-math/files/noto-sans-math-latin-400-normal.woff"),
};
const MATH = { regular: MATH_FONT, bold: MATH_FONT };
const FALLBACKS = [ARABIC, HEBREW, CHINESE, JAPANESE, KOREAN, MATH];

/** Monochrome Noto Emoji: fontsource splits it into subsets by code point, listed in the package's unicode.json. */
const EMOJI_SUBSETS: { font: FontFile; ranges: [number, number][] }[] = Object.entries(
  JSON.parse(readFileSync(requireFromServer.resolve("@fontsource/noto-emoji/unicode.json"), "utf8")) as Record<
    string,
    string
  >,
).map(([key, ranges]) => {
  const subset = key.replace(/^\[|\]$/g, "");
  return {
    font: {
      name: `noto-emoji-${subset}`,
      file: requireFromServer.resolve(`@fontsource/noto-emoji/files/noto-emoji-${subset}-400-normal.woff`),
    },
    ranges: ranges.split(",").map((range) => {
      const [from = "0", to] = range.replace(/^U\+/i, "").split("-");
      return [Number.parseInt(from, 16), Number.parseInt(to ?? from, 16)];
    }),
  };
});

/** The font files every report may use, with the licence each ships under (fonts/LICENSES.md lists them). */
export const PDF_FONT_FILES: string[] = [
  ...Object.values(LATIN),
  ...FALLBACKS.flatMap((family) => [family.regular, family.bold]),
  ...EMOJI_SUBSETS.map((subset) => subset.font),
]
  .map((font) => font.file)
  .filter((file, index, files) => files.indexOf(file) === index);

const fileCache = new Map<string, Buffer>();

/** A font file's bytes, read once per thread. */
function fontBytes(file: string): Buffer {
  let bytes = fileCache.get(file);
  if (!bytes) {
    bytes = readFileSync(file);
    fileCache.set(file, bytes);
  }
  return bytes;
}

/** What fontkit (inside pdfkit) says about a font; the one question asked of it here. */
interface GlyphCoverage {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

const ARABIC_SCRIPT = /[\p{Script=Arabic}]/u;
const HEBREW_SCRIPT = /[\p{Script=Hebrew}]/u;
const CJK_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u;
const HANGUL_SCRIPT = /[\p{Script=Hangul}]/u;
/** Letterlike symbols, arrows, mathematical operators and alphanumerics, technical and geometric shapes. */
const MATH_SYMBOL = /[\u2100-\u23ff\u25a0-\u25ff\u27c0-\u27ef\u2900-\u2aff\u{1d400}-\u{1d7ff}]/u;
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Component}]/u;
/** What a character no font has is drawn as when its compatibility form (NFKC) cannot be: the replacement character. */
export const REPLACEMENT_CHARACTER = "\ufffd";
/** Characters with no glyph of their own (joiners, variation selectors, tags): dropped if no font draws them. */
export const INVISIBLE = /[\p{Default_Ignorable_Code_Point}]/u;

/** How many pages pass between looks at the layout caches' sizes (limitLayoutCaches). */
const LAYOUT_CHECK_PAGES = 16;
/** The words a font's layout cache may hold before it starts again: a few pages' worth, a few MB. */
const LAYOUT_CACHE_WORDS = 4000;

/**
 * One document's fonts: registers each file with pdfkit when first needed and answers, for each character, the font
 * that draws it in a face. pdfkit (fontkit) subsets what is embedded to the glyphs used.
 */
export class PdfFonts {
  private readonly registered = new Set<string>();
  private readonly coverage = new Map<string, GlyphCoverage>();
  /** Whether a font has a code point's glyph, by font name then code point: each asked of fontkit's cmap once. */
  private readonly covered = new Map<string, Map<number, boolean>>();
  /** The font that draws a character, by face then character: a report's few hundred distinct characters. */
  private readonly chosen = new Map<PdfFace, Map<string, string>>();
  private readonly substituted = new Map<string, string>();
  /** The fonts pdfkit opened for this document, each once. */
  private readonly embedded: EmbeddedFont[] = [];
  /** Each embedded font's shaped runs (laid out whole, with features), by their text; see keepShapedRuns. */
  private readonly shapedRuns = new Map<EmbeddedFont, Map<string, ShapedRun>>();
  private pagesSinceLayoutCheck = 0;

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  /** Selects a font by its registered name (registering it first), and answers the document. */
  use(name: string): PDFKit.PDFDocument {
    if (!this.registered.has(name)) {
      const file = fontByName().get(name);
      if (!file) throw new Error(`No PDF font is named ${name}.`);
      this.doc.registerFont(name, fontBytes(file));
      this.registered.add(name);
      this.doc.font(name);
      const embedded = (this.doc as unknown as { _font: EmbeddedFont })._font;
      shareParsedFont(name, embedded);
      this.keepShapedRuns(embedded);
      this.embedded.push(embedded);
    }
    return this.doc.font(name);
  }

  /**
   * Makes the font keep what fontkit lays out for a run handed over whole with features (the setter's shaped,
   * right-to-left runs), as pdfkit keeps the words it lays out itself. pdfkit lays such a run out anew each time it
   * is measured or drawn (and the setter maps its ligatures first): an Arabic word repeated through an article was
   * shaped four times a use, GSUB and GPOS each time, the largest part of a report's time. The run kept is the one
   * pdfkit would make (its positions scaled once), so what is drawn is the same.
   */
  private keepShapedRuns(embedded: EmbeddedFont): void {
    const runs = new Map<string, ShapedRun>();
    this.shapedRuns.set(embedded, runs);
    const layoutRun = embedded.layoutRun.bind(embedded);
    embedded.layoutRun = (text, features) => {
      if (!features) return layoutRun(text, features);
      const key = `${features.join(",")}\u0000${text}`;
      let run = runs.get(key);
      if (run === undefined) {
        run = layoutRun(text, features);
        runs.set(key, run);
      }
      return run;
    };
  }

  /**
   * Keeps pdfkit's layout caches to a few thousand words a font. pdfkit keeps every distinct word (and each
   * character the setter measures) it lays out, with its glyphs and positions, for the whole document, ~1 KB a word:
   * a long article's claim numbers, URLs and words would all stay to the last page. Called at each new page; every
   * LAYOUT_CHECK_PAGES pages, a cache over LAYOUT_CACHE_WORDS starts again (emptied every page, re-laying out each
   * page's words made the PDF half as slow again).
   */
  limitLayoutCaches(): void {
    this.pagesSinceLayoutCheck += 1;
    if (this.pagesSinceLayoutCheck < LAYOUT_CHECK_PAGES) return;
    this.pagesSinceLayoutCheck = 0;
    for (const font of this.embedded) {
      if (font.layoutCache && Object.keys(font.layoutCache).length > LAYOUT_CACHE_WORDS) {
        font.layoutCache = Object.create(null);
      }
      const shaped = this.shapedRuns.get(font);
      if (shaped && shaped.size > LAYOUT_CACHE_WORDS) shaped.clear();
    }
  }

  /** The name of the font that draws `character` (one code point) in `face`; the face's own if none does. */
  fontFor(character: string, face: PdfFace): string {
    let fonts = this.chosen.get(face);
    if (!fonts) {
      fonts = new Map();
      this.chosen.set(face, fonts);
    }
    let font = fonts.get(character);
    if (font === undefined) {
      font = this.findFontFor(character, face);
      fonts.set(character, font);
    }
    return font;
  }

  private findFontFor(character: string, face: PdfFace): string {
    const codePoint = character.codePointAt(0) ?? 0;
    const primary = LATIN[face].name;
    if (this.covers(primary, codePoint)) return primary;
    for (const candidate of this.candidates(character, codePoint, face)) {
      if (this.covers(candidate, codePoint)) return candidate;
    }
    return primary;
  }

  /**
   * The font that draws every visible code point of a grapheme cluster (a base with its combining marks, variation
   * selector, enclosing keycap, skin tone, ZWJ sequence or flag), so the cluster is laid out, measured and drawn as
   * one: `preferred` if it has them all, else the first of the fonts fontFor gives each code point, in order. Default
   * ignorable code points (U+FE0F, ZWJ) need not be in the font; the setter leaves out those it lacks. Undefined
   * when no one font has them all.
   */
  fontForCluster(cluster: string, face: PdfFace, preferred?: string): string | undefined {
    const visible = [...cluster].filter((each) => !INVISIBLE.test(each));
    const codePoints = visible.map((each) => each.codePointAt(0) ?? 0);
    const candidates = preferred ? [preferred] : [];
    for (const each of visible.length > 0 ? visible : [...cluster]) candidates.push(this.fontFor(each, face));
    return candidates.find((font) => codePoints.every((codePoint) => this.covers(font, codePoint)));
  }

  /**
   * What to draw for a character no font has (fontFor's font lacks it): its compatibility form (NFKC, "𝒜" → "A")
   * in the font that draws all of it, or else U+FFFD. Each such character is remembered for `substitutes`.
   */
  substituteFor(character: string, face: PdfFace): { text: string; font: string } {
    const compatible = character.normalize("NFKC");
    let result = { text: REPLACEMENT_CHARACTER, font: LATIN[face].name };
    if (compatible !== character && compatible.trim().length > 0) {
      const font = this.fontFor([...compatible][0] ?? "", face);
      if ([...compatible].every((each) => this.covers(font, each.codePointAt(0) ?? 0))) {
        result = { text: compatible, font };
      }
    }
    this.substituted.set(character, result.text);
    return result;
  }

  /** The characters this document drew as stand-ins, each with what was drawn, in the order first met. */
  substitutes(): { character: string; drawnAs: string }[] {
    return [...this.substituted].map(([character, drawnAs]) => ({ character, drawnAs }));
  }

  /**
   * Makes the current font's ToUnicode map give a ligature of a right-to-left run (Arabic lam-alef, "لا") its code
   * points in visual order. Extractors (poppler, pdf.js) read a line's glyphs left to right and reverse its
   * right-to-left stretches character by character, the characters of one glyph included: a ligature mapped to
   * logical "لا" comes out "ال" ("الاقتصاد" read "االقتصاد"). pdfkit keeps the first mapping of a glyph, so this runs
   * before the run is drawn; a font's ligatures of several code points only form in right-to-left runs here.
   */
  mapLigaturesInVisualOrder(text: string): void {
    const embedded = (this.doc as unknown as { _font: EmbeddedFont })._font;
    const subset = embedded.subset as { includeGlyph(id: number): number };
    // The run pdfkit draws next (kept by keepShapedRuns): the same glyphs, laid out once.
    for (const glyph of embedded.layoutRun(text, []).glyphs) {
      if (glyph.codePoints.length < 2) continue;
      const gid = subset.includeGlyph(glyph.id);
      embedded.unicode[gid] ??= [...glyph.codePoints].reverse();
    }
  }

  /** Whether the named font has a glyph for the code point. */
  covers(name: string, codePoint: number): boolean {
    let known = this.covered.get(name);
    if (!known) {
      known = new Map();
      this.covered.set(name, known);
    }
    let has = known.get(codePoint);
    if (has === undefined) {
      let font = this.coverage.get(name);
      if (!font) {
        // pdfkit keeps the fontkit font it opened; asking it avoids parsing the file a second time.
        this.use(name);
        font = (this.doc as unknown as { _font: { font: GlyphCoverage } })._font.font;
        this.coverage.set(name, font);
      }
      has = font.hasGlyphForCodePoint(codePoint);
      known.set(codePoint, has);
    }
    return has;
  }

  /** Fallback fonts for a character, the likeliest first (so a Latin report never opens the CJK files). */
  private candidates(character: string, codePoint: number, face: PdfFace): string[] {
    const weight = face === "bold" || face === "boldItalic" ? "bold" : "regular";
    const emoji = EMOJI_SUBSETS.filter((subset) =>
      subset.ranges.some(([from, to]) => codePoint >= from && codePoint <= to),
    ).map((subset) => subset.font.name);
    if (ARABIC_SCRIPT.test(character)) return [ARABIC[weight].name];
    if (HEBREW_SCRIPT.test(character)) return [HEBREW[weight].name];
    if (HANGUL_SCRIPT.test(character)) return [KOREAN[weight].name];
    if (CJK_SCRIPT.test(character)) return [CHINESE[weight].name, JAPANESE[weight].name, KOREAN[weight].name];
    if (MATH_SYMBOL.test(character)) return [MATH[weight].name, ...emoji];
    if (EMOJI.test(character) || emoji.length > 0) return emoji;
    // Anything else (a symbol, say): each fallback in turn.
    return FALLBACKS.map((family) => family[weight].name).concat(emoji);
  }
}

/** Whether the named font is one of Noto Emoji's subsets. */
export function isEmojiFont(name: string): boolean {
  return name.startsWith("noto-emoji-");
}

/** pdfkit's font in a document (0.17): the parsed font, and the subset of it the document embeds. */
interface EmbeddedFont {
  font: GlyphCoverage & {
    createSubset(): unknown;
    layout(text: string, features: string[]): { glyphs: { id: number; codePoints: number[] }[] };
  };
  subset: unknown;
  /** fontkit's layout of a whole run, its positions scaled to 1000 units an em; pdfkit's `layout` calls it. */
  layoutRun(text: string, features?: string[]): { glyphs: { id: number; codePoints: number[] }[] };
  /** The ToUnicode map pdfkit writes: code points by subset glyph id. */
  unicode: (number[] | undefined)[];
  /** pdfkit's laid-out words, by their text (absent when the document turns the cache off). */
  layoutCache?: Record<string, unknown>;
}

type ShapedRun = ReturnType<EmbeddedFont["layoutRun"]>;

const parsedFonts = new Map<string, EmbeddedFont["font"]>();

/**
 * pdfkit parses a font file anew for every document, and fontkit decodes its tables (cmap, GSUB, GPOS, glyphs) on
 * first use: for a report that is most of its time. The parsed font holds no document state (each document embeds
 * its own subset), so the first document's is kept for the thread and handed to every later one.
 */
function shareParsedFont(name: string, embedded: EmbeddedFont): void {
  const parsed = parsedFonts.get(name);
  if (!parsed) {
    parsedFonts.set(name, embedded.font);
    return;
  }
  // fontkit caches glyph objects with the characters of their first use, and a document's subset creates the parts
  // of its composite glyphs (the "z" of "ź") with none: a later document would map such a glyph to no text. Each
  // document starts from an empty glyph cache; the decoded tables stay.
  (parsed as unknown as { _glyphs: Record<number, unknown> })._glyphs = {};
  embedded.font = parsed;
  embedded.subset = parsed.createSubset();
}

let byName: Map<string, string> | undefined;

function fontByName(): Map<string, string> {
  byName ??= new Map(
    [
      ...Object.values(LATIN),
      ...FALLBACKS.flatMap((family) => [family.regular, family.bold]),
      ...EMOJI_SUBSETS.map((subset) => subset.font),
    ].map((font) => [font.name, font.file]),
  );
  return byName;
}
