import { CARDINAL_WORDS, SCALE_WORDS } from "../text/numberWords";
import { findWords, STOPWORDS, stem, type Word } from "./findWords";
import type { Span } from "./types";

/**
 * What a quantity counts: money, a percentage, a length of time (in hours), things named by a noun, or a size said
 * in words ("minimal", "negligible"), as a share between 0 and 1 comparable with percentages.
 */
export type QuantityKind = "money" | "percent" | "duration" | "count" | "magnitude";

/** A quantity stated in the text, normalised to an interval [low, high] (high may be Infinity). */
export interface Quantity extends Span {
  kind: QuantityKind;
  low: number;
  high: number;
  /** The stem of the counted noun ("drone"), for counts; null when none follows. */
  noun: string | null;
  /** Readable normalised value: "1–20 drones", "≥ 10 aircraft", "$2,000,000", "18%". */
  value: string;
  /** A vague quantity ("dozens", "a limited number") rather than a figure. */
  isVague: boolean;
}

// Vague amounts, as the interval a reader would accept for them.
const VAGUE: Array<{ words: string[]; low: number; high: number }> = [
  { words: ["a", "limited", "number"], low: 1, high: 20 },
  { words: ["limited", "number"], low: 1, high: 20 },
  { words: ["a", "small", "number"], low: 1, high: 20 },
  { words: ["a", "handful"], low: 2, high: 6 },
  { words: ["a", "few"], low: 2, high: 5 },
  { words: ["several"], low: 3, high: 9 },
  { words: ["dozens"], low: 24, high: 999 },
  { words: ["scores"], low: 40, high: 999 },
  { words: ["hundreds"], low: 200, high: 9999 },
  { words: ["thousands"], low: 2000, high: 99999 },
  { words: ["millions"], low: 2e6, high: 999e6 },
];
// Sizes said in words, as the share of the whole a reader would accept for them.
const MAGNITUDES: Record<string, [number, number]> = {
  minimal: [0, 0.1],
  negligible: [0, 0.05],
  slight: [0, 0.1],
  marginal: [0, 0.1],
  insignificant: [0, 0.05],
};
const HOURS: Record<string, number> = {
  minute: 1 / 60,
  hour: 1,
  day: 24,
  week: 168,
  month: 730,
  year: 8760,
  decade: 87600,
};
// Currencies by their word and their sign; a figure shows the sign it was given in.
const CURRENCY_WORDS: Record<string, string> = {
  dollars: "$",
  dollar: "$",
  euros: "€",
  euro: "€",
  pounds: "£",
  pound: "£",
};
const CURRENCY_SIGN = /^[$€£]/;
// A day beside a month's name ("3 May", "May 3") is part of a date; the name is capitalised, or it is a word ("may").
const MONTH =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)$/;
// Nouns for people, so that "14 miners" and "nine workers" count the same kind of thing.
export const PEOPLE = new Set(
  "people person worker miner passenger resident nurse staff employee teacher pupil student child patient member crew officer soldier civilian victim family".split(
    " ",
  ),
);
type Hedge = "exact" | "about" | "atLeast" | "atMost" | "upTo";
const HEDGES: Array<{ words: string[]; hedge: Hedge }> = [
  { words: ["more", "than"], hedge: "atLeast" },
  { words: ["at", "least"], hedge: "atLeast" },
  { words: ["over"], hedge: "atLeast" },
  { words: ["no", "fewer", "than"], hedge: "atLeast" },
  { words: ["fewer", "than"], hedge: "atMost" },
  { words: ["less", "than"], hedge: "atMost" },
  { words: ["under"], hedge: "atMost" },
  { words: ["at", "most"], hedge: "atMost" },
  { words: ["within"], hedge: "atMost" },
  { words: ["no", "more", "than"], hedge: "atMost" },
  { words: ["up", "to"], hedge: "upTo" },
  { words: ["as", "much", "as"], hedge: "upTo" },
  { words: ["as", "many", "as"], hedge: "upTo" },
  { words: ["about"], hedge: "about" },
  { words: ["around"], hedge: "about" },
  { words: ["roughly"], hedge: "about" },
  { words: ["nearly"], hedge: "about" },
  { words: ["almost"], hedge: "about" },
  { words: ["approximately"], hedge: "about" },
  { words: ["some"], hedge: "about" },
  { words: ["an", "estimated"], hedge: "about" },
];

/**
 * The quantities stated in [from, to) of `text`: figures in digits or words ("14,000", "twenty-five", "$7.5
 * million", "18 percent"), ranges ("between 3 and 5", "3 to 5", "3-5"), hedges ("more than", "at least", "fewer
 * than", "about"), lengths of time ("within an hour", "six hours") and vague amounts ("dozens", "a limited number").
 * Numbers inside `excluded` spans (dates: "3 May", "in 2022") are skipped.
 */
export function extractQuantities(text: string, from: number, to: number, excluded: Span[] = []): Quantity[] {
  const words = findWords(text, from, to);
  const quantities: Quantity[] = [];
  const isExcluded = (word: Word) => excluded.some((span) => word.start < span.end && word.end > span.start);
  let index = 0;
  while (index < words.length) {
    const found = readQuantity(text, words, index, isExcluded);
    if (found) {
      quantities.push(found.quantity);
      index = found.next;
    } else index++;
  }
  return quantities;
}

function matches(words: Word[], at: number, phrase: string[]): boolean {
  return phrase.every((part, offset) => words[at + offset]?.lower === part);
}

function readQuantity(
  text: string,
  words: Word[],
  first: number,
  isExcluded: (word: Word) => boolean,
): { quantity: Quantity; next: number } | null {
  let at = first;
  let hedge: Hedge = "exact";
  for (const candidate of HEDGES) {
    if (matches(words, at, candidate.words)) {
      hedge = candidate.hedge;
      at += candidate.words.length;
      break;
    }
  }
  const vague = VAGUE.find((candidate) => matches(words, at, candidate.words));
  if (vague) {
    const afterVague = at + vague.words.length;
    const noun = nounAfter(words, afterVague);
    const startWord = words[first] as Word;
    const endWord = words[afterVague - 1] as Word;
    return {
      quantity: {
        start: startWord.start,
        end: endWord.end,
        kind: "count",
        low: vague.low,
        high: vague.high,
        noun: noun?.stem ?? null,
        value: `${vague.words.join(" ")} (${formatRange(vague.low, vague.high)})${noun ? ` ${noun.word}` : ""}`,
        isVague: true,
      },
      next: afterVague,
    };
  }
  const word = words[at];
  if (!word || isExcluded(word)) return null;
  const magnitude = MAGNITUDES[word.lower];
  if (magnitude && hedge === "exact") {
    return {
      quantity: {
        start: word.start,
        end: word.end,
        kind: "magnitude",
        low: magnitude[0],
        high: magnitude[1],
        noun: null,
        value: `${word.lower} (≤ ${magnitude[1] * 100}%)`,
        isVague: true,
      },
      next: at + 1,
    };
  }
  let currency = CURRENCY_SIGN.exec(word.text)?.[0] ?? null;
  let number = readNumber(words, at);
  if (number && isDayOfMonth(words, at, number.next)) return null;
  // "a week", "an hour": one of a unit of time.
  if (!number && (word.lower === "a" || word.lower === "an") && HOURS[singular(words[at + 1]?.lower ?? "")]) {
    number = { value: 1, next: at + 1 };
  }
  if (!number) return null;
  let { value, next } = number;
  let high = value;
  const rangeJoin = words[next]?.lower;
  if ((rangeJoin === "to" || rangeJoin === "and") && words[next + 1]) {
    const upper = readNumber(words, next + 1);
    if (upper && upper.value > value && (rangeJoin === "to" || words[first - 1]?.lower === "between")) {
      high = upper.value;
      next = upper.next;
    }
  }
  const unitWord = words[next]?.lower ?? "";
  let kind: QuantityKind = "count";
  let nounInfo: { word: string; stem: string } | null = null;
  if (currency) kind = "money";
  else if (
    unitWord === "percent" ||
    word.lower.endsWith("%") ||
    (unitWord === "per" && words[next + 1]?.lower === "cent")
  ) {
    kind = "percent";
    next += unitWord === "per" ? 2 : unitWord === "percent" ? 1 : 0;
  } else if (Object.hasOwn(CURRENCY_WORDS, unitWord)) {
    kind = "money";
    currency = CURRENCY_WORDS[unitWord] as string;
    next++;
  } else if (HOURS[singular(unitWord)]) {
    kind = "duration";
    const hours = HOURS[singular(unitWord)] as number;
    value *= hours;
    high *= hours;
    next++;
  } else {
    nounInfo = nounAfter(words, next);
  }
  // A bare four-digit year is a date, not a quantity.
  if (kind === "count" && hedge === "exact" && value === high && /^(1[89]|20)\d\d$/.test(word.lower)) return null;
  const [low, upper] = applyHedge(hedge, value, high);
  const startWord = words[first] as Word;
  const endWord = words[Math.max(first, next - 1)] as Word;
  const unitText = kind === "percent" ? "%" : kind === "duration" ? " hours" : nounInfo ? ` ${nounInfo.word}` : "";
  const shown = formatRange(low, upper, currency ?? "");
  return {
    quantity: {
      start: startWord.start,
      end: Math.min(endWord.end, text.length),
      kind,
      low,
      high: upper,
      noun: nounInfo?.stem ?? null,
      value: `${shown}${unitText}`,
      isVague: false,
    },
    next: Math.max(next, at + 1),
  };
}

/** A whole number from 1 to 31 written in digits right beside a month's name: the day of a date, not a figure. */
function isDayOfMonth(words: Word[], at: number, next: number): boolean {
  const word = words[at] as Word;
  if (next !== at + 1 || !/^(?:[1-9]|[12]\d|3[01])$/.test(word.text)) return false;
  const after = words[next];
  const before = words[at - 1];
  const isMonth = (other: Word | undefined) => other !== undefined && MONTH.test(other.text);
  return isMonth(after) || (isMonth(before) && word.start - (before as Word).end === 1);
}

/** Reads a number in digits or words at `at`, with its scale ("7.5 million", "two hundred", "twenty-five"). */
export function readNumber(words: Word[], at: number): { value: number; next: number } | null {
  const word = words[at];
  if (!word) return null;
  const digits = word.lower
    .replace(/^[$€£]/, "")
    .replace(/%$/, "")
    .replace(/,/g, "");
  let value: number | null = null;
  let next = at + 1;
  if (/^\d+(?:\.\d+)?$/.test(digits)) value = Number(digits);
  else if (word.lower === "a" && words[at + 1]?.lower === "dozen") {
    value = 12;
    next = at + 2;
  } else {
    const parts = word.lower.split(/[-–]/);
    if (parts.every((part) => Object.hasOwn(CARDINAL_WORDS, part))) {
      value = parts.reduce((sum, part) => sum + (CARDINAL_WORDS[part] as number), 0);
    }
    // "3-5": a range written with a dash inside one word
    else if (/^\d+[-–]\d+$/.test(digits)) value = Number(digits.split(/[-–]/)[0]);
  }
  if (value === null) return null;
  while (words[next] && Object.hasOwn(SCALE_WORDS, words[next]?.lower as string)) {
    value *= SCALE_WORDS[words[next]?.lower as string] as number;
    next++;
  }
  return { value, next };
}

function applyHedge(hedge: Hedge, low: number, high: number): [number, number] {
  switch (hedge) {
    case "atLeast":
      return [low, Number.POSITIVE_INFINITY];
    case "atMost":
      return [0, high];
    case "upTo":
      return [high * 0.5, high];
    case "about":
      return [low * 0.8, high * 1.2];
    default:
      return [low, high];
  }
}

function singular(word: string): string {
  return word.replace(/s$/, "");
}

function nounAfter(words: Word[], at: number): { word: string; stem: string } | null {
  for (let offset = 0; offset < 3; offset++) {
    const word = words[at + offset];
    if (!word) return null;
    if (word.lower === "of" || word.lower === "the" || word.lower === "its" || word.lower === "their") continue;
    if (STOPWORDS.has(word.lower) || /\d/.test(word.lower)) return null;
    return { word: word.lower, stem: stem(word.lower) };
  }
  return null;
}

function formatRange(low: number, high: number, prefix = ""): string {
  const show = (value: number) => `${prefix}${Number(value.toPrecision(4)).toLocaleString("en-US")}`;
  if (high === Number.POSITIVE_INFINITY) return `≥ ${show(low)}`;
  if (low === 0) return `≤ ${show(high)}`;
  if (low === high) return show(low);
  return `${show(low)}–${show(high)}`;
}
