import type { Selectors } from "./types";

/**
 * Fuzzy matching counts edits, not words: a quote that lost its first word may match best with the
 * last letter of the word before it ("…Russi[a a number of…"). When the old quote began (or ended)
 * on a word boundary, the new range is moved onto one too, dropping the partial word and the
 * spaces or punctuation between it and the quote.
 */
export function snapToWords(old: Selectors, text: string, start: number, end: number): { start: number; end: number } {
  const { exact, prefix, suffix } = old.quote;
  let snappedStart = avoidSplitCharacter(text, start, -1);
  let snappedEnd = avoidSplitCharacter(text, end, +1);
  const startsOnBoundary = isWordAt(exact, 0) && !isWordAt(prefix, prefix.length - 1);
  if (startsOnBoundary && isWordAt(text, snappedStart - 1) && isWordAt(text, snappedStart)) {
    while (snappedStart < snappedEnd && isWordAt(text, snappedStart)) snappedStart += 1;
  }
  if (startsOnBoundary) {
    while (snappedStart < snappedEnd && !isWordAt(text, snappedStart)) snappedStart += 1;
  }
  const endsOnBoundary = isWordAt(exact, exact.length - 1) && !isWordAt(suffix, 0);
  if (endsOnBoundary && isWordAt(text, snappedEnd - 1) && isWordAt(text, snappedEnd)) {
    while (snappedEnd > snappedStart && isWordAt(text, snappedEnd - 1)) snappedEnd -= 1;
  }
  if (endsOnBoundary) {
    while (snappedEnd > snappedStart && !isWordAt(text, snappedEnd - 1)) snappedEnd -= 1;
  }
  return { start: snappedStart, end: snappedEnd };
}

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/** Whether the code unit at `index` belongs to a letter, digit or combining mark (false outside the text). */
function isWordAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  return WORD_CHARACTER.test(text[index] as string);
}

/** Moves an offset off the middle of a surrogate pair, so a range never holds half an emoji. */
function avoidSplitCharacter(text: string, offset: number, direction: 1 | -1): number {
  if (offset <= 0 || offset >= text.length) return offset;
  const before = text.charCodeAt(offset - 1);
  return before >= 0xd800 && before <= 0xdbff ? offset + direction : offset;
}
