import { anchor } from "../anchoring/anchor";
import { matchQuote } from "../anchoring/matchQuote";
import { REANCHOR_THRESHOLDS, reanchor, type SearchBudget } from "../anchoring/reanchor";
import { rankWithPosition, scoreQuoteMatch } from "../anchoring/scoreQuoteMatch";
import { selectorsForRange } from "../anchoring/selectorsForRange";
import type { Selectors, TextPosition } from "../anchoring/types";
import { type CodePointOffsets, codePointOffsets } from "../text/codePointOffsets";
import { isGraphemeBoundary, snapToGraphemes } from "../text/graphemeBoundaries";
import type { NormalizedText } from "../text/normalizeWithOffsets";
import { type ForeignSelectors, quoteForMessage } from "./foreignSelectors";

/**
 * Where a foreign annotation lands in an article, and why, in words for the import's answer:
 * - `anchored`: on these selectors (UTF-16 offsets into the text, its own spelling of the quote); with
 *   `isAnchorUnconfirmed` when the quote was not there word for word and a close match was taken;
 * - `orphaned`: its quote is not in the text (or not in one place): kept with its quote, for a reviewer to attach;
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
      reason:
        "Its quote occurs more than once and its prefix and suffix do not say which; kept as an orphan for a reviewer to attach.",
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
        ? "Its quote does not occur in the article word for word, and searching for a close match would cost more than this import allows; kept as an orphan for a reviewer to attach."
        : `Its quote does not occur in the article, nor anything close enough (at most ${Math.round((1 - REANCHOR_THRESHOLDS.minQuoteScore) * 100)}% of it changed); kept as an orphan for a reviewer to attach.`,
  };
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
