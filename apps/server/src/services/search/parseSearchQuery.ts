/**
 * What a user typed in the search box, read as words. The syntax is small: words (all must match), "quoted phrases",
 * a trailing `*` for a prefix, `OR` (upper case) between alternatives, `-word` or `-"a phrase"` to exclude. Anything
 * else is read as plain words or dropped, never refused: FTS5 or tsquery operators, `title:` column filters,
 * parentheses, unbalanced quotes, emoji, right-to-left text, lone surrogates, SQL. A word is what the indexes see as
 * one (letters, digits and their combining marks), so a database never receives the user's punctuation; the
 * expressions for each database are built from words alone (searchMatchExpressions.ts).
 */

/** A word, a prefix (`dro*`) or a phrase (several words in a row, the last one a prefix if `isPrefix`). */
export interface SearchTerm {
  /** As typed (case and accents kept: each database folds them as its index does), one or more in a row. */
  words: string[];
  isPrefix: boolean;
}

export interface ParsedSearch {
  /** Every group must match; a group matches when any of its terms (alternatives joined by OR) does. */
  groups: SearchTerm[][];
  /** Terms a result must not match. */
  excluded: SearchTerm[];
}

/** A word as the indexes split text: a letter, digit or private-use character, then those or combining marks. */
export const WORD_PATTERN = /[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{M}\p{Co}]*/gu;

/** At most this many terms are searched: a pasted paragraph still answers, and fast. */
export const MAX_SEARCH_TERMS = 32;
/** A word longer than this is cut: no language needs more, and the indexes ignore longer tokens. */
const MAX_WORD_LENGTH = 100;
/** A prefix shorter than this is searched as a whole word: `a*` would match most of the archive. */
const MIN_PREFIX_LENGTH = 2;

/** The words of a text, in order. */
export function searchWords(text: string): string[] {
  return (text.match(WORD_PATTERN) ?? []).map((word) => word.slice(0, MAX_WORD_LENGTH));
}

/**
 * A word folded as the indexes compare them: lower case, accents and other combining marks removed. Used to find
 * where a result's words matched (highlights), so it may fold a little more than an index does, never less.
 */
export function foldWord(word: string): string {
  return word
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

type Token = { kind: "or" } | { kind: "term"; term: SearchTerm; isExcluded: boolean };

/** Reads `q` into terms; never throws. An empty result (no groups) means there is nothing to search for. */
export function parseSearchQuery(q: string): ParsedSearch {
  const tokens = tokenize(q.toWellFormed());
  const groups: SearchTerm[][] = [];
  const excluded: SearchTerm[] = [];
  let joinsPrevious = false;
  let count = 0;
  for (const [index, token] of tokens.entries()) {
    if (token.kind === "or") {
      // An OR joins two alternatives; at either end, twice, or beside an exclusion it is nothing.
      const previous = tokens[index - 1];
      joinsPrevious = previous?.kind === "term" && !previous.isExcluded && groups.length > 0;
      continue;
    }
    if (count >= MAX_SEARCH_TERMS) break;
    count += 1;
    if (token.isExcluded) {
      excluded.push(token.term);
      joinsPrevious = false;
      continue;
    }
    const next = joinsPrevious ? groups[groups.length - 1] : undefined;
    if (next) next.push(token.term);
    else groups.push([token.term]);
    joinsPrevious = false;
  }
  return { groups: dedupeGroups(groups), excluded: dedupeTerms(excluded) };
}

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (position < q.length) {
    const character = q[position] as string;
    if (/\s/u.test(character)) {
      position += 1;
      continue;
    }
    let isExcluded = false;
    if (character === "-" && position + 1 < q.length && !/[\s-]/u.test(q[position + 1] as string)) {
      isExcluded = true;
      position += 1;
    }
    if (q[position] === '"') {
      // A phrase runs to the next quote, or (unbalanced) to the end.
      const close = q.indexOf('"', position + 1);
      const end = close === -1 ? q.length : close;
      const isPrefix = close !== -1 && q[close + 1] === "*";
      pushTerm(tokens, q.slice(position + 1, end), isPrefix, isExcluded);
      position = close === -1 ? q.length : close + (isPrefix ? 2 : 1);
      continue;
    }
    const match = /^[^\s"]+/u.exec(q.slice(position)) as RegExpExecArray;
    const chunk = match[0];
    position += chunk.length;
    if (chunk === "OR" && !isExcluded) {
      tokens.push({ kind: "or" });
      continue;
    }
    // "Amir-Abdollahian", "12.5%" or "U.S." are one term of several words: a phrase, as the index saw them.
    pushTerm(tokens, chunk, chunk.endsWith("*"), isExcluded);
  }
  return tokens;
}

function pushTerm(tokens: Token[], text: string, isPrefix: boolean, isExcluded: boolean): void {
  const words = searchWords(text);
  const last = words[words.length - 1];
  if (last === undefined) return;
  tokens.push({
    kind: "term",
    term: { words, isPrefix: isPrefix && [...last].length >= MIN_PREFIX_LENGTH },
    isExcluded,
  });
}

function termKey(term: SearchTerm): string {
  return `${term.words.map(foldWord).join(" ")}${term.isPrefix ? "*" : ""}`;
}

function dedupeTerms(terms: SearchTerm[]): SearchTerm[] {
  const seen = new Set<string>();
  return terms.filter((term) => {
    const key = termKey(term);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function dedupeGroups(groups: SearchTerm[][]): SearchTerm[][] {
  const seen = new Set<string>();
  return groups.map(dedupeTerms).filter((group) => {
    const key = group.map(termKey).sort().join(" | ");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
