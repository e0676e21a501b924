import type { Span } from "./types";

/** A word of the text with its span; `lower` is its lowercase form with curly apostrophes made straight. */
export interface Word extends Span {
  text: string;
  lower: string;
}

const WORD = /[\p{L}\p{N}$€£%][\p{L}\p{N}$%.,'’\-–]*[\p{L}\p{N}%]|[\p{L}\p{N}$€£%]/gu;

/**
 * The words of `text` between `from` and `to`: letters and digits with inner apostrophes, hyphens, dots and commas
 * ("Amir-Abdollahian", "U.S", "14,000", "$7.5", "€900"). Trailing punctuation stays outside the word.
 */
export function findWords(text: string, from = 0, to = text.length): Word[] {
  const words: Word[] = [];
  const slice = text.slice(from, to);
  for (const match of slice.matchAll(WORD)) {
    let value = match[0];
    // "14,000" keeps its comma; "said," does not reach here (a comma must sit between word characters).
    if (/[.,]$/.test(value)) value = value.slice(0, -1);
    const start = from + (match.index ?? 0);
    words.push({ start, end: start + value.length, text: value, lower: value.toLowerCase().replace(/’/g, "'") });
  }
  return words;
}

// Common English words that say nothing about a statement's subject.
export const STOPWORDS = new Set(
  (
    "a an the and or but if of to in on at by for with from as into onto over under about after before since until " +
    "than then that this these those there here it its it's he she him her his hers they them their theirs we us our " +
    "you your i me my is are was were be been being has have had having do does did will would shall should can " +
    "could may might must not no nor so too very just also only any all some such each every other another more most " +
    "less least much many few what which who whom whose when where why how while because though although whether " +
    "said says say saying told tells claimed claims noted added stated wrote according reportedly reported up out " +
    "one two three four five six seven eight nine ten week month year day today yesterday last next earlier later " +
    "monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr new first same own s per percent million " +
    "billion thousand hundred around nearly roughly almost least those"
  ).split(" "),
);

/** A crude stem: lowercase, apostrophe-s and common endings dropped, at most five letters ("supplying" → "suppl"). */
export function stem(word: string): string {
  const lower = word.toLowerCase().replace(/['’]s$/, "");
  const trimmed = lower.replace(/(?:ing|ed|es|s|ly|ment|ion|ions)$/, "");
  return (trimmed.length >= 3 ? trimmed : lower).slice(0, 5);
}
