import { compareStatements, HARD_DIFFERENCE_KINDS, type StatementDifference } from "./compareStatements";
import type { ScoredMatch } from "./scoreQuoteMatch";
import { QUOTE_CONTEXT_LENGTH, type Selectors } from "./types";

/**
 * When a candidate that is not the intact quote still makes the same statement.
 *
 * - `minContextPerSide` 0.5: a reworded candidate ("says" → "states", "north" → "south") is taken
 *   only when its prefix and its suffix each still agree at least half with the stored ones. An
 *   in-place edit keeps both sides; a look-alike sentence reached after its twin was deleted keeps
 *   at most one (the text before the deleted twin), because the twin's other side was the twin's
 *   own neighbour. Each side is checked alone: the average, which `REANCHOR_THRESHOLDS` uses,
 *   lets one intact side hide a wholly different other side.
 */
export const STATEMENT_GUARD = {
  minContextPerSide: 0.5,
} as const;

export interface StatementCheck {
  /** Whether the candidate may carry the claim's verdict. */
  isSameStatement: boolean;
  /** What tells the two apart, as a reviewer reads it (empty when nothing does). */
  differences: string[];
}

/**
 * The guard on every candidate that is not the exact quote: refused when a number, date, name or
 * negation changed (`HARD_DIFFERENCE_KINDS`), when a content word was replaced and the context
 * did not stay on both sides (`STATEMENT_GUARD`), or when the words around the quote in its own
 * block changed in any of those ways (an intact quote inside another sentence). Cost: one word alignment of the quote and the
 * candidate, paid only by the few claims an edit touched.
 */
export function checkSameStatement(old: Selectors, text: string, match: ScoredMatch): StatementCheck {
  const { exact, prefix } = old.quote;
  const candidate = text.slice(match.start, match.end);
  const newPrefix = text.slice(Math.max(0, match.start - prefix.length), match.start);
  const statementDifferences: StatementDifference[] =
    candidate === exact ? [] : compareStatements(exact, candidate, { oldPrecededBy: prefix, newPrecededBy: newPrefix });
  // An intact quote is another sentence's when the words around it in its own sentence say something
  // else ("The north clinic" → "The south clinic"). (An edited quote is judged by its own words and
  // both sides' agreement above: editing in place keeps both.)
  const contextDifferences =
    candidate.normalize("NFC").toLowerCase() === exact.normalize("NFC").toLowerCase()
      ? sentenceContextDifferences(old, text, match.start, match.end)
      : [];
  const isContextKept = Math.min(match.prefixScore, match.suffixScore) >= STATEMENT_GUARD.minContextPerSide;
  const hasHardDifference = statementDifferences.some((difference) => HARD_DIFFERENCE_KINDS.has(difference.kind));
  const hasRewording = statementDifferences.some((difference) => difference.kind === "word");
  const differences = statementDifferences.map((difference) => difference.phrase);
  for (const difference of contextDifferences) differences.push(`beside the quote, ${difference.phrase}`);
  if (!isContextKept) differences.push("the context changed");
  const isSameStatement = !hasHardDifference && (!hasRewording || isContextKept) && contextDifferences.length === 0;
  return { isSameStatement, differences };
}

/**
 * What changed in the quote's own sentence around [start, end) of `text`, against the stored
 * prefix and suffix: a number, date, name or negation, or a replaced word ("The mayor attended…"
 * → "His deputy attended…"). Only the words between the quote and its sentence's (or block's)
 * ends count, so an edit to the sentence before does not make a claim doubtful; inserted words do
 * not count either (the new side is read three times as far, so they cannot push old words out of
 * view). `sides` "before" reads only the words before the quote — who said or did it, in most
 * sentences — for an intact quote where the edit's diff carried it. Cheap when the context is
 * unchanged (a string comparison per side), which is every claim an edit did not come near.
 */
export function sentenceContextDifferences(
  old: Selectors,
  text: string,
  start: number,
  end: number,
  sides: "before" | "both" = "both",
): StatementDifference[] {
  const { prefix, suffix } = old.quote;
  const differences: StatementDifference[] = [];
  if (text.slice(Math.max(0, start - prefix.length), start) !== prefix) {
    const oldBefore = sameSentenceBefore(prefix, prefix.length < QUOTE_CONTEXT_LENGTH);
    const reach = start - CONTEXT_REACH * prefix.length;
    const newBefore = sameSentenceBefore(text.slice(Math.max(0, reach), start), reach <= 0);
    if (oldBefore !== newBefore) differences.push(...compareStatements(oldBefore, newBefore));
  }
  if (sides === "both" && text.slice(end, end + suffix.length) !== suffix) {
    const oldAfter = sameSentenceAfter(suffix, suffix.length < QUOTE_CONTEXT_LENGTH);
    const reach = end + CONTEXT_REACH * suffix.length;
    const newAfter = sameSentenceAfter(text.slice(end, reach), reach >= text.length);
    if (oldAfter !== newAfter) differences.push(...compareStatements(oldAfter, newAfter));
  }
  // Words added beside a quote ("On Monday, Robert Malley said…") qualify it; words replaced ("The
  // mayor" → "His deputy") or a negation added or removed make it someone else's or its opposite.
  return differences.filter(
    (difference) => difference.kind === "negation" || (difference.before !== "" && difference.after !== ""),
  );
}

/** How much further than the stored context the new text is read, so inserted words do not hide old ones. */
const CONTEXT_REACH = 3;

/** What ends a sentence in running text: . ! or ? before white space, or a line break. */
const SENTENCE_BREAK_BEFORE = /[.!?]\s|\n/gu;

/**
 * The part of a prefix in the quote's own sentence: the words a reader takes with the quote.
 * Unless it reaches the start of the text (`isWhole`), its first word may have been cut and is left out.
 */
function sameSentenceBefore(context: string, isWhole: boolean): string {
  let sentenceStart = -1;
  for (const found of context.matchAll(SENTENCE_BREAK_BEFORE)) sentenceStart = found.index + found[0].length;
  if (sentenceStart !== -1) return context.slice(sentenceStart);
  if (isWhole) return context;
  const firstSpace = context.search(/\s/u);
  return firstSpace === -1 ? "" : context.slice(firstSpace + 1);
}

/** The part of a suffix in the quote's own sentence; unless it reaches the text's end, without its cut last word. */
function sameSentenceAfter(context: string, isWhole: boolean): string {
  const sentenceEnd = context.search(/[.!?](?:\s|$)|\n/u);
  if (sentenceEnd !== -1) return context.slice(0, sentenceEnd);
  if (isWhole) return context;
  const lastSpace = context.search(/\s\S*$/u);
  return lastSpace === -1 ? "" : context.slice(0, lastSpace);
}
