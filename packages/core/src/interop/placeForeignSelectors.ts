import { anchor } from "../anchoring/anchor";
import { matchQuote } from "../anchoring/matchQuote";
import { REANCHOR_THRESHOLDS, reanchor, type SearchBudget } from "../anchoring/reanchor";
import { rankWithPosition, scoreQuoteMatch } from "../anchoring/scoreQuoteMatch";
import { selectorsForRange } from "../anchoring/selectorsForRange";
import type { Selectors, TextPosition } from "../anchoring/types";
import { type CodePointOffsets, codePointOffsets } from "../text/codePointOffsets";
import { isGraphemeBoundary, snapToGraphemes } from "../text/graphemeBoundaries";
import type { NormalizedText } from "../text/normalizeWithOffsets";
import { type ForeignRangeEnd, type ForeignSelectors, quoteForMessage } from "./foreignSelectors";

/**
 * Where a foreign annotation lands in an article, and why, in words for the import's answer:
 * - `anchored`: on these selectors (UTF-16 offsets into the text, its own spelling of the quote); with
 *   `isAnchorUnconfirmed` when the quote was not there word for word and a close match was taken;
 * - `orphaned`: its quote is not in the text (or not in one place): to be kept with its quote, for a reviewer to
 *   attach; `reason` says why, not what was done (the caller says that: an orphan is stored, or a strict import
 *   stores nothing);
 * - `unplaceable`: a position alone that does not fit the text, with no quote to keep.
 */
/** How many occurrences of a quote are ranked: past that, a quote is too common for its context to tell them apart. */
const MAX_RANKED_OCCURRENCES = 1_000;

export type ForeignPlacement =
  | { outcome: "anchored"; selectors: Selectors; isAnchorUnconfirmed: boolean; reason: string }
  | { outcome: "orphaned"; selectors: Selectors; reason: string }
  | { outcome: "unplaceable"; reason: string };

export interface PlaceForeignOptions {
  /** The text's code point converter, when the caller places many annotations on one text. */
  offsets?: CodePointOffsets;
  /** The text normalised (normalizeWithOffsets), when the caller places many annotations on one text. */
  normalized?: NormalizedText;
  /** The text lower-cased, when the caller places many annotations on one text (reanchor's caseless step). */
  lowerCaseText?: () => string;
  /** What the close-match searches of one import may cost together (see reanchor's SearchBudget). */
  searchBudget?: SearchBudget;
  /**
   * Factmark exported it as an orphan (its `orphaned` term): a quote is kept as an orphan again, never placed anew
   * (it was not on its words when it was exported; a look-alike passage is not its place).
   */
  isMarkedOrphaned?: boolean;
}

/**
 * Places a foreign annotation's selectors on `text`, the way Hypothesis anchors: the position (counted in code
 * points, as the W3C model does) when it holds the quote; else the QUOTE wins — the one occurrence of it that
 * prefix and suffix allow (matchQuote), else, of all its occurrences, the one whose context agrees best
 * (scoreQuoteMatch, as reanchor scores), nearest the position (rankWithPosition); else a close match (reanchor's
 * fuzzy step and its checks, thresholds in REANCHOR_THRESHOLDS); else orphaned. A web page's positions and context
 * count no line breaks between paragraphs ("no.The envoy"), so they disagree with Factmark's text after the first
 * one: that is why a disagreeing position is only a hint, and context is scored rather than required. A quote that
 * occurs several times with nothing (no position, no better context) to choose is orphaned, never guessed. A position
 * alone is taken as it is, widened to whole characters.
 */
export function placeForeignSelectors(
  text: string,
  selectors: ForeignSelectors,
  options: PlaceForeignOptions = {},
): ForeignPlacement {
  const offsets = options.offsets ?? codePointOffsets(text);
  const withOffsets = { ...options, offsets };
  if (options.isMarkedOrphaned && selectors.quote) {
    const { quote } = selectors;
    return {
      outcome: "orphaned",
      selectors: {
        position: { start: 0, end: 0 },
        quote: { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "" },
      },
      reason:
        'It is marked orphaned (Factmark\'s "orphaned" term): its quote was not on its words when it was exported, so it is not placed anew.',
    };
  }
  if (!selectors.position && selectors.paragraph) {
    const position = paragraphPosition(text, offsets, selectors.paragraph);
    if (typeof position === "string") {
      if (!selectors.quote) return { outcome: "unplaceable", reason: position };
    } else {
      const placed = placeForeignSelectors(text, { ...selectors, paragraph: undefined, position }, withOffsets);
      return {
        ...placed,
        reason: `In paragraph ${selectors.paragraph.index + 1}, as its XPath names it: ${lowerFirst(placed.reason)}`,
      } as ForeignPlacement;
    }
  }
  if (!selectors.position && !selectors.quote && selectors.range) {
    return placeRange(text, selectors.range, withOffsets);
  }
  return inWholeCharacters(text, placeQuoteAndPosition(text, selectors, withOffsets));
}

/**
 * A RangeSelector placed from where its start selector's match starts to where its end selector's match ends: each
 * end placed as a selector of its own; an end quote that occurs more than once is taken at its first occurrence
 * after the start.
 */
function placeRange(
  text: string,
  range: { start: ForeignRangeEnd; end: ForeignRangeEnd },
  options: PlaceForeignOptions & { offsets: CodePointOffsets },
): ForeignPlacement {
  const from = placeQuoteAndPosition(text, range.start, options);
  if (from.outcome !== "anchored") {
    return {
      outcome: "unplaceable",
      reason: `Its RangeSelector's start could not be placed: ${lowerFirst(from.reason)}`,
    };
  }
  const start = from.selectors.position.start;
  let end: number | undefined;
  const to = placeQuoteAndPosition(text, range.end, options);
  if (to.outcome === "anchored" && to.selectors.position.end > start) end = to.selectors.position.end;
  else if (range.end.quote) {
    const after = matchQuote(text, { exact: range.end.quote.exact }, { normalized: options.normalized }).find(
      (candidate) => candidate.start >= start,
    );
    end = after?.end;
  }
  if (end === undefined) {
    return {
      outcome: "unplaceable",
      reason: `Its RangeSelector's end could not be placed after its start: ${lowerFirst(to.reason)}`,
    };
  }
  const whole = snapToGraphemes(text, start, end);
  return {
    outcome: "anchored",
    selectors: selectorsForRange(text, whole.start, whole.end),
    isAnchorUnconfirmed: false,
    reason: "Anchored from where its RangeSelector's start selector matches to where its end selector's match ends.",
  };
}

/** A paragraph's position (code points inside the nth line of the text) in code points of the whole text. */
function paragraphPosition(
  text: string,
  offsets: CodePointOffsets,
  paragraph: { index: number; start: number; end: number },
): TextPosition | string {
  let lineStart = 0;
  for (let line = 0; line < paragraph.index; line++) {
    const next = text.indexOf("\n", lineStart);
    if (next === -1) {
      return `Its XPath names paragraph ${paragraph.index + 1}, and the article has ${line + 1}.`;
    }
    lineStart = next + 1;
  }
  const lineEnd = text.indexOf("\n", lineStart) === -1 ? text.length : text.indexOf("\n", lineStart);
  const first = offsets.toCodePoints(lineStart);
  const length = offsets.toCodePoints(lineEnd) - first;
  if (paragraph.end > length) {
    return `Its position ${paragraph.start}–${paragraph.end} is outside paragraph ${paragraph.index + 1}, which has ${length} characters.`;
  }
  return { start: first + paragraph.start, end: first + paragraph.end };
}

function lowerFirst(text: string): string {
  return text.length > 0 ? `${text[0]?.toLowerCase()}${text.slice(1)}` : text;
}

/**
 * An anchored placement whose range starts or ends inside a character (between 👍 and its skin tone, inside a
 * surrogate pair) widened to whole characters (snapToGraphemes, as a position alone is): a claim never ends
 * inside what a reader sees as one character.
 */
function inWholeCharacters(text: string, placement: ForeignPlacement): ForeignPlacement {
  if (placement.outcome !== "anchored") return placement;
  const { start, end } = placement.selectors.position;
  if (isGraphemeBoundary(text, start) && isGraphemeBoundary(text, end)) return placement;
  const whole = snapToGraphemes(text, start, end);
  return {
    ...placement,
    selectors: selectorsForRange(text, whole.start, whole.end),
    reason: `${placement.reason.replace(/\.$/, "")}, widened to whole characters (it split one).`,
  };
}

/** placeForeignSelectors for a quote, a position in code points of the whole text, or both. */
function placeQuoteAndPosition(
  text: string,
  selectors: { quote?: ForeignSelectors["quote"]; position?: TextPosition },
  options: PlaceForeignOptions & { offsets: CodePointOffsets },
): ForeignPlacement {
  const { offsets } = options;
  const { quote, position } = selectors;
  const utf16 = position ? toUtf16Range(offsets, position) : undefined;
  const described = position ? `${position.start}–${position.end}` : "";

  if (!quote) {
    if (!position || !utf16) {
      return {
        outcome: "unplaceable",
        reason: `Its position ${described} (in code points) is outside the article's text (0–${offsets.length}), and it gives no quote to find it by.`,
      };
    }
    const whole =
      isGraphemeBoundary(text, utf16.start) && isGraphemeBoundary(text, utf16.end)
        ? utf16
        : snapToGraphemes(text, utf16.start, utf16.end);
    const placed = anchor(text, { position: whole });
    if (!placed.ok) return { outcome: "unplaceable", reason: placed.message };
    const widened = whole.start !== utf16.start || whole.end !== utf16.end ? ", widened to whole characters" : "";
    return {
      outcome: "anchored",
      selectors: placed.selectors,
      isAnchorUnconfirmed: false,
      reason: `Anchored at its position (it gives no quote)${widened}.`,
    };
  }

  // Compared here first: anchor() recounts a disagreeing position in the normalised text, which costs the whole text.
  if (utf16 && isSameText(text.slice(utf16.start, utf16.end), quote.exact)) {
    const placed = anchor(text, { position: utf16, quote });
    if (placed.ok) {
      return {
        outcome: "anchored",
        selectors: placed.selectors,
        isAnchorUnconfirmed: false,
        reason: "Anchored at its position, where its quote is.",
      };
    }
  }
  const why = !position
    ? "Placed by its quote (it gives no position)"
    : utf16
      ? `Its position ${described} (in code points) holds other text (${quoteForMessage(text.slice(utf16.start, utf16.end))}), so it was placed by its quote`
      : `Its position ${described} (in code points) is outside the article's text, so it was placed by its quote`;

  const kept: Selectors = {
    position: utf16 ?? { start: 0, end: 0 },
    quote: { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "" },
  };
  const candidates = matchQuote(
    text,
    { exact: quote.exact },
    { limit: MAX_RANKED_OCCURRENCES, normalized: options.normalized },
  );
  if (candidates.length === 1 && candidates[0]) {
    const { start, end } = candidates[0];
    return {
      outcome: "anchored",
      selectors: selectorsForRange(text, start, end),
      isAnchorUnconfirmed: false,
      reason: `${why}, which occurs there once.`,
    };
  }
  // Its context may be spelled another way (a web page joins paragraphs with no break): every occurrence of the
  // exact quote is ranked by how well its context agrees, then by nearness to the position, as reanchor ranks them.
  const ranked = candidates
    .map(({ start, end }) => {
      const match = scoreQuoteMatch(text, kept.quote, start, end, 0);
      return {
        start,
        end,
        score: match.score,
        rank: utf16 ? rankWithPosition(match, utf16.start, text.length) : match.score,
      };
    })
    .sort((a, b) => b.rank - a.rank);
  const [best, second] = ranked;
  if (best && (utf16 || !second || best.score > second.score)) {
    return {
      outcome: "anchored",
      selectors: selectorsForRange(text, best.start, best.end),
      isAnchorUnconfirmed: false,
      reason: `${why}; of its ${candidates.length} occurrences, the one whose surrounding text agrees best with its prefix and suffix${utf16 ? ", nearest its position" : ""}.`,
    };
  }
  if (best) {
    return {
      outcome: "orphaned",
      selectors: kept,
      reason: "Its quote occurs more than once and its prefix and suffix do not say which.",
    };
  }
  const found = reanchor(kept, text, {
    expectedStart: utf16?.start ?? 0,
    searchBudget: options.searchBudget,
    lowerCaseText: options.lowerCaseText,
  });
  if (found.status === "exact" || found.status === "moved") {
    return {
      outcome: "anchored",
      selectors: found.selectors,
      isAnchorUnconfirmed: false,
      reason: `${why}; of its occurrences, the one whose surrounding text agrees best with its prefix and suffix.`,
    };
  }
  if (found.status === "fuzzy") {
    const { start, end } = found.selectors.position;
    return {
      outcome: "anchored",
      selectors: found.selectors,
      isAnchorUnconfirmed: true,
      reason: `Its quote is not in the article word for word; anchored on the closest match, ${quoteForMessage(text.slice(start, end))}, for a reviewer to confirm.`,
    };
  }
  return {
    outcome: "orphaned",
    selectors: kept,
    reason:
      found.status === "orphaned" && found.reason === "search_too_costly"
        ? "Its quote does not occur in the article word for word, and searching for a close match would cost more than this import allows."
        : (describeChangedFigure(text, quote.exact, options.searchBudget) ?? describeNoCloseMatch(quote.exact)),
  };
}

/** A figure: digits, with decimal or thousands separators, and a percent sign. */
const FIGURE = /\d+(?:[.,]\d+)*%?/g;
/** Past this length a quote is not searched again with its figures left open (the pattern grows with it). */
const MAX_FIGURE_SEARCH_LENGTH = 2_000;

/**
 * Why a quote with figures is not anchored where the article says the same but for a figure ("crime fell by 13%"
 * for "crime fell by 12%"): a changed figure is a different claim (reanchor's checkSameStatement refuses it too),
 * however close the words. Undefined when no passage differs from the quote only in its figures, or, for a quote
 * that is figures alone, when the article has more than one figure to compare it with, or when the import's search
 * budget is spent.
 */
function describeChangedFigure(text: string, exact: string, budget?: SearchBudget): string | undefined {
  if (exact.length > MAX_FIGURE_SEARCH_LENGTH) return undefined;
  const figures = exact.match(FIGURE);
  if (!figures) return undefined;
  // One scan of the text, paid from the import's search budget (a unit a character, far below a fuzzy step's cost):
  // twenty thousand orphans with figures on a long article must not scan it twenty thousand times.
  if (budget) {
    if (budget.remaining < text.length) return undefined;
    budget.remaining -= text.length;
  }
  const words = exact.split(FIGURE);
  const escapeRegExp = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(words.map(escapeRegExp).join("(\\d+(?:[.,]\\d+)*%?)"), "g");
  const isFiguresAlone = words.join("").trim().length === 0;
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0 || (isFiguresAlone && matches.length > 1)) return undefined;
  const [match] = matches;
  if (!match) return undefined;
  const index = figures.findIndex((figure, i) => match[i + 1] !== figure);
  if (index === -1) return undefined;
  return `Its quote is not in the article word for word, and where the article comes closest (${quoteForMessage(match[0])}) a figure differs (${match[index + 1]} where the quote has ${figures[index]}): a changed figure is a different claim, so it is not anchored there.`;
}

/** Why no close match was taken, in words: how many characters may differ, and what a short quote needs besides. */
function describeNoCloseMatch(exact: string): string {
  const length = exact.length;
  const maxErrors = Math.floor(length * (1 - REANCHOR_THRESHOLDS.minQuoteScore));
  const allowed =
    maxErrors === 0
      ? `a quote of ${length} characters must be found exactly`
      : `a close match may differ from a quote of ${length} characters in at most ${maxErrors} of them`;
  const short =
    length < REANCHOR_THRESHOLDS.shortQuoteLength
      ? `, and for a quote this short (under ${REANCHOR_THRESHOLDS.shortQuoteLength} characters) the words around it must agree too`
      : "";
  return `Its quote does not occur in the article, nor does anything close enough: ${allowed}${short}.`;
}

/** Whether two spellings are the same text to a reader: equal once both are in NFC (as anchor compares them). */
function isSameText(left: string, right: string): boolean {
  return left === right || left.normalize("NFC") === right.normalize("NFC");
}

/** The UTF-16 range of a code point range, or undefined when it is not inside the text. */
function toUtf16Range(offsets: CodePointOffsets, position: TextPosition): TextPosition | undefined {
  const start = offsets.toUtf16(position.start);
  const end = offsets.toUtf16(position.end);
  return start === undefined || end === undefined || start > end ? undefined : { start, end };
}
