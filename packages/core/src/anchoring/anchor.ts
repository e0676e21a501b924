import { normalizeWithOffsets } from "../text/normalizeWithOffsets";
import { matchQuote } from "./matchQuote";
import { selectorsForRange } from "./selectorsForRange";
import type { Selectors, TextPosition, TextQuote } from "./types";

/** What a client may send to place a claim: a position, a quote, or both. */
export interface SelectorInput {
  position?: TextPosition;
  quote?: Partial<TextQuote> & { exact: string };
}

/**
 * How many occurrences of an ambiguous quote are listed. The search stops after one more: the answer
 * is the same, and checking each of a short quote's thousands of occurrences costs time for nothing.
 */
export const MAX_LISTED_OCCURRENCES = 100;

export type AnchorFailure =
  | { reason: "out_of_range"; message: string }
  | { reason: "empty"; message: string }
  | { reason: "quote_mismatch"; message: string; actual: string }
  | { reason: "not_found"; message: string }
  | { reason: "ambiguous"; message: string; occurrences: number[] };

export type AnchorResult = { ok: true; selectors: Selectors } | ({ ok: false } & AnchorFailure);

/**
 * Places selectors on `text` exactly, as a new claim needs: the position must hold the quote when
 * both are given; a quote alone must occur once (prefix and suffix narrow it down).
 * Returns both selectors filled in, or why the selectors do not fit the text.
 *
 * Quotes are compared as a reader reads them, in Unicode normalisation form C (see matchQuote): a
 * quote spelled "e" + U+0301 fits a text that has "é". A position and a quote fit when the position
 * holds the quote in the text's offsets, or, failing that, in the offsets of the normalised text
 * (a client that counted over NFC text). Either way the selectors returned are the text's own:
 * positions are UTF-16 code units into `text`, and the quote is `text.slice(start, end)`.
 * Whether a range splits a character is the caller's to check (isGraphemeBoundary).
 */
export function anchor(text: string, input: SelectorInput): AnchorResult {
  const { position, quote } = input;
  if (position) {
    const { start, end } = position;
    if (start < 0 || end > text.length || start > end) {
      return fail({
        reason: "out_of_range",
        message: `Position ${start}-${end} is outside the article's text (0-${text.length}).`,
      });
    }
    const actual = text.slice(start, end);
    if (quote && !isSameText(actual, quote.exact)) {
      const counted = positionInNormalizedText(text, position, quote.exact);
      if (counted) return describeNonEmpty(text, counted.start, counted.end);
      return fail({
        reason: "quote_mismatch",
        message: "The quoted text is not at the given position in the article.",
        actual,
      });
    }
    return describeNonEmpty(text, start, end);
  }
  if (!quote) return fail({ reason: "empty", message: "Give a position, a quote, or both." });
  const occurrences = matchQuote(text, quote, { limit: MAX_LISTED_OCCURRENCES + 1 });
  const [first] = occurrences;
  if (!first) {
    return fail({ reason: "not_found", message: "The quoted text does not occur in the article." });
  }
  if (occurrences.length > 1) {
    const count =
      occurrences.length > MAX_LISTED_OCCURRENCES ? `more than ${MAX_LISTED_OCCURRENCES}` : `${occurrences.length}`;
    return fail({
      reason: "ambiguous",
      message: `The quoted text occurs ${count} times; add a prefix, a suffix or a position to say which.`,
      occurrences: occurrences.slice(0, MAX_LISTED_OCCURRENCES).map((occurrence) => occurrence.start),
    });
  }
  return describeNonEmpty(text, first.start, first.end);
}

/** Whether two spellings are the same text to a reader: equal once both are in NFC. */
function isSameText(left: string, right: string): boolean {
  return left === right || left.normalize("NFC") === right.normalize("NFC");
}

/**
 * The range of `text` that `position`, counted in the offsets of the normalised text, covers, when it
 * holds `exact` there; null when it does not, or when the text is in NFC already (nothing to recount).
 */
function positionInNormalizedText(text: string, position: TextPosition, exact: string): TextPosition | null {
  const normalized = normalizeWithOffsets(text);
  if (normalized.isUnchanged) return null;
  if (normalized.text.slice(position.start, position.end) !== exact.normalize("NFC")) return null;
  const start = normalized.toOriginal(position.start);
  const end = normalized.toOriginal(position.end);
  return start === null || end === null ? null : { start, end };
}

function describeNonEmpty(text: string, start: number, end: number): AnchorResult {
  if (text.slice(start, end).trim().length === 0) {
    return fail({ reason: "empty", message: "The selection holds no text." });
  }
  return { ok: true, selectors: selectorsForRange(text, start, end) };
}

function fail(failure: AnchorFailure): AnchorResult {
  return { ok: false, ...failure };
}
