import { snapToGraphemes } from "../text/graphemeBoundaries";
import { checkSameStatement, sentenceContextDifferences } from "./checkSameStatement";
import { editDistance } from "./editDistance";
import { findOccurrences } from "./matchQuote";
import { rankWithPosition, type ScoredMatch, scoreQuoteMatch } from "./scoreQuoteMatch";
import { bitParallelEditDistance, searchApproximate } from "./searchApproximate";
import { selectorsForRange } from "./selectorsForRange";
import { snapToWords } from "./snapToWords";
import type { Selectors, TextPosition } from "./types";

/**
 * How a claim found its text again after an edit:
 * - `exact`: the quote is intact where its old position now points (after the edit's shift, if any);
 * - `moved`: the quote is intact, but elsewhere (a paragraph moved, text inserted around it);
 * - `fuzzy`: the quoted text itself was edited, and a close enough match was found;
 * - `orphaned`: nothing close enough is left; the claim keeps its old selectors and waits for a person.
 *   With `reason: "search_too_costly"`, the fuzzy search that might have found it was not run, because
 *   it would have cost more than its budget (a very long quote, a very long or repetitive text): it may
 *   still be in the text, and a reviewer re-attaches it.
 */
export type ReanchorStatus = "exact" | "moved" | "fuzzy";
export type OrphanReason = "search_too_costly";
export type ReanchorResult =
  | { status: ReanchorStatus; selectors: Selectors }
  | { status: "orphaned"; reason?: OrphanReason };

/**
 * What the fuzzy searches may still cost, in block steps of `searchApproximate` (150 million are about a
 * second here), shared by the claims of one save (`reanchorAll`): each search takes its cost off
 * `remaining`, and a search that would cost more than is left is not run.
 */
export interface SearchBudget {
  remaining: number;
}

export interface ReanchorOptions {
  /** Where the claim's start is expected in the new text (from a diff); by default its old start. */
  expectedStart?: number;
  /**
   * Where the claim's end is expected (from a diff). With `expectedStart`, the range between them is
   * what the edit made of the quote; when it is close enough it is taken before any fuzzy search,
   * which could prefer a shorter, cheaper match ("limited number of armed" for "…of drones").
   */
  expectedEnd?: number;
  /** The new text lower-cased, when the caller has it (re-anchoring many claims lower-cases once). */
  lowerCaseText?: () => string;
  /**
   * Where in the new text the exact and caseless searches look (ascending, apart), when the caller knows
   * that any occurrence of the quote not wholly inside one of them would be refused (`reanchorAll`:
   * text the edit left alone that was never the claim's is `isOtherPassage`). By default, everywhere.
   */
  searchWindows?: readonly TextPosition[];
  /**
   * text.toLowerCase().slice(start, end), for a caller that can answer without lower-casing the whole
   * text; undefined when lower-casing changes the text's length. Used with `searchWindows`.
   */
  lowerCaseSlice?: (start: number, end: number) => string | undefined;
  /**
   * Whether [start, end) of the new text is a passage the edit left alone that was somewhere else
   * before it (`reanchorAll` knows, from its diff): a look-alike that was already there, such as a
   * repeated boilerplate sentence, is never the claim's text moved, however well it matches.
   */
  isOtherPassage?: (start: number, end: number) => boolean;
  /**
   * The fuzzy searches' budget shared with other claims (see `SearchBudget`); this claim spends at most
   * `REANCHOR_THRESHOLDS.maxSearchCostPerClaim` of it. By default, that much for this claim alone.
   */
  searchBudget?: SearchBudget;
}

/**
 * When a match that is not simply "the quote where we expected it" is good enough.
 *
 * - `minQuoteScore` 0.75: at most a quarter of the quote's characters may have been edited.
 *   Hypothesis accepts up to half; a fact-check is stricter, because a verdict attached to a
 *   sentence whose wording changed by more than a quarter may now judge a different statement.
 *   Orphaning it costs the reviewer one click to re-attach; a silent wrong attachment costs trust.
 * - `minScore` 0.6: quote and context together (weights 50/20/20, as Hypothesis). A quote edited
 *   by a quarter keeps this score only if some of its context survived (0.75·50 + 0.3·40 < 0.6·90
 *   when the context is gone too), so a heavily edited quote in a new place is not taken.
 * - `minContextForShortQuote` 0.5: a quote shorter than `shortQuoteLength` ("said no", "the war")
 *   occurs by chance elsewhere, exactly or nearly; it is taken away from where we expected it only
 *   when its prefix and suffix agree on average at least half.
 */
export const REANCHOR_THRESHOLDS = {
  minQuoteScore: 0.75,
  minScore: 0.6,
  minContextForShortQuote: 0.5,
  shortQuoteLength: 32,
  /** How far around the expected position the fuzzy search looks before trying the whole text. */
  nearbyWindow: 256,
  /** At most this many equally good candidates are scored (a long window can yield many). */
  maxCandidates: 64,
  /**
   * Quotes longer than this are compared in place by the bit-parallel distance (`bitParallelEditDistance`,
   * paid from the search budget) rather than the plain one, which is quadratic.
   */
  maxInPlaceLength: 5_000,
  /** Quotes longer than this are not widened back to their first or last word (see `widenToQuoteEdges`). */
  maxWidenedLength: 500,
  /** How many times the fuzzy search runs again with refused candidates blanked out. */
  searchRounds: 3,
  /**
   * What one claim's fuzzy searches may cost, in block steps of `searchApproximate` (about a second):
   * a 2,000-character quote searched through 2,000,000 characters fits; a 20,000-character quote fits
   * near its old place in an ordinary text, but not in a repetitive one, where it matches equally well
   * at every repetition and finding where each match starts costs its length squared.
   */
  maxSearchCostPerClaim: 150_000_000,
  /** What all the claims of one save may spend on fuzzy searches together (about three seconds). */
  maxSearchCostPerSave: 450_000_000,
} as const;

/**
 * Finds a claim's text in an edited text: the exact quote at the expected position; else the
 * occurrence of the exact quote nearest to it, disambiguated by prefix and suffix; else the quote
 * with only its letter case changed; else a fuzzy
 * match (approx-string-match, the matcher Hypothesis uses) near the expected position, then
 * anywhere, above the thresholds in `REANCHOR_THRESHOLDS`; else `orphaned`.
 * Every candidate but the quote at its expected position must also pass `checkSameStatement`
 * (no changed number, date, name or negation; a reworded one keeps its context on both sides) and
 * must not be `options.isOtherPassage`: a verdict is never moved onto a look-alike statement.
 * The answered selectors describe the new range afresh (new prefix and suffix).
 */
export function reanchor(old: Selectors, newText: string, options: ReanchorOptions = {}): ReanchorResult {
  const { exact } = old.quote;
  if (exact.length === 0) return { status: "orphaned" };
  const expected = clamp(options.expectedStart ?? old.position.start, 0, newText.length);

  if (newText.startsWith(exact, expected) && isSameSentence(old, newText, expected, expected + exact.length)) {
    return found("exact", newText, expected, expected + exact.length);
  }

  const isTaken = (match: ScoredMatch) =>
    isAcceptable(match, exact.length) &&
    !options.isOtherPassage?.(match.start, match.end) &&
    checkSameStatement(old, newText, match).isSameStatement;

  const exactMatch = bestExactOccurrence(old, newText, expected, isTaken, options.searchWindows);
  if (exactMatch) return found("moved", newText, exactMatch.start, exactMatch.end);

  const caselessMatch = bestCaselessOccurrence(old, newText, expected, isTaken, options);
  if (caselessMatch) return found("fuzzy", newText, caselessMatch.start, caselessMatch.end);

  const shared = options.searchBudget;
  const allowance: SearchAllowance = {
    remaining: Math.min(REANCHOR_THRESHOLDS.maxSearchCostPerClaim, shared?.remaining ?? Number.POSITIVE_INFINITY),
    isCut: false,
  };
  const before = allowance.remaining;
  const fuzzyMatch = fuzzyMatchOf(
    old,
    newText,
    expected,
    options.expectedEnd,
    isTaken,
    allowance,
    options.searchWindows,
  );
  if (shared) shared.remaining -= before - allowance.remaining;
  if (fuzzyMatch) return found("fuzzy", newText, fuzzyMatch.start, fuzzyMatch.end);

  return allowance.isCut ? { status: "orphaned", reason: "search_too_costly" } : { status: "orphaned" };
}

/** What one claim's searches may still cost, and whether a search was left out for its cost. */
interface SearchAllowance {
  remaining: number;
  isCut: boolean;
}

/** The edited quote where the diff expects it, else found by a search; paid from `allowance`. */
function fuzzyMatchOf(
  old: Selectors,
  text: string,
  expected: number,
  expectedEnd: number | undefined,
  isTaken: CandidateCheck,
  allowance: SearchAllowance,
  windows?: readonly TextPosition[],
): ScoredMatch | undefined {
  const editedInPlace = editedRangeMatch(old, text, expected, expectedEnd, allowance);
  if (editedInPlace && isTaken(editedInPlace)) return editedInPlace;
  return bestFuzzyMatch(old, text, expected, isTaken, allowance, windows);
}

/** Whether a candidate passes every check: thresholds, not another passage, the same statement. */
type CandidateCheck = (match: ScoredMatch) => boolean;

function bestExactOccurrence(
  old: Selectors,
  text: string,
  expected: number,
  isTaken: CandidateCheck,
  windows?: readonly TextPosition[],
): ScoredMatch | undefined {
  const { exact } = old.quote;
  const starts = windows ? occurrencesInWindows(text, exact, windows) : findOccurrences(text, exact);
  return bestOccurrence(old, text, starts, expected, isTaken);
}

/** findOccurrences, of the occurrences wholly inside one of `windows` (ascending, apart). */
function occurrencesInWindows(text: string, needle: string, windows: readonly TextPosition[]): number[] {
  const starts: number[] = [];
  if (needle.length === 0) return starts;
  for (const { start, end } of windows) {
    for (
      let at = text.indexOf(needle, start);
      at !== -1 && at + needle.length <= end;
      at = text.indexOf(needle, at + 1)
    ) {
      starts.push(at);
    }
  }
  return starts;
}

/** The best acceptable one of the places where the quote's text (up to letter case) starts. */
function bestOccurrence(
  old: Selectors,
  text: string,
  starts: readonly number[],
  expected: number,
  isTaken: CandidateCheck,
): ScoredMatch | undefined {
  const { quote } = old;
  let best: ScoredMatch | undefined;
  let bestRank = -1;
  for (const start of starts) {
    const match = scoreQuoteMatch(text, quote, start, start + quote.exact.length, 0);
    if (!isTaken(match)) continue;
    const rank = rankWithPosition(match, expected, text.length);
    if (rank > bestRank) {
      best = match;
      bestRank = rank;
    }
  }
  return best;
}

/**
 * The quote with only its letter case changed ("Totally Unfounded"): a case-insensitive exact
 * search, scored like an exact occurrence. Skipped when lower-casing would change the text's
 * length (a few letters, like "İ", lower-case to two code units), since offsets must stay put.
 */
function bestCaselessOccurrence(
  old: Selectors,
  text: string,
  expected: number,
  isTaken: CandidateCheck,
  { lowerCaseText, searchWindows, lowerCaseSlice }: ReanchorOptions,
): ScoredMatch | undefined {
  const lowerQuote = old.quote.exact.toLowerCase();
  if (lowerQuote.length !== old.quote.exact.length) return undefined;
  if (searchWindows && lowerCaseSlice) {
    const starts: number[] = [];
    for (const { start, end } of searchWindows) {
      const lowerWindow = lowerCaseSlice(start, end);
      if (lowerWindow === undefined) return undefined;
      for (const at of findOccurrences(lowerWindow, lowerQuote)) starts.push(start + at);
    }
    return bestOccurrence(old, text, starts, expected, isTaken);
  }
  const lowerText = lowerCaseText ? lowerCaseText() : text.toLowerCase();
  if (lowerText.length !== text.length) return undefined;
  return bestOccurrence(old, text, findOccurrences(lowerText, lowerQuote), expected, isTaken);
}

/** The expected range itself, when the edit left it close enough to the quote (see `expectedEnd`). */
function editedRangeMatch(
  old: Selectors,
  text: string,
  expectedStart: number,
  expectedEnd: number | undefined,
  allowance: SearchAllowance,
): ScoredMatch | undefined {
  if (expectedEnd === undefined || expectedEnd <= expectedStart || expectedEnd > text.length) return undefined;
  const { exact } = old.quote;
  const maxErrors = Math.floor(exact.length * (1 - REANCHOR_THRESHOLDS.minQuoteScore));
  const { start, end } = snapToWords(old, text, expectedStart, expectedEnd);
  if (end <= start) return undefined;
  const errors = inPlaceDistance(text.slice(start, end), exact, maxErrors, allowance);
  if (errors === undefined) return undefined;
  const match = scoreQuoteMatch(text, old.quote, start, end, errors);
  return isAcceptable(match, exact.length) ? match : undefined;
}

/**
 * A fuzzy match near the expected position, else anywhere. A search that would cost more than the
 * allowance is left out (`allowance.isCut`), so a claim too costly to search is orphaned, never placed
 * on the best of what a cheaper, partial search found.
 */
/**
 * The edit distance between the expected range and the quote, or undefined when over `maxErrors`. A long
 * quote is measured bit-parallel, paid from `allowance` (cut when it cannot pay).
 */
function inPlaceDistance(
  range: string,
  exact: string,
  maxErrors: number,
  allowance: SearchAllowance,
): number | undefined {
  if (exact.length <= REANCHOR_THRESHOLDS.maxInPlaceLength) return editDistance(range, exact, maxErrors);
  if (Math.abs(range.length - exact.length) > maxErrors) return undefined;
  if (Math.ceil(exact.length / 32) * range.length > allowance.remaining) {
    allowance.isCut = true;
    return undefined;
  }
  const { distance, cost } = bitParallelEditDistance(range, exact);
  allowance.remaining -= cost;
  return distance <= maxErrors ? distance : undefined;
}

function bestFuzzyMatch(
  old: Selectors,
  text: string,
  expected: number,
  isTaken: CandidateCheck,
  allowance: SearchAllowance,
  windows?: readonly TextPosition[],
): ScoredMatch | undefined {
  const { exact } = old.quote;
  const maxErrors = Math.floor(exact.length * (1 - REANCHOR_THRESHOLDS.minQuoteScore));
  if (maxErrors < 1) return undefined;
  const margin = Math.max(REANCHOR_THRESHOLDS.nearbyWindow, exact.length);
  const windowStart = Math.max(0, expected - margin);
  const windowEnd = Math.min(text.length, expected + exact.length + margin);
  const nearby = bestMatchIn(old, text, windowStart, windowEnd, maxErrors, expected, isTaken, allowance);
  // A cut nearby search ends it: the whole text's lowest-cost matches could be a far copy of the quote.
  if (nearby || allowance.isCut) return nearby;
  // Only where a candidate could be taken (reanchorAll's windows, widened by the edits a match may add).
  if (windows?.length === 0) return undefined;
  const from = windows ? Math.max(0, (windows[0]?.start ?? 0) - maxErrors) : 0;
  const to = windows ? Math.min(text.length, (windows.at(-1)?.end ?? 0) + maxErrors) : text.length;
  if (windowStart <= from && windowEnd >= to) return undefined;
  if (to <= from) return undefined;
  return bestMatchIn(old, text, from, to, maxErrors, expected, isTaken, allowance);
}

/**
 * The best acceptable fuzzy match of the quote in text[from, to). approx-string-match answers only
 * the matches with the fewest edits; when all of those are refused (an intact copy of a short quote
 * with the wrong context, say), they are blanked out and the search runs again, a few rounds at most.
 * Each round is paid from `allowance`; one it cannot pay ends the search, marked `isCut`.
 */
function bestMatchIn(
  old: Selectors,
  text: string,
  from: number,
  to: number,
  maxErrors: number,
  expected: number,
  isTaken: CandidateCheck,
  allowance: SearchAllowance,
): ScoredMatch | undefined {
  const { quote } = old;
  let window = text.slice(from, to);
  for (let round = 0; round < REANCHOR_THRESHOLDS.searchRounds; round += 1) {
    const search = searchApproximate(window, quote.exact, maxErrors, {
      maxMatches: REANCHOR_THRESHOLDS.maxCandidates,
      maxCost: allowance.remaining,
    });
    allowance.remaining -= search.cost;
    if (search.isOverBudget) {
      allowance.isCut = true;
      return undefined;
    }
    const candidates = search.matches;
    if (candidates.length === 0) return undefined;
    let best: ScoredMatch | undefined;
    let bestRank = -1;
    for (const candidate of candidates) {
      const { start, end } = snapToWords(old, text, from + candidate.start, from + candidate.end);
      if (end <= start) continue;
      const scored = scoreQuoteMatch(text, quote, start, end, candidate.errors);
      for (const match of [scored, widenToQuoteEdges(old, text, scored, maxErrors)]) {
        if (!match || !isTaken(match)) continue;
        const rank = rankWithPosition(match, expected, text.length);
        if (rank > bestRank) {
          best = match;
          bestRank = rank;
        }
      }
    }
    if (best) return best;
    for (const candidate of candidates) {
      window =
        window.slice(0, candidate.start) + BLANK.repeat(candidate.end - candidate.start) + window.slice(candidate.end);
    }
  }
  return undefined;
}

/**
 * Equally cheap matches are answered once per end, so a word inserted right after the quote's first
 * word ("tekpo newly chilu" for "tekpo chilu") may yield "newly chilu": the first word dropped, the
 * inserted one kept, which the guard may refuse ("tekpo" → "newly") or which loses a word of the
 * claim. When the quote's first (or last) word stands right before (or after) a candidate that lacks
 * it, the widened range is measured afresh and competes with the candidate. Only quotes up to
 * `maxWidenedLength` are widened (the measure is quadratic, and one word matters less in a long one).
 */
function widenToQuoteEdges(
  old: Selectors,
  text: string,
  match: ScoredMatch,
  maxErrors: number,
): ScoredMatch | undefined {
  const { exact } = old.quote;
  if (exact.length > REANCHOR_THRESHOLDS.maxWidenedLength) return undefined;
  const firstWord = /^[\p{L}\p{M}\p{N}]+/u.exec(exact)?.[0];
  const lastWord = /[\p{L}\p{M}\p{N}]+$/u.exec(exact)?.[0];
  let { start, end } = match;
  const before = text.slice(Math.max(0, start - 64), start);
  const after = text.slice(end, end + 64);
  if (firstWord && !text.startsWith(firstWord, start)) {
    const taken = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${escapeRegExp(firstWord)}\\s+$`, "u").exec(before);
    if (taken) start -= before.length - taken.index;
  }
  if (lastWord && !text.slice(0, end).endsWith(lastWord)) {
    const taken = new RegExp(`^\\s+${escapeRegExp(lastWord)}(?![\\p{L}\\p{M}\\p{N}])`, "u").exec(after);
    if (taken) end += taken[0].length;
  }
  if (start === match.start && end === match.end) return undefined;
  const errors = editDistance(text.slice(start, end), exact, maxErrors);
  if (errors === undefined) return undefined;
  return scoreQuoteMatch(text, old.quote, start, end, errors);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** What blanks out a refused candidate: a character no article holds (text is refused if it has NUL). */
const BLANK = "\u0000";

function isAcceptable(match: ScoredMatch, quoteLength: number): boolean {
  const thresholds = REANCHOR_THRESHOLDS;
  const context = (match.prefixScore + match.suffixScore) / 2;
  if (quoteLength < thresholds.shortQuoteLength && context < thresholds.minContextForShortQuote) return false;
  if (match.quoteScore === 1) return true;
  return match.quoteScore >= thresholds.minQuoteScore && match.score >= thresholds.minScore;
}

/**
 * The answer for [start, end), widened to whole characters: an edit can put a combining accent or a
 * skin-tone modifier right after intact words ("Cafe" → "Cafe\u0301"), and a claim must never end
 * inside a character. Widened, the claim's words did change, so it is `fuzzy` (to be checked).
 */
export function found(status: ReanchorStatus, text: string, start: number, end: number): ReanchorResult {
  if (isBetweenPlainCharacters(text, start) && isBetweenPlainCharacters(text, end)) {
    return { status, selectors: selectorsForRange(text, start, end) };
  }
  const whole = snapToGraphemes(text, start, end);
  const isWidened = whole.start !== start || whole.end !== end;
  return { status: isWidened ? "fuzzy" : status, selectors: selectorsForRange(text, whole.start, whole.end) };
}

/**
 * Whether `offset` is an end of the text or lies between two printable ASCII characters: a grapheme
 * boundary (UAX #29 GB999), settled without the segmenter's rules, as it is for almost every claim.
 */
function isBetweenPlainCharacters(text: string, offset: number): boolean {
  if (offset === 0 || offset === text.length) return true;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0x20 && before <= 0x7e && after >= 0x20 && after <= 0x7e;
}

/**
 * Whether the words before [start, end) in its own sentence still say what they said, for an intact
 * quote where the edit left it (see `sentenceContextDifferences`): "The mayor attended…" whose
 * sentence now reads "His deputy attended…" is not the claim the reviewer judged.
 */
export function isSameSentence(old: Selectors, text: string, start: number, end: number): boolean {
  const { prefix } = old.quote;
  // The context intact (every claim an edit did not come near): nothing to compare word by word.
  if (text.slice(Math.max(0, start - prefix.length), start) === prefix) return true;
  return sentenceContextDifferences(old, text, start, end, "before").length === 0;
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, high));
}
