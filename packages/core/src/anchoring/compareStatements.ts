import { type Token, tokenize } from "./distinguishingTokens";
import { editDistance } from "./editDistance";

/**
 * What changed between a claim's old quote and a candidate for it that makes them (maybe) two
 * different statements:
 * - `number`: "nine" became "twelve" ("nine" and "9" are the same number);
 * - `date`: a month, weekday, year or day of a month changed ("3 May" → "5 May");
 * - `name`: a capitalised word that does not start a sentence changed ("Ortiz" → "Ramos");
 * - `negation`: "not", "never", "no", "n't"… added or removed ("did" → "did not");
 * - `word`: a content word was replaced by another ("north" → "south"), not a typo fixed.
 * Inserted or deleted content words ("dozens more", "armed drones") and changed function words
 * ("in" → "on") are not reported: a sentence edited in place often gains or loses some.
 */
export type StatementDifferenceKind = "number" | "date" | "name" | "negation" | "word";

export interface StatementDifference {
  kind: StatementDifferenceKind;
  /** What the old quote had there (empty when something was added). */
  before: string;
  /** What the candidate has there (empty when something was removed). */
  after: string;
  /** A short English phrase for a reviewer: `"nine" became "twelve"`. */
  phrase: string;
}

/**
 * Kinds that always make another statement: a verdict on "dropped by nine percent" is not a verdict
 * on "dropped by twelve percent", wherever that sentence is. A `word` change is softer: an editor
 * rewording a sentence in place ("says" → "states") keeps the statement, a look-alike sentence
 * elsewhere ("north" → "south") does not; the context tells them apart (see `STATEMENT_GUARD`).
 */
export const HARD_DIFFERENCE_KINDS: ReadonlySet<StatementDifferenceKind> = new Set([
  "number",
  "date",
  "name",
  "negation",
]);

/**
 * The limits of the comparison.
 *
 * - `maxTypoEdits` 1: a replaced word one letter inserted, deleted or replaced away from the old
 *   word, or with two neighbouring letters swapped, is a typo fixed ("transfered" → "transferred",
 *   "recieve" → "receive"), not another word. Words that differ by two letters or more are other
 *   words, however long: "north"/"south", "increased"/"decreased", "import"/"export".
 * - `maxAlignmentCells` 250,000: the word alignment is quadratic in the words that differ between
 *   the common head and tail; past this (two rewritten 500-word middles) the middle is compared as
 *   one replaced stretch, which still finds every changed number, name and negation.
 */
export const STATEMENT_COMPARISON_LIMITS = {
  maxTypoEdits: 1,
  maxAlignmentCells: 250_000,
} as const;

export interface CompareStatementsOptions {
  /** The text just before the old quote (its stored prefix): decides whether its first word starts a sentence. */
  oldPrecededBy?: string;
  /** The text just before the candidate. */
  newPrecededBy?: string;
}

/**
 * The differences between two quotes that could make them different statements, in reading order.
 * Pure and deterministic; cost O(words) plus the alignment of the stretch that differs.
 */
export function compareStatements(
  oldQuote: string,
  newQuote: string,
  options: CompareStatementsOptions = {},
): StatementDifference[] {
  const before = tokenize(oldQuote, options.oldPrecededBy ?? "");
  const after = tokenize(newQuote, options.newPrecededBy ?? "");
  const differences: StatementDifference[] = [];
  for (const hunk of alignTokens(before, after)) differences.push(...describeHunk(hunk.removed, hunk.added));
  return differences;
}

interface Hunk {
  removed: Token[];
  added: Token[];
}

/** The stretches where the two token lists differ, from a longest common subsequence of their keys. */
function alignTokens(before: Token[], after: Token[]): Hunk[] {
  let head = 0;
  while (head < before.length && head < after.length && before[head]?.key === after[head]?.key) head += 1;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail]?.key === after[after.length - 1 - tail]?.key
  ) {
    tail += 1;
  }
  const oldMiddle = before.slice(head, before.length - tail);
  const newMiddle = after.slice(head, after.length - tail);
  if (oldMiddle.length === 0 && newMiddle.length === 0) return [];
  if (oldMiddle.length * newMiddle.length > STATEMENT_COMPARISON_LIMITS.maxAlignmentCells) {
    return [{ removed: oldMiddle, added: newMiddle }];
  }
  // lengths[i][j]: the longest common subsequence of oldMiddle[i..] and newMiddle[j..].
  const columns = newMiddle.length + 1;
  const lengths = new Uint32Array((oldMiddle.length + 1) * columns);
  for (let i = oldMiddle.length - 1; i >= 0; i -= 1) {
    for (let j = newMiddle.length - 1; j >= 0; j -= 1) {
      lengths[i * columns + j] =
        oldMiddle[i]?.key === newMiddle[j]?.key
          ? (lengths[(i + 1) * columns + j + 1] as number) + 1
          : Math.max(lengths[(i + 1) * columns + j] as number, lengths[i * columns + j + 1] as number);
    }
  }
  const hunks: Hunk[] = [];
  let current: Hunk = { removed: [], added: [] };
  const flush = () => {
    if (current.removed.length > 0 || current.added.length > 0) hunks.push(current);
    current = { removed: [], added: [] };
  };
  let i = 0;
  let j = 0;
  while (i < oldMiddle.length || j < newMiddle.length) {
    const oldToken = oldMiddle[i];
    const newToken = newMiddle[j];
    if (oldToken && newToken && oldToken.key === newToken.key) {
      flush();
      i += 1;
      j += 1;
    } else if (
      newToken === undefined ||
      (oldToken && (lengths[(i + 1) * columns + j] as number) >= (lengths[i * columns + j + 1] as number))
    ) {
      current.removed.push(oldToken as Token);
      i += 1;
    } else {
      current.added.push(newToken);
      j += 1;
    }
  }
  flush();
  return hunks;
}

/** The differences one replaced stretch makes, kind by kind. */
function describeHunk(removed: Token[], added: Token[]): StatementDifference[] {
  const differences: StatementDifference[] = [];
  // Typo fixes first: a removed word and an added word a few letters apart are one word, fixed.
  // Numbers never are ("1990" → "1991" is another year).
  const removedLeft = [...removed];
  const addedLeft = [...added];
  for (const oldToken of removed) {
    if (oldToken.kind === "number" || oldToken.kind === "date" || oldToken.kind === "negation") continue;
    const index = addedLeft.findIndex(
      (newToken) => newToken.kind === oldToken.kind && isTypo(oldToken.key, newToken.key),
    );
    if (index === -1) continue;
    addedLeft.splice(index, 1);
    removedLeft.splice(removedLeft.indexOf(oldToken), 1);
  }
  for (const kind of ["number", "date"] as const) {
    differences.push(...pairUp(kind, ofKind(removedLeft, kind), ofKind(addedLeft, kind)));
  }
  // A name of several words ("Amnesty International") is one name.
  // A quantity or time relation replaced by another ("all" → "some", "before" → "after") says something
  // else, like a number; one only added or removed ("dozens more") qualifies the statement and is let be.
  for (const [kind, reportedAs] of [
    ["quantity", "number"],
    ["relation", "date"],
  ] as const) {
    const removedWords = ofKind(removedLeft, kind);
    const addedWords = ofKind(addedLeft, kind);
    for (let index = 0; index < Math.min(removedWords.length, addedWords.length); index += 1) {
      const before = (removedWords[index] as Token).text;
      const after = (addedWords[index] as Token).text;
      differences.push({ kind: reportedAs, before, after, phrase: `"${before}" became "${after}"` });
    }
  }
  differences.push(...pairUp("name", joinWords(ofKind(removedLeft, "name")), joinWords(ofKind(addedLeft, "name"))));
  const negationsRemoved = ofKind(removedLeft, "negation");
  const negationsAdded = ofKind(addedLeft, "negation");
  for (const token of negationsAdded) {
    differences.push({
      kind: "negation",
      before: "",
      after: token.text,
      phrase: `a negation was added ("${token.text}")`,
    });
  }
  for (const token of negationsRemoved) {
    differences.push({
      kind: "negation",
      before: token.text,
      after: "",
      phrase: `a negation was removed ("${token.text}")`,
    });
  }
  // A content word replaced by another counts; one only inserted or only deleted does not.
  const wordsRemoved = ofKind(removedLeft, "word");
  const wordsAdded = ofKind(addedLeft, "word");
  if (wordsRemoved.length > 0 && wordsAdded.length > 0) {
    const beforeText = wordsRemoved.map((token) => token.text).join(" ");
    const afterText = wordsAdded.map((token) => token.text).join(" ");
    differences.push({
      kind: "word",
      before: beforeText,
      after: afterText,
      phrase: `"${beforeText}" became "${afterText}"`,
    });
  }
  return differences;
}

function pairUp(kind: "number" | "date" | "name", removed: Token[], added: Token[]): StatementDifference[] {
  const label = kind === "number" ? "the number" : kind === "date" ? "the date" : "the name";
  const differences: StatementDifference[] = [];
  const count = Math.max(removed.length, added.length);
  for (let index = 0; index < count; index += 1) {
    const oldToken = removed[index];
    const newToken = added[index];
    if (oldToken && newToken) {
      const phrase =
        kind === "number"
          ? `"${oldToken.text}" became "${newToken.text}"`
          : `${label} "${oldToken.text}" became "${newToken.text}"`;
      differences.push({ kind, before: oldToken.text, after: newToken.text, phrase });
    } else if (oldToken) {
      differences.push({ kind, before: oldToken.text, after: "", phrase: `${label} "${oldToken.text}" was removed` });
    } else if (newToken) {
      differences.push({ kind, before: "", after: newToken.text, phrase: `${label} "${newToken.text}" was added` });
    }
  }
  return differences;
}

/** The tokens as one, for a phrase: none stays none. */
function joinWords(tokens: Token[]): Token[] {
  const [first] = tokens;
  const last = tokens.at(-1);
  if (!first || !last) return [];
  return [{ ...first, text: tokens.map((token) => token.text).join(" "), end: last.end }];
}

function ofKind(tokens: Token[], kind: Token["kind"]): Token[] {
  return tokens.filter((token) => token.kind === kind);
}

function isTypo(oldKey: string, newKey: string): boolean {
  if (editDistance(oldKey, newKey, STATEMENT_COMPARISON_LIMITS.maxTypoEdits) !== undefined) return true;
  return isAdjacentSwap(oldKey, newKey);
}

/** Whether `b` is `a` with two neighbouring characters swapped ("recieve" → "receive"). */
function isAdjacentSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let first = 0;
  while (first < a.length && a[first] === b[first]) first += 1;
  return (
    first < a.length - 1 &&
    a[first] === b[first + 1] &&
    a[first + 1] === b[first] &&
    a.slice(first + 2) === b.slice(first + 2)
  );
}
