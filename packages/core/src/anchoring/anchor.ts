import { describe } from "./describe";
import { matchQuote } from "./matchQuote";
import type { Selectors, TextPosition, TextQuote } from "./types";

/** What a client may send to place a claim: a position, a quote, or both. */
export interface SelectorInput {
  position?: TextPosition;
  quote?: Partial<TextQuote> & { exact: string };
}

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
    if (quote && actual !== quote.exact) {
      return fail({
        reason: "quote_mismatch",
        message: "The quoted text is not at the given position in the article.",
        actual,
      });
    }
    return describeNonEmpty(text, start, end);
  }
  if (!quote) return fail({ reason: "empty", message: "Give a position, a quote, or both." });
  const occurrences = matchQuote(text, quote);
  const [first] = occurrences;
  if (first === undefined) {
    return fail({ reason: "not_found", message: "The quoted text does not occur in the article." });
  }
  if (occurrences.length > 1) {
    return fail({
      reason: "ambiguous",
      message: `The quoted text occurs ${occurrences.length} times; add a prefix, a suffix or a position to say which.`,
      occurrences,
    });
  }
  return describeNonEmpty(text, first, first + quote.exact.length);
}

function describeNonEmpty(text: string, start: number, end: number): AnchorResult {
  if (text.slice(start, end).trim().length === 0) {
    return fail({ reason: "empty", message: "The selection holds no text." });
  }
  return { ok: true, selectors: describe(text, start, end) };
}

function fail(failure: AnchorFailure): AnchorResult {
  return { ok: false, ...failure };
}
