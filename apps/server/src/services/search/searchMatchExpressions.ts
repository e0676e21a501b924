import type { ParsedSearch, SearchTerm } from "./parseSearchQuery";

/**
 * A parsed search as each database's full-text syntax: built from words alone (letters, digits, marks), each
 * quoted, so no operator, column name or quote a user typed reaches the database as syntax.
 */

/** FTS5's columns of "SearchText" (migration 0012), for a column filter. */
export type SearchTextColumn = "title" | "text" | "quote" | "rationale" | "speaker" | "evidenceTitle";

function fts5Term(term: SearchTerm): string {
  // Words hold no double quote (see WORD_PATTERN); FTS5 reads a quoted string of several words as a phrase.
  return `"${term.words.join(" ")}"${term.isPrefix ? "*" : ""}`;
}

function fts5Any(terms: SearchTerm[]): string {
  return terms.length === 1 ? fts5Term(terms[0] as SearchTerm) : `(${terms.map(fts5Term).join(" OR ")})`;
}

/** The FTS5 MATCH expression of a search with at least one group, optionally limited to some columns. */
export function toFts5Match(search: ParsedSearch, columns?: SearchTextColumn[]): string {
  const required = search.groups.map(fts5Any).join(" AND ");
  const expression = search.excluded.length > 0 ? `(${required}) NOT ${fts5Any(search.excluded)}` : required;
  return columns ? `{${columns.join(" ")}} : (${expression})` : expression;
}

/** tsquery weights of "search"."SearchEntry"."document" (migration 0012's postgresql.override.sql). */
export type SearchWeights = "A" | "B" | "C" | "D" | "AC";

function tsLexeme(word: string, isPrefix: boolean, weights: string): string {
  // Lower case here: PostgreSQL's own lower() folds only ASCII under a C locale; the document side uses ICU's.
  const quoted = `'${word.toLowerCase().replace(/['\\]/g, (character) => `${character}${character}`)}'`;
  const label = `${isPrefix ? "*" : ""}${weights}`;
  return label ? `${quoted}:${label}` : quoted;
}

function tsTerm(term: SearchTerm, weights: string, phrase: string): string {
  const lexemes = term.words.map((word, index) =>
    tsLexeme(word, term.isPrefix && index === term.words.length - 1, weights),
  );
  return lexemes.length === 1 ? (lexemes[0] as string) : `(${lexemes.join(` ${phrase} `)})`;
}

function tsAny(terms: SearchTerm[], weights: string, phrase: string): string {
  return terms.length === 1
    ? tsTerm(terms[0] as SearchTerm, weights, phrase)
    : `(${terms.map((term) => tsTerm(term, weights, phrase)).join(" | ")})`;
}

/**
 * The to_tsquery('search.factmark', …) text of a search with at least one group, optionally limited to weights.
 * `wordsOfPhrases` asks for a phrase's words anywhere, in any order: a query the GIN index answers without reading the
 * rows (it holds no positions or weights), to narrow a search before the exact one.
 */
export function toTsQuery(search: ParsedSearch, weights = "", wordsOfPhrases = false): string {
  const phrase = wordsOfPhrases ? "&" : "<->";
  const required = search.groups.map((group) => tsAny(group, weights, phrase)).join(" & ");
  return search.excluded.length > 0 ? `${required} & !${tsAny(search.excluded, "", "<->")}` : required;
}
