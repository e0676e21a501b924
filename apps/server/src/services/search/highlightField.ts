import type { SearchField, SearchHighlight } from "@factmark/core";
import { foldWord, type SearchTerm, WORD_PATTERN } from "./parseSearchQuery";

/** A field longer than this is shown as an excerpt of about this many UTF-16 units around its first match. */
export const EXCERPT_LENGTH = 240;
/** How much of an excerpt comes before its first match. */
const EXCERPT_LEAD = 60;

interface Word {
  start: number;
  end: number;
  folded: string;
}

/** The words of `text` from `from` (UTF-16 offsets), folded for comparing, lazily: a long text is read only so far. */
function* wordsOf(text: string, from = 0): Generator<Word> {
  const pattern = new RegExp(WORD_PATTERN.source, "gu");
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    yield { start: match.index, end: match.index + match[0].length, folded: foldWord(match[0]) };
  }
}

interface FoldedTerm {
  words: string[];
  isPrefix: boolean;
}

function matchesAt(window: Word[], term: FoldedTerm): boolean {
  return term.words.every((word, index) => {
    const candidate = window[index];
    if (!candidate) return false;
    const isLast = index === term.words.length - 1;
    return isLast && term.isPrefix ? candidate.folded.startsWith(word) : candidate.folded === word;
  });
}

/**
 * Where `terms` match in `text`, as UTF-16 ranges in order, merged where they overlap; with `stopAfterFirst`, only
 * the first. A phrase matches its words in a row; a prefix term's last word matches any word it begins.
 */
function findRanges(text: string, terms: SearchTerm[], from = 0, until = text.length, stopAfterFirst = false) {
  const folded = terms.map((term) => ({ words: term.words.map(foldWord), isPrefix: term.isPrefix }));
  const longest = Math.max(1, ...folded.map((term) => term.words.length));
  const ranges: { start: number; end: number }[] = [];
  const window: Word[] = [];
  const take = (first: Word[]) => {
    for (const term of folded) {
      if (!matchesAt(first, term)) continue;
      const end = (first[term.words.length - 1] as Word).end;
      if (end > until) continue;
      const start = (first[0] as Word).start;
      const last = ranges[ranges.length - 1];
      if (last && start <= last.end) last.end = Math.max(last.end, end);
      else ranges.push({ start, end });
      return true;
    }
    return false;
  };
  for (const word of wordsOf(text, from)) {
    if (word.start >= until) break;
    window.push(word);
    if (window.length < longest) continue;
    if (take(window) && stopAfterFirst) return ranges;
    window.shift();
  }
  while (window.length > 0) {
    if (take(window) && stopAfterFirst) return ranges;
    window.shift();
  }
  return ranges;
}

/** An offset moved off the middle of a surrogate pair, towards `direction`. */
function onCharacter(text: string, offset: number, direction: -1 | 1): number {
  const code = text.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff && offset > 0 && offset < text.length ? offset + direction : offset;
}

/**
 * A field's highlight: the ranges where the search's terms matched in `value`, or null when none did. A value
 * longer than EXCERPT_LENGTH becomes an excerpt around its first match, cut at word boundaries where it can, with
 * "…" where it was cut; its ranges count in the excerpt.
 */
export function highlightField(field: SearchField, value: string, terms: SearchTerm[]): SearchHighlight | null {
  if (terms.length === 0 || value.length === 0) return null;
  if (value.length <= EXCERPT_LENGTH) {
    const ranges = findRanges(value, terms);
    return ranges.length > 0 ? { field, text: value, ranges } : null;
  }
  const [first] = findRanges(value, terms, 0, value.length, true);
  if (!first) return null;
  let start = Math.max(0, first.start - EXCERPT_LEAD);
  // Begin at a word: after the white space nearest before `start`, when there is one close by.
  if (start > 0) {
    const space = value.lastIndexOf(" ", start);
    start = space >= 0 && first.start - space <= EXCERPT_LEAD + 20 ? space + 1 : onCharacter(value, start, 1);
  }
  let end = Math.min(value.length, start + EXCERPT_LENGTH);
  if (end < value.length) {
    const space = value.lastIndexOf(" ", end);
    end = space > first.end ? space : onCharacter(value, end, -1);
  }
  end = Math.max(end, Math.min(value.length, first.end));
  const prefix = start > 0 ? "…" : "";
  const suffix = end < value.length ? "…" : "";
  const ranges = findRanges(value, terms, start, end).map((range) => ({
    start: range.start - start + prefix.length,
    end: range.end - start + prefix.length,
  }));
  return { field, text: `${prefix}${value.slice(start, end)}${suffix}`, ranges };
}
