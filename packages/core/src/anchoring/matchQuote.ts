import { createGraphemeBoundaryCheck } from "../text/graphemeBoundaries";
import { type NormalizedText, normalizeWithOffsets } from "../text/normalizeWithOffsets";
import type { TextPosition, TextQuote } from "./types";

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
 * Where a quote occurs in `text` as a reader would find it, as ranges of `text` itself (UTF-16 code
 * units), so that `text.slice(start, end)` is the text's own spelling of the quote:
 * - compared in Unicode normalisation form C: a composed "é" in the text matches "e" + U+0301 in the
 *   quote, and the other way round;
 * - on whole characters only: "👨‍👩" does not occur in "👨‍👩‍👧", nor "e" in "e" + U+0301;
 * - where the surrounding text agrees with the prefix and suffix. An empty prefix or suffix agrees
 *   with anything; a given one must end right before (or start right after) the occurrence, as
 *   written or once both are normalised.
 *
 * In the order they occur; at most `options.limit` of them (a caller that only needs to know whether
 * a quote is unique need not check a thousand occurrences). `options.normalized` is `text`
 * normalised (normalizeWithOffsets), for a caller that has it already.
 */
export function matchQuote(
  text: string,
  quote: Partial<TextQuote> & { exact: string },
  options: { limit?: number; normalized?: NormalizedText } = {},
): TextPosition[] {
  const { limit = Number.POSITIVE_INFINITY, normalized = normalizeWithOffsets(text) } = options;
  const exact = quote.exact.normalize("NFC");
  const prefix = quote.prefix ?? "";
  const suffix = quote.suffix ?? "";
  const normalizedPrefix = prefix.normalize("NFC");
  const normalizedSuffix = suffix.normalize("NFC");
  const isBoundary = createGraphemeBoundaryCheck(text);
  const found: TextPosition[] = [];
  for (const normalizedStart of findOccurrences(normalized.text, exact)) {
    const normalizedEnd = normalizedStart + exact.length;
    const start = normalized.toOriginal(normalizedStart);
    const end = normalized.toOriginal(normalizedEnd);
    // An end inside a character normalisation composed, or inside a grapheme cluster, is part of a character.
    if (start === null || end === null) continue;
    if (!isBoundary(start) || !isBoundary(end)) continue;
    const hasPrefix =
      prefix.length === 0 ||
      text.slice(Math.max(0, start - prefix.length), start) === prefix ||
      normalized.text.slice(Math.max(0, normalizedStart - normalizedPrefix.length), normalizedStart) ===
        normalizedPrefix;
    const hasSuffix =
      suffix.length === 0 ||
      text.slice(end, end + suffix.length) === suffix ||
      normalized.text.slice(normalizedEnd, normalizedEnd + normalizedSuffix.length) === normalizedSuffix;
    if (hasPrefix && hasSuffix) found.push({ start, end });
    if (found.length >= limit) break;
  }
  return found;
}
