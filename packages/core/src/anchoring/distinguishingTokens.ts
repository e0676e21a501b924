import { numberWordValue } from "../text/numberWords";
/**
 * The words of a quote, each tagged with what it does to the statement: a number, a date word, a
 * name, a negation, a content word or a function word. What two look-alike sentences differ by is
 * almost always one of these ("nine"/"twelve", "3 May"/"5 May", "Ortiz"/"Ramos", "did"/"did not",
 * "north"/"south"); `compareStatements` aligns two quotes' tokens and reports such changes.
 *
 * English word lists, kept small on purpose: no NLP model, no download. Text in other scripts
 * still gets digits, capitalisation-free content words and the context check.
 */

export type TokenKind = "number" | "date" | "name" | "negation" | "quantity" | "relation" | "word" | "function";

export interface Token {
  /** The word as written. */
  text: string;
  /**
   * What the alignment compares: NFC, lower-cased, curly apostrophes straightened, a possessive
   * "'s" dropped, thousands separators removed and number words turned into digits ("nine" → "9").
   */
  key: string;
  kind: TokenKind;
  /** [start, end) in the tokenized text, UTF-16 code units. */
  start: number;
  end: number;
}

/** Month and weekday names. "may" and "march" count only when capitalised (else a verb). */
const DATE_WORDS = new Set([
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "yesterday",
  "today",
  "tomorrow",
]);
const DATE_WORDS_ONLY_CAPITALISED = new Set(["may", "march", "mar", "dec", "sun"]);

const NEGATIONS = new Set([
  "not",
  "no",
  "never",
  "none",
  "nobody",
  "nothing",
  "nowhere",
  "neither",
  "nor",
  "cannot",
  "without",
  "n't",
  // Hedged, failed or denied actions say the opposite of the plain verb ("helped" → "hardly helped").
  "hardly",
  "barely",
  "scarcely",
  "seldom",
  "rarely",
  "fail",
  "fails",
  "failed",
  "failing",
  "unable",
  "deny",
  "denies",
  "denied",
  "denying",
]);

/** How much or how many, in words: "all" and "some" schools are two statements, like 9 and 12. */
const QUANTITY_WORDS = new Set([
  "all",
  "every",
  "each",
  "some",
  "most",
  "many",
  "much",
  "few",
  "fewer",
  "several",
  "more",
  "less",
  "least",
  "majority",
  "minority",
]);

/** When, relative to something else: "before the war" and "after the war" are two claims. */
const TIME_RELATION_WORDS = new Set(["before", "after", "since", "until", "earlier", "later", "prior"]);

/** Words that carry grammar rather than content: swapping one ("in" → "on") is not counted. */
const FUNCTION_WORDS = new Set(
  (
    "a an the of in on at to for with by from into onto over under about as and or but if so than then " +
    "that this these those there here it its it's he she they we you i him her them us me his hers their our " +
    "your my who whom whose which what when where why how is are was were be been being am has have had do " +
    "does did will would shall should can could may might must also just very too only even still yet again"
  ).split(" "),
);

/**
 * A word: letters, marks and digits, with inner apostrophes ("didn't") and digit separators ("1,200").
 * A number keeps a minus sign and a currency symbol written before it ("-5", "$5", "€5"): they change
 * what it says. A hyphen counts as a minus only where no letter or digit comes right before it.
 */
const WORD = /(?:(?<![\p{L}\p{N}])[-−])?[$€£¥₹]?\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu;
/** A year: a four-digit number from 1000 to 2199. */
const YEAR = /^(?:1\d{3}|2[01]\d{2})$/;
/** What ends a sentence, between two words: a full stop, ! or ?, or a line break. */
const SENTENCE_END = /[.!?\n]/;

/**
 * Splits `text` into tagged tokens. `precededBy` is the text just before it (a quote's prefix):
 * it decides whether the first word starts a sentence, since a capitalised word counts as a name
 * only where a sentence does not start. With no `precededBy`, the first word is taken to start one.
 * A contraction's "n't" becomes a token of its own ("didn't" → "did", "n't").
 */
export function tokenize(text: string, precededBy = ""): Token[] {
  const tokens: Token[] = [];
  let previousEnd = -1;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    let word = match[0];
    const isSentenceStart =
      previousEnd < 0 ? startsSentence(precededBy) : SENTENCE_END.test(text.slice(previousEnd, start));
    previousEnd = start + word.length;
    const contraction = /n['’]t$/iu.exec(word);
    if (contraction && word.length > 3) {
      word = word.slice(0, -3);
      tokens.push(makeToken(word, start, isSentenceStart));
      tokens.push({
        text: match[0].slice(-3),
        key: "n't",
        kind: "negation",
        start: start + word.length,
        end: previousEnd,
      });
      continue;
    }
    tokens.push(makeToken(word, start, isSentenceStart));
  }
  markDateNumbers(tokens);
  return tokens;
}

/** Whether a word right after `precededBy` starts a sentence: nothing but space before it, or a sentence's end. */
function startsSentence(precededBy: string): boolean {
  const afterLastWord = /[^\p{L}\p{M}\p{N}]*$/u.exec(precededBy)?.[0] ?? "";
  return afterLastWord.length === precededBy.length || SENTENCE_END.test(afterLastWord);
}

function makeToken(text: string, start: number, isSentenceStart: boolean): Token {
  const lower = text.normalize("NFC").toLowerCase().replaceAll("’", "'");
  const key = lower.replace(/'s$/u, "");
  const end = start + text.length;
  if (/^[-−]?[$€£¥₹]?\p{N}/u.test(key)) {
    const digits = key.replace(/,(?=\p{N}{3})/gu, "").replace("−", "-");
    return { text, key: digits, kind: YEAR.test(key) ? "date" : "number", start, end };
  }
  const numberValue = numberWordValue(key);
  if (numberValue !== undefined && key !== "second" && key !== "half") {
    return { text, key: String(numberValue), kind: "number", start, end };
  }
  const isCapitalised = /^\p{Lu}/u.test(text);
  if (DATE_WORDS.has(key) && (isCapitalised || !DATE_WORDS_ONLY_CAPITALISED.has(key))) {
    return { text, key, kind: "date", start, end };
  }
  if (NEGATIONS.has(key)) return { text, key, kind: "negation", start, end };
  if (QUANTITY_WORDS.has(key)) return { text, key, kind: "quantity", start, end };
  if (TIME_RELATION_WORDS.has(key)) return { text, key, kind: "relation", start, end };
  if (FUNCTION_WORDS.has(key)) return { text, key, kind: "function", start, end };
  if (isCapitalised && !isSentenceStart) return { text, key, kind: "name", start, end };
  return { text, key, kind: "word", start, end };
}

/** A number right beside a month name is a day of a date ("3 May", "May 3"). */
function markDateNumbers(tokens: Token[]): void {
  tokens.forEach((token, index) => {
    if (token.kind !== "number") return;
    const isBesideMonth = [tokens[index - 1], tokens[index + 1]].some(
      (neighbour) => neighbour?.kind === "date" && !/day$|^(?:yesterday|today|tomorrow)$/u.test(neighbour.key),
    );
    if (isBesideMonth) token.kind = "date";
  });
}
