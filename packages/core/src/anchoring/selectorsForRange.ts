import { QUOTE_CONTEXT_LENGTH, type Selectors } from "./types";

/**
 * The selectors that describe [start, end) of `text`: its position and its quote with context.
 * The caller guarantees 0 <= start <= end <= text.length.
 */
export function selectorsForRange(text: string, start: number, end: number): Selectors {
  const prefixStart = avoidSplitSurrogate(text, Math.max(0, start - QUOTE_CONTEXT_LENGTH), +1);
  const suffixEnd = avoidSplitSurrogate(text, Math.min(text.length, end + QUOTE_CONTEXT_LENGTH), -1);
  return {
    position: { start, end },
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
  };
}

/**
 * Whether `selectors` still describe `text`: its quote's exact words at [position.start, position.end), with its
 * prefix just before and its suffix just after (offsets in UTF-16 code units). A claim whose selectors hold needs no
 * re-anchoring.
 */
export function isQuoteAt(text: string, { position: { start, end }, quote }: Selectors): boolean {
  const before = start - quote.prefix.length;
  const after = end + quote.suffix.length;
  return (
    before >= 0 &&
    start <= end &&
    after <= text.length &&
    end - start === quote.exact.length &&
    text.startsWith(quote.exact, start) &&
    text.startsWith(quote.prefix, before) &&
    text.startsWith(quote.suffix, end)
  );
}

/** Moves an offset off the middle of a surrogate pair, so context never holds half an emoji. */
function avoidSplitSurrogate(text: string, offset: number, direction: 1 | -1): number {
  if (offset <= 0 || offset >= text.length) return offset;
  const before = text.charCodeAt(offset - 1);
  const isInsidePair = before >= 0xd800 && before <= 0xdbff;
  return isInsidePair ? offset + direction : offset;
}

/**
 * The old name, kept until apps/server/src/routes/claimCreateRace.test.ts imports selectorsForRange.
 * @deprecated Use selectorsForRange: `describe` clashes with the test runner's.
 */
export const describe = selectorsForRange;
