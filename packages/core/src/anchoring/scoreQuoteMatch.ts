import search from "approx-string-match";
import type { TextQuote } from "./types";

/**
 * How much each part of a quote selector counts when judging a candidate, after Hypothesis's
 * match-quote.ts: the quote itself matters most, its context next, and nearness to where we
 * expected it only breaks ties between otherwise equal candidates.
 */
export const QUOTE_MATCH_WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;

export interface ScoredMatch {
  start: number;
  end: number;
  /** 1 - edits / quote length: 1 for the exact quote. */
  quoteScore: number;
  /** The agreement of the text around the candidate with the stored prefix and suffix, 0 to 1 each. */
  prefixScore: number;
  suffixScore: number;
  /** The weighted score of the quote and its context, 0 to 1 (position not included). */
  score: number;
}

/**
 * How well `fragment` matches somewhere inside `text`: 1 - the fewest edits it takes, over its
 * length. An empty fragment agrees with anything.
 */
export function textMatchScore(text: string, fragment: string): number {
  if (fragment.length === 0) return 1;
  const matches = search(text, fragment, fragment.length);
  const [first] = matches;
  if (!first) return 0;
  let fewest = first.errors;
  for (const match of matches) fewest = Math.min(fewest, match.errors);
  return 1 - fewest / fragment.length;
}

/** Scores the candidate [start, end) of `text` against a quote selector's quote, prefix and suffix. */
export function scoreQuoteMatch(
  text: string,
  quote: TextQuote,
  start: number,
  end: number,
  quoteErrors: number,
): ScoredMatch {
  const quoteScore = 1 - quoteErrors / Math.max(1, quote.exact.length);
  // The context is compared with the same length of text beside the candidate, so an edit that
  // shifted the context by a few characters still scores well.
  const prefixScore = textMatchScore(text.slice(Math.max(0, start - quote.prefix.length), start), quote.prefix);
  const suffixScore = textMatchScore(text.slice(end, end + quote.suffix.length), quote.suffix);
  const { quote: quoteWeight, prefix: prefixWeight, suffix: suffixWeight } = QUOTE_MATCH_WEIGHTS;
  const score =
    (quoteWeight * quoteScore + prefixWeight * prefixScore + suffixWeight * suffixScore) /
    (quoteWeight + prefixWeight + suffixWeight);
  return { start, end, quoteScore, prefixScore, suffixScore, score };
}

/** The candidate's score with nearness to `expected` added as a tie-breaker. */
export function rankWithPosition(match: ScoredMatch, expected: number, textLength: number): number {
  const { quote, prefix, suffix, position } = QUOTE_MATCH_WEIGHTS;
  const positionScore = 1 - Math.abs(match.start - expected) / Math.max(1, textLength);
  return (match.score * (quote + prefix + suffix) + position * positionScore) / (quote + prefix + suffix + position);
}
