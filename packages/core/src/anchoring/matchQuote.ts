import type { TextQuote } from "./types";

/** Every offset at which `exact` occurs in `text` (overlapping occurrences included). */
export function findOccurrences(text: string, exact: string): number[] {
  const found: number[] = [];
  if (exact.length === 0) return found;
  let from = text.indexOf(exact);
  while (from !== -1) {
    found.push(from);
    from = text.indexOf(exact, from + 1);
  }
  return found;
}

/**
 * The occurrences of a quote whose surrounding text agrees with its prefix and suffix.
 * An empty prefix or suffix agrees with anything; a given one must end right before
 * (or start right after) the occurrence.
 */
export function matchQuote(text: string, quote: Partial<TextQuote> & { exact: string }): number[] {
  const prefix = quote.prefix ?? "";
  const suffix = quote.suffix ?? "";
  return findOccurrences(text, quote.exact).filter((start) => {
    const end = start + quote.exact.length;
    const hasPrefix = prefix.length === 0 || text.slice(Math.max(0, start - prefix.length), start) === prefix;
    const hasSuffix = suffix.length === 0 || text.slice(end, end + suffix.length) === suffix;
    return hasPrefix && hasSuffix;
  });
}
