/**
 * Grapheme clusters — the characters a reader sees (UAX #29: "é" written as "e" + U+0301, a family
 * emoji joined by ZWJ, an emoji with its skin tone, a flag, a Hangul syllable written in jamo) —
 * found at UTF-16 code unit offsets, as the text projection counts them.
 *
 * Only a small window around the offset is segmented. Intl.Segmenter costs more than linear time on
 * long strings (16,000 code units take about 60 ms in Node 20), so segmenting a 300 KB article to
 * check one claim is out of the question. Most rules of UAX #29 look only at the code points either
 * side of a position; three look further back (an emoji ZWJ sequence, GB11; the pairing of regional
 * indicators in a run of flags, GB12/13; Indic conjuncts, GB9c), and only across a run of extending
 * characters (combining marks, ZWJ, skin tones) or regional indicators. So a window starts on a
 * character that is none of these, or on the first half of a flag (counted from the start of its
 * run, however long): from there on the segmenter sees everything a rule looks at, and the
 * boundaries it finds inside the window are the whole text's. A window grows until the cluster asked
 * about lies wholly inside it, up to MAX_REACH code units either side: a longer cluster (one letter
 * carrying a thousand combining marks, which no writing system needs) is cut at that reach.
 */

/** A range of the text, in UTF-16 code units: [start, end). */
export interface GraphemeRange {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter("und", { granularity: "grapheme" });

/** Characters that can continue a cluster begun before them, whatever lies between (see above). */
const CONTINUING_AT = /[\p{Grapheme_Extend}\p{Emoji_Modifier}\p{Regional_Indicator}\u200D]/uy;

/** How far a first window reaches either side of the offset: several times the longest emoji sequence. */
const INITIAL_REACH = 32;
/** How far a window may reach either side before a cluster is cut there. */
const MAX_REACH = 1024;
/** How far ahead a window of createGraphemeBoundaryCheck reaches, to answer the offsets that follow. */
const WINDOW_AHEAD = 256;

/**
 * The grapheme cluster that holds the code unit at `offset` (0 <= offset < text.length), as a range
 * of UTF-16 code units.
 */
export function graphemeAt(text: string, offset: number): GraphemeRange {
  for (let reach = INITIAL_REACH; ; reach *= 2) {
    const windowStart = settledStartBefore(text, offset - reach, offset - MAX_REACH);
    const windowEnd = Math.min(text.length, offset + reach);
    const segment = segmenter.segment(text.slice(windowStart, windowEnd)).containing(offset - windowStart);
    if (!segment) return { start: offset, end: offset + 1 }; // Unreachable for 0 <= offset < text.length.
    const start = windowStart + segment.index;
    const end = start + segment.segment.length;
    // A cluster touching a window's edge may go on past it: look again with a wider window.
    const isCutBefore = start === windowStart && windowStart > 0;
    const isCutAfter = end === windowEnd && windowEnd < text.length;
    if ((!isCutBefore && !isCutAfter) || reach >= MAX_REACH) return { start, end };
  }
}

/**
 * Whether `offset` (UTF-16 code units) lies between two grapheme clusters, so a range may start or
 * end there without splitting a character. 0 and text.length are boundaries; offsets outside the
 * text are not.
 */
export function isGraphemeBoundary(text: string, offset: number): boolean {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return false;
  if (offset === 0 || offset === text.length) return true;
  const pairwise = boundaryByNeighbours(text, offset);
  return pairwise ?? graphemeAt(text, offset).start === offset;
}

/**
 * isGraphemeBoundary for many offsets of one text, as checking every occurrence of a quote needs:
 * where the neighbours do not settle it, it segments a window reaching a little back and further
 * ahead, and answers the following offsets that fall inside that window from it.
 */
export function createGraphemeBoundaryCheck(text: string): (offset: number) => boolean {
  let window: { start: number; end: number; boundaries: Set<number> } | undefined;
  const memo: RegionalRunMemo = {};
  return (offset) => {
    if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return false;
    if (offset === 0 || offset === text.length) return true;
    const settled = boundaryByNeighbours(text, offset, memo);
    if (settled !== undefined) return settled;
    // Every boundary strictly inside a window that starts on a settled character is the text's own.
    if (!window || offset <= window.start || offset >= window.end) {
      const start = settledStartBefore(text, offset - INITIAL_REACH, offset - MAX_REACH);
      const end = Math.min(text.length, offset + WINDOW_AHEAD);
      const boundaries = new Set<number>();
      for (const segment of segmenter.segment(text.slice(start, end))) boundaries.add(start + segment.index);
      window = { start, end, boundaries };
    }
    return window.boundaries.has(offset);
  };
}

/**
 * The answer of UAX #29 at `offset` when the code points either side settle it, else undefined.
 * Checking a quote's every occurrence in a long article must not segment once per occurrence, and
 * almost every position is settled here: between two letters, digits, marks of punctuation, symbols
 * or spaces nothing joins (GB999); before an extending character everything does (GB9); Hangul
 * parts join by their types (GB6-GB8); flags pair up by counting the regional indicators before
 * them (GB12/13).
 */
function boundaryByNeighbours(text: string, offset: number, memo: RegionalRunMemo = {}): boolean | undefined {
  const beforeCode = text.charCodeAt(offset - 1);
  const afterCode = text.charCodeAt(offset);
  if (isHighSurrogate(beforeCode) && isLowSurrogate(afterCode)) return false;
  if (beforeCode === LINE_FEED) return true;
  if (afterCode === LINE_FEED) return beforeCode !== CARRIAGE_RETURN;
  const isPair = isLowSurrogate(beforeCode) && offset >= 2 && isHighSurrogate(text.charCodeAt(offset - 2));
  const before = isPair ? offset - 2 : offset - 1;
  // Before an extending character nothing breaks, unless a control character precedes it (GB4).
  if (matchesAt(EXTENDING_AT, text, offset)) return matchesAt(CONTROL_AT, text, before) ? undefined : false;
  const isBeforeRegional = isRegionalIndicatorAt(text, before);
  const isAfterRegional = isRegionalIndicatorAt(text, offset);
  if (isBeforeRegional && isAfterRegional) return (offset - regionalRunStart(text, offset, memo)) % 4 === 0;
  const beforeHangul = hangulTypeOf(text.charCodeAt(before));
  const afterHangul = hangulTypeOf(afterCode);
  if (beforeHangul && afterHangul) return !HANGUL_JOINS[beforeHangul].includes(afterHangul);
  const isBeforePlain = isBeforeRegional || beforeHangul !== undefined || matchesAt(PLAIN_AT, text, before);
  const isBeforeExtend = !isBeforePlain && matchesAt(EXTEND_AT, text, before);
  const isAfterPlain = matchesAt(PLAIN_AT, text, offset);
  // Only an Indic consonant joins what ends in a combining mark (GB9c), and only ZWJ an emoji (GB11).
  const mayJoinConjunct = afterCode > 0x7f && matchesAt(LETTER_AT, text, offset);
  if (isAfterPlain || isAfterRegional || afterHangul) {
    if (isBeforePlain) return true;
    if (isBeforeExtend && !mayJoinConjunct) return true;
  }
  return undefined;
}

/**
 * The range [start, end) widened to whole grapheme clusters: a start inside a cluster moves back to
 * its beginning, an end inside one forward to its end. Offsets are UTF-16 code units, clamped to the
 * text; the caller guarantees start <= end.
 */
export function snapToGraphemes(text: string, start: number, end: number): GraphemeRange {
  const from = clamp(start, text.length);
  const to = clamp(end, text.length);
  return {
    start: isGraphemeBoundary(text, from) ? from : graphemeAt(text, from).start,
    end: isGraphemeBoundary(text, to) ? to : graphemeAt(text, to).end,
  };
}

const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Grapheme_Cluster_Break=Extend: combining marks, skin tones, variation selectors (GB9). */
const EXTEND_AT = /[\p{Grapheme_Extend}\p{Emoji_Modifier}]/uy;
/** Extend or ZWJ: never starts a cluster, unless it follows a control character. */
const EXTENDING_AT = /[\p{Grapheme_Extend}\p{Emoji_Modifier}\u200d]/uy;
/** Controls and format characters (the latter include Prepend): left to the segmenter. */
const CONTROL_AT = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/uy;
const LETTER_AT = /\p{L}/uy;
/**
 * Code points that no rule of UAX #29 joins to a neighbour of the same kind: letters (in the Basic
 * Multilingual Plane, or Han), digits, punctuation, symbols (emoji included) and spaces; not Hangul,
 * whose jamo join, nor regional indicators, nor the few letters that are Prepend (U+0D4E) or
 * SpacingMark (U+0E33, U+0EB3).
 */
const PLAIN_AT =
  /(?![\p{Regional_Indicator}\p{Emoji_Modifier}\p{Grapheme_Extend}\u0d4e\u0e33\u0eb3\u1100-\u11ff\ua960-\ua97f\uac00-\ud7ff])(?:(?=[\0-\uffff])[\p{L}\p{N}\p{P}\p{S}\p{Zs}]|[\p{N}\p{P}\p{S}\p{Script=Han}])/uy;

type HangulType = "L" | "V" | "T" | "LV" | "LVT";

/** Which Hangul parts may follow each (GB6-GB8): a syllable is L V (T), written whole or in jamo. */
const HANGUL_JOINS: Record<HangulType, HangulType[]> = {
  L: ["L", "V", "LV", "LVT"],
  V: ["V", "T"],
  LV: ["V", "T"],
  T: ["T"],
  LVT: ["T"],
};

/** The Hangul_Syllable_Type of a BMP code unit (all Hangul is in the BMP), or undefined. */
function hangulTypeOf(code: number): HangulType | undefined {
  if ((code >= 0x1100 && code <= 0x115f) || (code >= 0xa960 && code <= 0xa97c)) return "L";
  if ((code >= 0x1160 && code <= 0x11a7) || (code >= 0xd7b0 && code <= 0xd7c6)) return "V";
  if ((code >= 0x11a8 && code <= 0x11ff) || (code >= 0xd7cb && code <= 0xd7fb)) return "T";
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 === 0 ? "LV" : "LVT";
  return undefined;
}

function matchesAt(pattern: RegExp, text: string, index: number): boolean {
  pattern.lastIndex = index;
  return pattern.test(text);
}

/** The run of regional indicators last walked through: [start, end), `start` where the run begins. */
interface RegionalRunMemo {
  run?: { start: number; end: number };
}

/**
 * Where the run of regional indicators that ends at `offset` begins: flags pair up from there
 * (GB12/13), however long the run. A walk back through the run, cut short by the run the memo holds,
 * so checking offsets in order through a long run of flags walks it once.
 */
function regionalRunStart(text: string, offset: number, memo: RegionalRunMemo = {}): number {
  const known = memo.run;
  let at = offset;
  while (at >= 2 && isRegionalIndicatorAt(text, at - 2)) {
    at -= 2;
    if (known && at >= known.start && at <= known.end && (at - known.start) % 2 === 0) {
      at = known.start;
      break;
    }
  }
  memo.run = { start: at, end: offset };
  return at;
}

function clamp(offset: number, length: number): number {
  return Math.max(0, Math.min(Math.trunc(offset), length));
}

/**
 * The nearest offset at or before `from` where a window may start (see the top of this file): on a
 * code point that continues nothing before it. Walks back at most to `floor`.
 */
function settledStartBefore(text: string, from: number, floor: number): number {
  const limit = Math.max(0, floor);
  let start = Math.max(0, from);
  while (start > limit) {
    // Flags pair up from the start of their run: start on a flag's first half, and the pairs are the text's.
    if (isRegionalIndicatorAt(text, start))
      return (start - regionalRunStart(text, start)) % 4 === 0 ? start : start - 2;
    const code = text.charCodeAt(start);
    const isLowSurrogateOfPair = isLowSurrogate(code) && isHighSurrogate(text.charCodeAt(start - 1));
    if (!isLowSurrogateOfPair) {
      CONTINUING_AT.lastIndex = start;
      if (!CONTINUING_AT.test(text)) return start;
    }
    start -= 1;
  }
  return start;
}

/** Whether a regional indicator (U+1F1E6-U+1F1FF, one half of a flag) starts at `index`. */
function isRegionalIndicatorAt(text: string, index: number): boolean {
  const low = text.charCodeAt(index + 1);
  return text.charCodeAt(index) === 0xd83c && low >= 0xdde6 && low <= 0xddff;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
