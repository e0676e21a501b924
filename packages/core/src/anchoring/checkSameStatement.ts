import { compareStatements, HARD_DIFFERENCE_KINDS, type StatementDifference } from "./compareStatements";
import type { ScoredMatch } from "./scoreQuoteMatch";
import type { Selectors } from "./types";

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
 * negation changed (`HARD_DIFFERENCE_KINDS`), or when a content word was replaced and the context
 * did not stay on both sides (`STATEMENT_GUARD`). Cost: one word alignment of the quote and the
 * candidate, paid only by the few claims an edit touched.
 */
export function checkSameStatement(old: Selectors, text: string, match: ScoredMatch): StatementCheck {
  const { exact, prefix } = old.quote;
  const candidate = text.slice(match.start, match.end);
  const statementDifferences: StatementDifference[] =
    candidate === exact
      ? []
      : compareStatements(exact, candidate, {
          oldPrecededBy: prefix,
          newPrecededBy: text.slice(Math.max(0, match.start - prefix.length), match.start),
        });
  const isContextKept = Math.min(match.prefixScore, match.suffixScore) >= STATEMENT_GUARD.minContextPerSide;
  const hasHardDifference = statementDifferences.some((difference) => HARD_DIFFERENCE_KINDS.has(difference.kind));
  const hasRewording = statementDifferences.some((difference) => difference.kind === "word");
  const differences = statementDifferences.map((difference) => difference.phrase);
  if (!isContextKept) differences.push("the context changed");
  return { isSameStatement: !hasHardDifference && (!hasRewording || isContextKept), differences };
}
