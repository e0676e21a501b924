import { buildOffsetMap, type OffsetMap } from "./buildOffsetMap";
import {
  found,
  isSameSentence,
  REANCHOR_THRESHOLDS,
  type ReanchorResult,
  reanchor,
  type SearchBudget,
} from "./reanchor";
import type { Selectors, TextPosition } from "./types";

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
 * The work follows the edit, not the text: the diff is computed on the edited region only
 * (`OffsetMap.editedRegion`), an intact claim costs a few comparisons of its quote and context, and the
 * exact and caseless searches of a touched claim look only where a candidate could be taken (see
 * `searchWindows`), lower-casing those windows rather than the whole text. What still reads the whole
 * text: the comparison that finds the edited region, and a fuzzy search "anywhere" for a claim nothing
 * near its old place matches (its cost is what the shared budget counts, so it is kept as it was).
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
  let isLowerCasedAlone: boolean | undefined;
  const lowerCaseSlice = (start: number, end: number) => {
    // Every character lower-cases alone but "İ" (two code units) and "Σ" (by what follows it): without
    // them, a window lower-cased is that window of the text lower-cased (whole characters kept whole).
    isLowerCasedAlone ??= !/[\u0130\u03a3]/u.test(newText);
    if (lowerCased === undefined && isLowerCasedAlone) {
      const from = isSurrogatePairAt(newText, start) ? start - 1 : start;
      const to = isSurrogatePairAt(newText, end) ? end + 1 : end;
      return newText
        .slice(from, to)
        .toLowerCase()
        .slice(start - from, end - from);
    }
    const lowerText = lowerCaseText();
    return lowerText.length === newText.length ? lowerText.slice(start, end) : undefined;
  };
  let reverse: OffsetMap | undefined;
  const reverseMap = () => {
    reverse ??= buildOffsetMap(newText, oldText);
    return reverse;
  };
  const isOtherPassage = (old: Selectors) => (start: number, end: number) => {
    // Text the edit left alone that stood outside the claim before it, in the candidate: a quarter of the
    // quote may be edited, so more than that much of the candidate was never the claim's text.
    const allowed = Math.floor(old.quote.exact.length * (1 - REANCHOR_THRESHOLDS.minQuoteScore));
    let elsewhere = 0;
    for (const part of reverseMap().untouchedParts(start, end)) {
      const oldStart = part.newStart;
      const oldEnd = oldStart + (part.end - part.start);
      const inside = Math.max(0, Math.min(oldEnd, old.position.end) - Math.max(oldStart, old.position.start));
      elsewhere += oldEnd - oldStart - inside;
      if (elsewhere > allowed) return true;
    }
    return false;
  };
  /**
   * Where an occurrence of the quote may be taken: one made wholly of text the edit left alone that was
   * not the claim's is another passage (its length is more than the quarter `isOtherPassage` allows), so
   * an occurrence worth looking at overlaps the edited region or where the claim's own text went. Those,
   * widened by the quote's length, are where the exact and caseless searches look (when they are small).
   */
  const searchWindows = (old: Selectors): TextPosition[] | undefined => {
    // The reverse diff's edited region, in new offsets; before it new offsets are old ones, after it they shift.
    const { start: editedStart, end: editedEnd, newEnd: oldEditedEnd } = reverseMap().editedRegion;
    const shift = editedEnd - oldEditedEnd;
    const { start, end } = old.position;
    const reach = old.quote.exact.length;
    const windows: TextPosition[] = [];
    for (const [from, to] of [
      [Math.min(start, editedStart), Math.min(end, editedStart)],
      [editedStart, editedEnd],
      [Math.max(start + shift, editedEnd), Math.max(end + shift, editedEnd)],
    ] as const) {
      if (from >= to) continue;
      const window = { start: Math.max(0, from - reach), end: Math.min(newText.length, to + reach) };
      const last = windows.at(-1);
      if (last && window.start <= last.end) last.end = Math.max(last.end, window.end);
      else windows.push(window);
    }
    const searched = windows.reduce((sum, window) => sum + window.end - window.start, 0);
    return searched * 2 < newText.length ? windows : undefined;
  };
  const results: ReanchorResult[] = [];
  for (const { selectors } of claims) {
    const { position, quote } = selectors;
    const start = offsets.map(position.start, "start");
    const end = offsets.map(position.end, "end");
    // Intact where the diff carried it, in a sentence that still says the same around it: done (most
    // claims of a save end here). A slice of the text is a view in V8, not a copy, and comparing it
    // costs a fraction of startsWith at an offset.
    if (
      end - start === quote.exact.length &&
      newText.slice(start, end) === quote.exact &&
      isSameSentence(selectors, newText, start, end)
    ) {
      results.push(found("exact", newText, start, end));
      continue;
    }
    results.push(
      reanchor(selectors, newText, {
        expectedStart: start,
        expectedEnd: end,
        lowerCaseText,
        searchWindows: searchWindows(selectors),
        lowerCaseSlice,
        isOtherPassage: isOtherPassage(selectors),
        searchBudget,
      }),
    );
  }
  return results;
}

/** Counts results by status. */
export function summarizeReanchoring(results: readonly ReanchorResult[]): ReanchorSummary {
  const summary: ReanchorSummary = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  for (const result of results) summary[result.status] += 1;
  return summary;
}

/** Whether `offset` falls between the two halves of a surrogate pair. */
function isSurrogatePairAt(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
