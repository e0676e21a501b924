import { graphemeAt } from "@factmark/core";
import bidiFactory from "bidi-js";
import { INVISIBLE, isEmojiFont, type PdfFace, type PdfFonts } from "./pdfFonts";

/** A stretch of text in one style: what a caller hands the setter. */
export interface PdfRun {
  text: string;
  face: PdfFace;
  /** Points. */
  size: number;
  colour: string;
  /** An http(s) URL the run opens. */
  link?: string | null;
  /** A named destination in the document the run goes to. */
  goTo?: string | null;
  /** A line under the run: `true` is a solid line in the run's colour; a pattern (a verdict's) may take its own colour. */
  underline?: boolean | PdfUnderline;
  /** A fill behind the run, the height of its line (a verdict's tint under a claim). */
  tint?: string | null;
  /** Extra points between characters. */
  characterSpacing?: number;
}

/** A patterned underline, as the app draws a verdict's: solid, a wave (sine-like curves) or dashes. */
export interface PdfUnderline {
  style: "solid" | "wavy" | "dashed";
  colour: string;
}

export interface SetOptions {
  x: number;
  width: number;
  /** "start" is the paragraph's own side: left, or right for a right-to-left paragraph (the default). */
  align?: "start" | "left" | "right" | "center";
  /** Points added after the paragraph. */
  paragraphGap?: number;
  /** One line, never wrapped (a label, a footer). */
  isSingleLine?: boolean;
}

/** A line's height as a multiple of its largest font size: Noto Sans' ascender plus descender (1.069 + 0.293). */
const LINE_HEIGHT = 1.362;
const ASCENT = 1.069;
const RIGHT_TO_LEFT_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const PRINTABLE_ASCII = /^[\x20-\x7e]$/;
/**
 * Code points that may join the one before into a grapheme cluster (UAX #29: extending marks and variation selectors,
 * skin tones, ZWJ, the second regional indicator of a flag, Hangul jamo): only before one is the text segmented.
 */
const JOINS_CLUSTER = /[\p{M}\p{Emoji_Modifier}\p{Regional_Indicator}\u1160-\u11ff\ud7b0-\ud7ff]|\u200d/u;
/** Characters that take the font of the text around them when it has them (spaces, punctuation, digits, marks). */
const NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}]/u;
/**
 * Every character whose bidi class can make a level other than the paragraph's, and more (whole blocks): right to
 * left (R, AL), Arabic numbers (AN) and the explicit embeddings, overrides and isolates. Text without any is a
 * left-to-right paragraph at level 0 throughout (UAX #9: no strong right-to-left character, so W7 makes European
 * numbers L and N1/N2 resolve neutrals to 0), and skips the algorithm; pdfTextSetter.test.ts checks the class of
 * every code point outside it against bidi-js.
 */
export const MAY_NEED_BIDI =
  /[\u0590-\u08ff\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefe\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

let bidi: ReturnType<typeof bidiFactory> | undefined;

interface Character {
  text: string;
  /** The resolved bidi embedding level (UAX #9): odd is right to left. */
  level: number;
  /** The level of the paragraph it is in: odd for a right-to-left paragraph. */
  paragraphLevel: number;
  run: PdfRun;
  font: string;
  isSpace: boolean;
  /** Points, the overhang included. */
  width: number;
  /**
   * Points the character's ink reaches right of its advance (an enclosing mark a font gives no advance and no
   * anchor, drawn after its base): space kept after it, so the next text starts clear of it.
   */
  overhang?: number;
}

interface Line {
  characters: Character[];
  size: number;
}

/**
 * Sets text on PDF pages the way pdfkit cannot on its own: each character in the font that has it (PdfFonts), a
 * grapheme cluster (a keycap, a base with its marks, a flag, a ZWJ emoji) whole in one font so it is measured as it is
 * drawn, and right-to-left text in its visual order. Lines are broken at spaces (and between CJK characters) to the width,
 * then each line is reordered by the Unicode Bidirectional Algorithm (bidi-js for the levels, rule L2 here) and drawn
 * as runs of one font, style and direction. A right-to-left run goes to fontkit in logical order as one piece, which
 * shapes it (Arabic joining forms) and lays it out right to left; its brackets are mirrored first. Text extraction
 * reads the runs back through each font's ToUnicode map.
 */
export class PdfTextSetter {
  /**
   * Each font's advance of a character at 1000 points, as pdfkit measures it (by font name, then character): a
   * character is measured once a document, not once each time it is set.
   */
  private readonly advances = new Map<string, Map<string, number>>();
  /** How far right of its start a cluster's ink reaches at 1000 points (by font name, then cluster): once a document. */
  private readonly inks = new Map<string, Map<string, number>>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fonts: PdfFonts,
  ) {}

  /** The height the runs take at `width`, in points, without drawing them. */
  measure(runs: PdfRun[], width: number): number {
    return this.lines(runs, width, false).reduce((height, line) => height + line.size * LINE_HEIGHT, 0);
  }

  /** The width of one line of runs, in points. */
  widthOf(runs: PdfRun[]): number {
    return this.lines(runs, Number.POSITIVE_INFINITY, true).reduce(
      (widest, line) => Math.max(widest, lineWidth(line.characters)),
      0,
    );
  }

  /**
   * Each line of the runs as it is drawn, left to right: the code points of the glyphs the fonts lay out, in the
   * order they stand on the page (a ligature's code points in logical order). What a reader sees, for tests.
   */
  drawnLines(runs: PdfRun[], width: number): string[] {
    return this.lines(runs, width, false).map((line) =>
      groupRuns(reorder(line.characters))
        .map((group) => {
          this.fonts.use(group.font);
          const font = (this.doc as unknown as { _font: { font: LayoutFont } })._font.font;
          const glyphs = font.layout(group.text, group.isShaped ? [] : undefined).glyphs;
          return glyphs.map((glyph) => String.fromCodePoint(...glyph.codePoints)).join("");
        })
        .join(""),
    );
  }

  /** Draws the runs from doc.y, adding pages as lines reach the bottom margin; leaves doc.y below them. */
  set(runs: PdfRun[], options: SetOptions): void {
    const { doc } = this;
    const lines = this.lines(runs, options.width, options.isSingleLine ?? false);
    for (const line of lines) {
      const height = line.size * LINE_HEIGHT;
      if (!options.isSingleLine && doc.y + height > doc.page.height - doc.page.margins.bottom) continueOnNewPage(doc);
      this.drawLine(line, options);
      doc.y += height;
    }
    doc.y += options.paragraphGap ?? 0;
    doc.x = options.x;
  }

  private lines(runs: PdfRun[], width: number, isSingleLine: boolean): Line[] {
    const characters = this.characters(runs);
    const lines: Line[] = [];
    let line: Character[] = [];
    let lineWidthSoFar = 0;
    const finish = () => {
      let size = 0;
      for (const character of line) if (character.run.size > size) size = character.run.size;
      lines.push({ characters: line, size });
      line = [];
      lineWidthSoFar = 0;
    };
    const fallbackSize = runs[0]?.size ?? 10;
    let index = 0;
    while (index < characters.length) {
      const first = characters[index] as Character;
      if (first.text === "\n") {
        if (line.length === 0) line.push({ ...first, text: "", width: 0 });
        finish();
        index += 1;
        continue;
      }
      // A word: characters up to a break opportunity, with the spaces after it.
      let end = index + 1;
      if (!CJK.test(first.text)) {
        while (end < characters.length) {
          const next = characters[end] as Character;
          if (next.text === "\n" || next.isSpace || CJK.test(next.text)) break;
          end += 1;
        }
      }
      let ink = end;
      while (end < characters.length && (characters[end] as Character).isSpace) end += 1;
      // The word's width without the spaces that end it (as lineWidth measures), and with them; summed in order.
      while (ink > index && (characters[ink - 1] as Character).isSpace) ink -= 1;
      let wordWidth = 0;
      for (let at = index; at < ink; at += 1) wordWidth += (characters[at] as Character).width;
      let withSpaces = 0;
      for (let at = index; at < end; at += 1) withSpaces += (characters[at] as Character).width;
      if (!isSingleLine && line.length > 0 && lineWidthSoFar + wordWidth > width) finish();
      if (!isSingleLine && line.length === 0 && wordWidth > width) {
        // A word wider than the line (a long URL): broken between characters.
        for (let at = index; at < end; at += 1) {
          const character = characters[at] as Character;
          if (line.length > 0 && lineWidthSoFar + character.width > width && !character.isSpace) finish();
          line.push(character);
          lineWidthSoFar += character.width;
        }
      } else {
        for (let at = index; at < end; at += 1) line.push(characters[at] as Character);
        lineWidthSoFar += withSpaces;
      }
      index = end;
    }
    if (line.length > 0 || lines.length === 0) finish();
    for (const each of lines) if (each.size === 0) each.size = fallbackSize;
    return lines;
  }

  /** Every character of the runs with its bidi level, font and width; invisible characters no font draws dropped. */
  private characters(runs: PdfRun[]): Character[] {
    const text = runs.map((run) => run.text).join("");
    const { levels, paragraphs } = embeddingLevels(text);
    const paragraphLevelAt = (index: number) =>
      paragraphs.find((paragraph) => index >= paragraph.start && index <= paragraph.end)?.level ?? 0;
    const characters: Character[] = [];
    let offset = 0;
    for (const run of runs) {
      let previous: Character | undefined;
      let index = 0;
      while (index < run.text.length) {
        const character = String.fromCodePoint(run.text.codePointAt(index) ?? 0);
        const level = levels?.[offset] ?? 0;
        const paragraphLevel = levels ? paragraphLevelAt(offset) : 0;
        // A grapheme cluster (a base and what joins it) is set whole in one font, so its width is what is drawn.
        const next = run.text.codePointAt(index + character.length);
        if (next !== undefined && JOINS_CLUSTER.test(String.fromCodePoint(next)) && character !== "\r") {
          const { end } = graphemeAt(run.text, index);
          const cluster = this.cluster(run.text.slice(index, end), run, level, paragraphLevel, previous);
          if (cluster) {
            characters.push(cluster);
            previous = cluster;
            offset += end - index;
            index = end;
            continue;
          }
        }
        offset += character.length;
        index += character.length;
        if (character === "\r") continue;
        if (character === "\n" || character === "\t") {
          const isBreak = character === "\n";
          const space = {
            text: isBreak ? "\n" : " ",
            level,
            paragraphLevel,
            run,
            // A run that starts with a break or a tab takes its face's font: an empty line is drawn in it.
            font: previous?.font ?? this.fontOf(" ", run),
            isSpace: !isBreak,
          };
          characters.push({ ...space, width: isBreak ? 0 : this.width(space.font, run, " ") });
          continue;
        }
        let font: string;
        if (PRINTABLE_ASCII.test(character) && (previous === undefined || PRINTABLE_ASCII.test(previous.text))) {
          font = this.fonts.fontFor(character, run.face);
        } else if (
          previous &&
          NEUTRAL.test(character) &&
          !isEmojiFont(previous.font) &&
          this.fonts.covers(previous.font, codePointOf(character))
        ) {
          // An emoji font's space is as wide as an emoji: the text around takes its spaces from its own font.
          font = previous.font;
        } else {
          font = this.fontOf(character, run);
          if (INVISIBLE.test(character) && !this.fonts.covers(font, codePointOf(character))) continue;
        }
        let drawn = character;
        if (!INVISIBLE.test(character) && !this.fonts.covers(font, codePointOf(character))) {
          // No embedded font has it: a visible stand-in (its compatibility form, or U+FFFD), listed by buildPdf.
          const substitute = this.fonts.substituteFor(character, run.face);
          drawn = substitute.text;
          font = substitute.font;
        }
        const entry: Character = {
          text: drawn,
          level,
          paragraphLevel,
          run,
          font,
          isSpace: character === " " || character === "\u3000",
          width: this.width(font, run, drawn),
        };
        characters.push(entry);
        previous = entry;
      }
    }
    return characters;
  }

  /**
   * A grapheme cluster of several code points as one character in the font that has them all (PdfFonts.fontForCluster),
   * preferring the text's font around a neutral base as single characters do; its NFC form if that is what a font has
   * (e + U+0301 as é). Undefined when no one font draws it: its code points are then set one by one.
   */
  private cluster(
    cluster: string,
    run: PdfRun,
    level: number,
    paragraphLevel: number,
    previous: Character | undefined,
  ): Character | undefined {
    for (const text of new Set([cluster, cluster.normalize("NFC")])) {
      const base = String.fromCodePoint(text.codePointAt(0) ?? 0);
      if (base === text) return undefined; // One code point: set as a single character is.
      const preferred = previous && NEUTRAL.test(base) && !isEmojiFont(previous.font) ? previous.font : undefined;
      const font = this.fonts.fontForCluster(text, run.face, preferred);
      if (!font) continue;
      const drawn = [...text]
        .filter((each) => !INVISIBLE.test(each) || this.fonts.covers(font, codePointOf(each)))
        .join("");
      const width = this.width(font, run, drawn);
      const overhang = level % 2 === 0 ? Math.max(0, this.inkRight(font, run, drawn) - width) : 0;
      return { text: drawn, level, paragraphLevel, run, font, isSpace: false, width: width + overhang, overhang };
    }
    return undefined;
  }

  /** How far right of its start the text's ink reaches, laid out in the font at the run's size, in points. */
  private inkRight(font: string, run: PdfRun, text: string): number {
    let inks = this.inks.get(font);
    if (!inks) {
      inks = new Map();
      this.inks.set(font, inks);
    }
    let ink = inks.get(text);
    if (ink === undefined) {
      ink = this.measureInk(font, text);
      inks.set(text, ink);
    }
    return (ink * run.size) / 1000;
  }

  /** How far right of its start the text's ink reaches in the font at 1000 points. */
  private measureInk(font: string, text: string): number {
    this.fonts.use(font);
    const open = (this.doc as unknown as { _font: { font: InkFont } })._font.font;
    const { glyphs, positions } = open.layout(text);
    let pen = 0;
    let right = 0;
    glyphs.forEach((glyph, index) => {
      const position = positions[index];
      if (Number.isFinite(glyph.bbox.maxX)) right = Math.max(right, pen + (position?.xOffset ?? 0) + glyph.bbox.maxX);
      pen += position?.xAdvance ?? 0;
    });
    return (right * 1000) / open.unitsPerEm;
  }

  private fontOf(character: string, run: PdfRun): string {
    return this.fonts.fontFor(character, run.face);
  }

  /** What pdfkit's widthOfString answers for one character in the font at the run's size and spacing, in points. */
  private width(font: string, run: PdfRun, text: string): number {
    let advances = this.advances.get(font);
    if (!advances) {
      advances = new Map();
      this.advances.set(font, advances);
    }
    let advance = advances.get(text);
    if (advance === undefined) {
      this.fonts.use(font);
      // The font's width of the text at 1000 points is its advance in 1000ths of an em, unscaled (× 1).
      advance = (this.doc as unknown as { _font: MeasuredFont })._font.widthOfString(text, 1000);
      advances.set(text, advance);
    }
    // pdfkit's own arithmetic (0.17 doc.widthOfString, size / 1000 then spacing), so a width is the same to the bit.
    return ((advance * (run.size / 1000) + (run.characterSpacing ?? 0) * (text.length - 1)) * 100) / 100;
  }

  /**
   * Each line of the runs as it is placed, left to right: its groups of one font, style and direction, each with the
   * text handed to pdfkit, the font, and where it starts and how wide it is (points, from options.x). For tests.
   */
  placedLines(runs: PdfRun[], options: SetOptions): { text: string; font: string; x: number; width: number }[][] {
    return this.lines(runs, options.width, options.isSingleLine ?? false).map((line) =>
      this.place(line, options).map(({ group, x, width }) => ({ text: group.text, font: group.font, x, width })),
    );
  }

  /** The line's groups in visual order, each with its left edge and width in points, as drawLine draws them. */
  private place(line: Line, options: SetOptions): { group: Group; x: number; width: number }[] {
    const characters = [...line.characters];
    while (characters.length > 0 && (characters.at(-1) as Character).isSpace) characters.pop();
    const isRightToLeft = (line.characters[0]?.paragraphLevel ?? 0) % 2 === 1;
    const groups = groupRuns(reorder(characters));
    const widths = groups.map((group) => this.groupWidth(group));
    const total = widths.reduce((sum, width) => sum + width, 0);
    const align = options.align ?? "start";
    const side = align === "start" ? (isRightToLeft ? "right" : "left") : align;
    let x = options.x;
    if (side === "right") x = options.x + options.width - total;
    else if (side === "center") x = options.x + (options.width - total) / 2;
    return groups.map((group, index) => {
      const width = widths[index] ?? 0;
      const placed = { group, x, width };
      x += width;
      return placed;
    });
  }

  private drawLine(line: Line, options: SetOptions): void {
    const { doc } = this;
    const top = doc.y;
    const baseline = top + line.size * ASCENT;
    for (const { group, x, width } of this.place(line, options)) {
      const { run } = group;
      const height = line.size * LINE_HEIGHT;
      if (run.tint) doc.save().rect(x, top, width, height).fill(run.tint).restore();
      this.fonts.use(group.font).fontSize(run.size).fillColor(run.colour);
      if (group.isShaped) this.fonts.mapLigaturesInVisualOrder(group.text);
      // What doc.text(text, x, baseline, { lineBreak: false, … }) does for one line without a break, less its
      // option copying and its measuring of the text again to move doc.x (set and drawLine place doc.x and doc.y).
      doc.x = x;
      doc.y = baseline;
      (doc as unknown as PdfKitText)._fragment(group.text, x, baseline, {
        lineBreak: false,
        baseline: "alphabetic",
        characterSpacing: run.characterSpacing ?? 0,
        ...(group.isShaped ? { features: [] } : {}),
      });
      if (run.link) doc.link(x, top, width, height, run.link);
      if (run.goTo) doc.goTo(x, top, width, height, run.goTo);
      if (run.underline) this.drawUnderline(run, x, baseline, width);
    }
    doc.y = top;
  }

  /**
   * The run's underline below its baseline. A wave is drawn as half-periods of cubic curves (amplitude a tenth of
   * the font size), each starting where the last ended, so neighbouring runs of one verdict join; dashes use the
   * PDF's own dash pattern, so a reader's renderer draws them crisply at any zoom.
   */
  private drawUnderline(run: PdfRun, x: number, baseline: number, width: number): void {
    const { doc } = this;
    const pattern: PdfUnderline =
      typeof run.underline === "object" ? run.underline : { style: "solid", colour: run.colour };
    const y = baseline + run.size * (pattern.style === "wavy" ? 0.16 : 0.12);
    doc
      .save()
      .lineWidth(Math.max(0.5, run.size / 16))
      .strokeColor(pattern.colour);
    if (pattern.style === "wavy") {
      const half = run.size * 0.22;
      const amplitude = run.size * 0.1;
      doc.moveTo(x, y);
      for (let start = x, up = true; start < x + width; start += half, up = !up) {
        const end = Math.min(start + half, x + width);
        const peak = up ? y - amplitude * 1.33 : y + amplitude * 1.33;
        doc.bezierCurveTo(start + (end - start) / 3, peak, start + ((end - start) * 2) / 3, peak, end, y);
      }
    } else {
      if (pattern.style === "dashed") doc.dash(run.size * 0.32, { space: run.size * 0.2 });
      doc.moveTo(x, y).lineTo(x + width, y);
    }
    doc.stroke().restore();
  }

  private groupWidth(group: Group): number {
    this.fonts.use(group.font).fontSize(group.run.size);
    return (
      this.doc.widthOfString(group.text, {
        characterSpacing: group.run.characterSpacing ?? 0,
        ...(group.isShaped ? { features: [] } : {}),
      }) + group.overhang
    );
  }
}

interface Group {
  text: string;
  font: string;
  run: PdfRun;
  /** Handed to fontkit whole, in logical order, to be shaped and laid out right to left. */
  isShaped: boolean;
  /** Points left clear after the group: its last character's overhang. */
  overhang: number;
}

/** fontkit's layout of a font pdfkit has open, with each glyph's outline box (font units). */
interface InkFont {
  unitsPerEm: number;
  layout(text: string): {
    glyphs: { bbox: { maxX: number } }[];
    positions: { xAdvance: number; xOffset: number }[];
  };
}

/** pdfkit's font in a document, as it measures text (0.17): the width of the text at a size, in points. */
interface MeasuredFont {
  widthOfString(text: string, size: number): number;
}

/** pdfkit's drawing of one line of text at a place (0.17), which its doc.text calls for each line. */
interface PdfKitText {
  _fragment(text: string, x: number, y: number, options: Record<string, unknown>): void;
}

/** fontkit's layout, as the setter asks it of a font pdfkit has open. */
interface LayoutFont {
  layout(text: string, features?: string[]): { glyphs: { codePoints: number[] }[] };
}

/** UAX #9 rule L2: from the highest level down to the lowest odd one, reverse every run at that level or higher. */
function reorder(characters: Character[]): Character[] {
  const visual = [...characters];
  let highest = 0;
  let lowestOdd = Number.POSITIVE_INFINITY;
  for (const { level } of visual) {
    if (level > highest) highest = level;
    if ((level | 1) < lowestOdd) lowestOdd = level | 1;
  }
  for (let level = highest; level >= lowestOdd; level -= 1) {
    let start = 0;
    while (start < visual.length) {
      if ((visual[start] as Character).level < level) {
        start += 1;
        continue;
      }
      let end = start;
      while (end < visual.length && (visual[end] as Character).level >= level) end += 1;
      const reversed = visual.slice(start, end).reverse();
      visual.splice(start, end - start, ...reversed);
      start = end;
    }
  }
  return visual;
}

/**
 * Visually adjacent characters of one run, font and direction, each as the text to hand pdfkit. Each right-to-left
 * script character at an even level (Arabic-Indic digits and their separators inside right-to-left text, UAX #9
 * class AN) is a group of its own: fontkit would lay a run of them out right to left by their script, undoing the
 * order L2 gave them.
 */
function groupRuns(visual: Character[]): Group[] {
  const groups: { characters: Character[]; isOdd: boolean }[] = [];
  const standsAlone = (character: Character) =>
    character.level % 2 === 0 && character.text >= "\u0590" && RIGHT_TO_LEFT_SCRIPT.test(character.text);
  for (const character of visual) {
    const last = groups.at(-1);
    const isOdd = character.level % 2 === 1;
    const previous = last?.characters.at(-1);
    if (
      last &&
      previous &&
      previous.run === character.run &&
      previous.font === character.font &&
      last.isOdd === isOdd &&
      !previous.overhang &&
      !standsAlone(previous) &&
      !standsAlone(character)
    ) {
      last.characters.push(character);
    } else {
      groups.push({ characters: [character], isOdd });
    }
  }
  bidi ??= bidiFactory();
  const mirror = bidi;
  return groups.map(({ characters, isOdd }) => {
    const first = characters[0] as Character;
    const overhang = characters.at(-1)?.overhang ?? 0;
    if (!isOdd) {
      const text = characters.map((character) => character.text).join("");
      return { text, font: first.font, run: first.run, isShaped: false, overhang };
    }
    // A cluster's base is mirrored ("(" with a mark over it), its marks kept after it.
    const mirrored = characters.map((character) => {
      const base = String.fromCodePoint(character.text.codePointAt(0) ?? 0);
      return (mirror.getMirroredCharacter(base) ?? base) + character.text.slice(base.length);
    });
    const logical = [...mirrored].reverse().join("");
    // fontkit lays out a run with right-to-left letters right to left itself; anything else is drawn as ordered here.
    return RIGHT_TO_LEFT_SCRIPT.test(logical)
      ? { text: logical, font: first.font, run: first.run, isShaped: true, overhang }
      : { text: mirrored.join(""), font: first.font, run: first.run, isShaped: false, overhang };
  });
}

/**
 * The bidi levels of the text's characters (by UTF-16 index) and its paragraphs' levels, as bidi-js resolves them;
 * no levels (every one 0) for text with no character that could raise one (MAY_NEED_BIDI).
 */
function embeddingLevels(text: string): {
  levels: Uint8Array | null;
  paragraphs: { start: number; end: number; level: number }[];
} {
  if (!MAY_NEED_BIDI.test(text)) return { levels: null, paragraphs: [] };
  bidi ??= bidiFactory();
  return bidi.getEmbeddingLevels(text);
}

/**
 * A new page that carries on whatever structure element is being drawn: pdfkit closes the open marked content on
 * the old page and opens it again on the new one (plain addPage leaves the new page's text untagged).
 */
export function continueOnNewPage(doc: PDFKit.PDFDocument): void {
  (doc as unknown as { continueOnNewPage(): void }).continueOnNewPage();
}

function lineWidth(characters: Character[]): number {
  let end = characters.length;
  while (end > 0 && (characters[end - 1] as Character).isSpace) end -= 1;
  let width = 0;
  for (let index = 0; index < end; index += 1) width += (characters[index] as Character).width;
  return width;
}

function codePointOf(character: string): number {
  return character.codePointAt(0) ?? 0;
}
