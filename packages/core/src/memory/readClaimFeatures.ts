import { speakerNameKey } from "../speakers/speakerNameKey";
import { extractQuantities, type Quantity, type QuantityKind } from "../suggestions/extractQuantities";
import { findPolarity } from "../suggestions/findPolarity";
import { findWords, STOPWORDS, type Word } from "../suggestions/findWords";
import { numberWordValue } from "../text/numberWords";
import { canonicalTerm, DIRECTION_WORDS, oppositeTerms } from "./precedentSynonyms";
import { stemWord } from "./stemWord";

/** A claim as precedents compare it: its quote, its speaker as the claim spells it, and the newsroom's speaker id. */
export interface PrecedentClaim {
  quote: string;
  speaker: string | null;
  /** The newsroom Speaker the spelling belongs to (a SpeakerAlias row), when there is one. */
  speakerId?: string | null;
}

/** One content term of a quote: the canonical stem it is compared by and the word as the quote wrote it. */
export interface ClaimTerm {
  term: string;
  shown: string;
  isName: boolean;
}

/** A figure of a quote, normalised: `kind`, the interval it allows, and how it reads ("12%", "$3,000,000"). */
export interface ClaimNumber {
  kind: QuantityKind | "year";
  low: number;
  high: number;
  /** The counted noun's canonical stem ("drone"), for counts; null when none follows. */
  noun: string | null;
  value: string;
  isVague: boolean;
}

/** What scorePrecedent reads of a claim, read once: its terms, names, figures, sense and speaker. */
export interface ClaimFeatures {
  claim: PrecedentClaim;
  /** Content terms in the order they first appear, one per canonical term. */
  terms: ClaimTerm[];
  /** The quote's names folded (speakerNameKey, one per word: "amir", "abdollahian"). */
  names: string[];
  numbers: ClaimNumber[];
  /** Whether the quote says what it says negated (an odd number of negations: "did not supply", "denied"). */
  isNegated: boolean;
  /** The quote's terms that have an opposite ("increas", "more", "approv"), for telling "rose" from "fell". */
  directions: string[];
  /** The speaker's folded name (speakerNameKey), null without one. */
  speakerKey: string | null;
}

// "$3m", "€2.5bn", "4tn": abbreviated scales, written out so the quantity reader sees "$3 million".
const ABBREVIATED_SCALE = /([$€£]\s?\d+(?:[.,]\d+)?|\b\d+(?:[.,]\d+)?)\s?(bn|mn|m|b|k|tn)\b/gi;
const SCALE_NAMES: Readonly<Record<string, string>> = {
  bn: "billion",
  b: "billion",
  mn: "million",
  m: "million",
  k: "thousand",
  tn: "trillion",
};
// A year said on its own ("in 2019", "since 2014"): extractQuantities leaves years out as dates, and here they count.
const YEAR = /^(?:1[89]|20)\d\d$/;
// "no more than", "not only": a negation word that hedges or adds, and denies nothing.
// Words between a count and what it counts ("dozens of the drones", "48 more jets").
const COUNT_FILLERS = new Set(["of", "the", "its", "their", "more", "new", "additional", "extra", "further", "other"]);
const NOT_NEGATING_AFTER = new Set(["more", "fewer", "less", "only", "longer", "later", "sooner"]);

/**
 * Reads a claim for comparing with others: its content terms (lower-case, Unicode words, stop words dropped, stemmed
 * by stemWord and met across the synonym table), its names (capitalised words past the sentence's first, acronyms,
 * and a capitalised first word followed by another name), its figures normalised across formats ("12%", "12
 * percent", "twelve per cent"; "1,200", "1.2 thousand"; "$3m", "3 million dollars"), its sense (negated or not) and
 * its speaker's folded name.
 */
export function readClaimFeatures(claim: PrecedentClaim): ClaimFeatures {
  const text = claim.quote.replace(ABBREVIATED_SCALE, (_whole, figure: string, scale: string) => {
    // "3m" alone may be metres: expand it only after a currency sign, or for the unambiguous "bn"/"mn"/"tn".
    const lower = scale.toLowerCase();
    const isMoney = /^[$€£]/.test(figure);
    return isMoney || lower === "bn" || lower === "mn" || lower === "tn"
      ? `${figure.replace(/\s/g, "")} ${SCALE_NAMES[lower]}`
      : _whole;
  });
  const words = findWords(text);
  // The speaker's own name in the quote ("Malley said …") is who spoke, not what about: the speaker feature has it.
  const speakerKey = claim.speaker ? speakerNameKey(claim.speaker) || null : null;
  const speakerParts = new Set(speakerKey?.split(" ") ?? []);
  const numberWordIndexes = new Set<number>();
  const numbers = readNumbers(text, words, numberWordIndexes);
  const terms: ClaimTerm[] = [];
  const seen = new Set<string>();
  const names: string[] = [];
  const directions: string[] = [];
  words.forEach((word, index) => {
    if (numberWordIndexes.has(index)) return;
    const isName = isNameAt(text, words, index);
    for (const part of word.lower.split(/[-–'’.]/u)) {
      if (part.length === 0) continue;
      if (DIRECTION_WORDS.has(part)) directions.push(canonicalTerm(stemWord(part)));
      if (STOPWORDS.has(part) || /^[\p{N}$€£%.,]+$/u.test(part) || numberWordValue(part) !== undefined) continue;
      if (part.length < 2) continue;
      if (isName && speakerParts.has(speakerNameKey(part))) continue;
      if (isName) names.push(speakerNameKey(part));
      const term = canonicalTerm(stemWord(part));
      if (seen.has(term)) continue;
      seen.add(term);
      const shown = isName ? (word.text.split(/[-–'’.]/u).find((piece) => piece.toLowerCase() === part) ?? part) : part;
      terms.push({ term, shown, isName });
    }
  });
  for (const term of terms) if (oppositeTerms(term.term).size > 0) directions.push(term.term);
  return {
    claim,
    terms,
    names: [...new Set(names)],
    numbers,
    isNegated: countNegations(words, text) % 2 === 1,
    directions,
    speakerKey,
  };
}

/** The quote's figures, marking which words they were read from so those are not also counted as terms. */
function readNumbers(text: string, words: Word[], used: Set<number>): ClaimNumber[] {
  const numbers: ClaimNumber[] = extractQuantities(text, 0, text.length).map((quantity) => {
    words.forEach((word, index) => {
      if (word.start >= quantity.start && word.end <= quantity.end) used.add(index);
    });
    const noun = quantity.kind === "count" ? countedNoun(words, quantity.end) : null;
    return {
      kind: quantity.kind,
      low: quantity.low,
      high: quantity.high,
      noun,
      value: showNumber(quantity, text),
      isVague: quantity.isVague,
    };
  });
  words.forEach((word, index) => {
    if (!YEAR.test(word.lower)) return;
    used.add(index);
    const year = Number(word.lower);
    numbers.push({ kind: "year", low: year, high: year, noun: null, value: word.lower, isVague: false });
  });
  return numbers;
}

/**
 * What a count counts: the first content word after it, its first part ("48 air-defence systems" → "air"), as a
 * canonical term; "of", "the" and words of amount are passed over ("48 more fighter jets" → "fighter"), and any
 * other stop word ends the search ("dozens just this summer": none).
 */
function countedNoun(words: Word[], end: number): string | null {
  const after = words.filter((word) => word.start >= end).slice(0, 3);
  for (const word of after) {
    if (COUNT_FILLERS.has(word.lower)) continue;
    if (STOPWORDS.has(word.lower) || /\d/.test(word.lower)) return null;
    return canonicalTerm(stemWord(word.lower.split(/[-–]/)[0] as string));
  }
  return null;
}

/** A figure as a reason shows it: "12%", "$3,000,000", "52,000", "dozens", "two years", "2027". */
function showNumber(quantity: Quantity, text: string): string {
  if (quantity.kind === "percent" || quantity.kind === "money") return quantity.value;
  if (quantity.kind === "count" && !quantity.isVague && quantity.low === quantity.high) {
    return quantity.low.toLocaleString("en-US");
  }
  return text.slice(quantity.start, quantity.end);
}

/**
 * A name: a capitalised word (any script with case) that does not open a sentence, or an acronym ("NATO", "US"); a
 * capitalised first word counts when the next word is capitalised too ("Robert Malley said").
 */
function isNameAt(text: string, words: Word[], index: number): boolean {
  const word = words[index] as Word;
  if (!/^\p{Lu}/u.test(word.text)) return false;
  if (/^\p{Lu}{2,}$/u.test(word.text.replace(/[.-]/g, ""))) return true;
  const before = text.slice(index === 0 ? 0 : (words[index - 1] as Word).end, word.start);
  const opensSentence = index === 0 || /[.!?:"“]\s*$/u.test(before);
  if (!opensSentence) return !STOPWORDS.has(word.lower);
  const next = words[index + 1];
  return next !== undefined && /^\p{Lu}/u.test(next.text) && !STOPWORDS.has(word.lower);
}

/** Negation and denial cues (core's suggestion rules), less the hedges that only look like one ("no more than"). */
function countNegations(words: Word[], text: string): number {
  const { negations } = findPolarity(words, text);
  let hedges = 0;
  words.forEach((word, index) => {
    if ((word.lower === "no" || word.lower === "not") && NOT_NEGATING_AFTER.has(words[index + 1]?.lower ?? "")) {
      hedges++;
    }
  });
  return Math.max(0, negations.length - hedges);
}
