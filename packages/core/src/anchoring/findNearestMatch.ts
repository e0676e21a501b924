import { snapToGraphemes } from "../text/graphemeBoundaries";
import { checkSameStatement } from "./checkSameStatement";
import { findOccurrences } from "./matchQuote";
import { REANCHOR_THRESHOLDS } from "./reanchor";
import { rankWithPosition, type ScoredMatch, scoreQuoteMatch } from "./scoreQuoteMatch";
import { searchApproximate } from "./searchApproximate";
import { selectorsForRange } from "./selectorsForRange";
import { snapToWords } from "./snapToWords";
import type { Selectors } from "./types";

/** The best place left for an orphaned claim, with what a reviewer should check before attaching it there. */
export interface NearestMatch {
  /** The candidate range in the new text, described afresh (position in UTF-16 code units, new context). */
  selectors: Selectors;
  /** 1 - edits / old quote length, 0 to 1: 1 when the candidate is the quote's text exactly (up to case). */
  quoteScore: number;
  /**
   * Why re-anchoring did not take it, as short English phrases: `"nine" became "twelve"`,
   * `the name "Ortiz" became "Ramos"`, `a negation was added ("not")`, `the context changed`.
   * Empty when nothing tells the two apart (a repeated sentence: only the diff knew it was another).
   */
  differences: string[];
}

/**
 * Below this a candidate is not offered: more than half of the quote would have to be edited to
 * reach it, which is a different sentence, not a near miss (Hypothesis' own fuzzy limit is half).
 */
export const MIN_NEAREST_QUOTE_SCORE = 0.5;

/**
 * The best candidate for an orphaned claim in `newText`, even one the re-anchoring guard refused
 * (a look-alike with another number, name or negation, or another context), so the UI can offer
 * "Nearest match: … — attach here". Answers undefined when no candidate keeps at least half the
 * quote (`MIN_NEAREST_QUOTE_SCORE`).
 *
 * Source: the quote's exact and case-insensitive occurrences and one approx-string-match search
 * of the whole text, scored like `reanchor` (quote, prefix and suffix, nearness to the old
 * position as a tie-breaker). Bounded like `reanchor`: at most `REANCHOR_THRESHOLDS.maxCandidates`
 * candidates are scored, and the search (Myers' bit-parallel algorithm, `searchApproximate`) is left
 * out when it would cost more than one claim's re-anchoring may (`maxSearchCostPerClaim`): then only
 * the quote's intact occurrences are offered.
 */
export function findNearestMatch(old: Selectors, newText: string): NearestMatch | undefined {
  const { quote } = old;
  if (quote.exact.length === 0 || newText.length === 0) return undefined;
  const expected = Math.max(0, Math.min(old.position.start, newText.length));
  let best: ScoredMatch | undefined;
  let bestRank = -1;
  const consider = (start: number, end: number, errors: number) => {
    if (end <= start) return;
    const match = scoreQuoteMatch(newText, quote, start, end, errors);
    if (match.quoteScore < MIN_NEAREST_QUOTE_SCORE) return;
    const rank = rankWithPosition(match, expected, newText.length);
    if (rank > bestRank) {
      best = match;
      bestRank = rank;
    }
  };

  const { maxCandidates } = REANCHOR_THRESHOLDS;
  for (const start of findOccurrences(newText, quote.exact).slice(0, maxCandidates)) {
    consider(start, start + quote.exact.length, 0);
  }
  const lowerQuote = quote.exact.toLowerCase();
  const lowerText = newText.toLowerCase();
  if (lowerQuote.length === quote.exact.length && lowerText.length === newText.length) {
    for (const start of findOccurrences(lowerText, lowerQuote).slice(0, maxCandidates)) {
      consider(start, start + quote.exact.length, 0);
    }
  }
  const maxErrors = Math.floor(quote.exact.length * (1 - MIN_NEAREST_QUOTE_SCORE));
  if (maxErrors >= 1) {
    const search = searchApproximate(newText, quote.exact, maxErrors, {
      maxMatches: maxCandidates,
      maxCost: REANCHOR_THRESHOLDS.maxSearchCostPerClaim,
    });
    for (const candidate of search.isOverBudget ? [] : search.matches) {
      const { start, end } = snapToWords(old, newText, candidate.start, candidate.end);
      consider(start, end, candidate.errors);
    }
  }

  const match = best as ScoredMatch | undefined;
  if (!match) return undefined;
  return {
    // Whole characters, as the server requires of a claim's position ("attach here" sends it back).
    selectors: describeWhole(newText, match.start, match.end),
    quoteScore: match.quoteScore,
    differences: checkSameStatement(old, newText, match).differences,
  };
}

function describeWhole(text: string, start: number, end: number): Selectors {
  const whole = snapToGraphemes(text, start, end);
  return selectorsForRange(text, whole.start, whole.end);
}
