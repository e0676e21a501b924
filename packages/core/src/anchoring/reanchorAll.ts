import { buildOffsetMap, type OffsetMap } from "./buildOffsetMap";
import {
  found,
  isSameSentence,
  REANCHOR_THRESHOLDS,
  type ReanchorResult,
  reanchor,
  type SearchBudget,
} from "./reanchor";
import type { Selectors } from "./types";

/** How many claims of an edit ended up where: the answer to "what did my save do to the claims?" */
export interface ReanchorSummary {
  exact: number;
  moved: number;
  fuzzy: number;
  orphaned: number;
}

/**
 * Re-anchors many claims after one edit, fast: the old and new texts are diffed once, each claim's
 * old range is carried through the diff, and a claim whose quote is intact at the carried range is
 * done (`exact`) without any search. Only the few claims the edit touched go through `reanchor`'s
 * search, starting where the diff says they should be. Answers one result per claim, in order.
 *
 * The diff also tells look-alikes apart: a candidate made of text the edit left alone, which before
 * the edit stood somewhere other than the claim (the twin of a deleted sentence, a repeated
 * boilerplate line), is another passage and is refused (`ReanchorOptions.isOtherPassage`); so is one
 * made partly of such text, more of it than the quarter of the quote an edit may change (a long quote
 * in a repetitive text matches nearly as well one repetition away, overlapping its edited self). The
 * reverse diff this needs is built once, and only when some claim needs a search.
 *
 * The fuzzy searches of all the claims share one budget (`REANCHOR_THRESHOLDS.maxSearchCostPerSave`,
 * each claim at most `maxSearchCostPerClaim`), so a save finishes in bounded time whatever the texts:
 * a claim whose search would cost more than is left is orphaned with `reason: "search_too_costly"`.
 */
export function reanchorAll(
  claims: ReadonlyArray<{ selectors: Selectors }>,
  oldText: string,
  newText: string,
  searchBudget: SearchBudget = { remaining: REANCHOR_THRESHOLDS.maxSearchCostPerSave },
): ReanchorResult[] {
  if (oldText === newText) {
    return claims.map(({ selectors }) => reanchor(selectors, newText, { searchBudget }));
  }
  const offsets = buildOffsetMap(oldText, newText);
  let lowerCased: string | undefined;
  const lowerCaseText = () => {
    lowerCased ??= newText.toLowerCase();
    return lowerCased;
  };
  let reverse: OffsetMap | undefined;
  const isOtherPassage = (old: Selectors) => (start: number, end: number) => {
    reverse ??= buildOffsetMap(newText, oldText);
    // Text the edit left alone that stood outside the claim before it, in the candidate: a quarter of the
    // quote may be edited, so more than that much of the candidate was never the claim's text.
    const allowed = Math.floor(old.quote.exact.length * (1 - REANCHOR_THRESHOLDS.minQuoteScore));
    let elsewhere = 0;
    for (const part of reverse.untouchedParts(start, end)) {
      const oldStart = part.newStart;
      const oldEnd = oldStart + (part.end - part.start);
      const inside = Math.max(0, Math.min(oldEnd, old.position.end) - Math.max(oldStart, old.position.start));
      elsewhere += oldEnd - oldStart - inside;
      if (elsewhere > allowed) return true;
    }
    return false;
  };
  return claims.map(({ selectors }) => {
    const { position, quote } = selectors;
    const start = offsets.map(position.start, "start");
    const end = offsets.map(position.end, "end");
    // Intact where the diff carried it, in a sentence that still says the same around it: done.
    if (
      end - start === quote.exact.length &&
      newText.startsWith(quote.exact, start) &&
      isSameSentence(selectors, newText, start, end)
    ) {
      return found("exact", newText, start, end);
    }
    return reanchor(selectors, newText, {
      expectedStart: start,
      expectedEnd: end,
      lowerCaseText,
      isOtherPassage: isOtherPassage(selectors),
      searchBudget,
    });
  });
}

/** Counts results by status. */
export function summarizeReanchoring(results: readonly ReanchorResult[]): ReanchorSummary {
  const summary: ReanchorSummary = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  for (const result of results) summary[result.status] += 1;
  return summary;
}
