import type { Quotation } from "./findQuotations";
import type { Span } from "./types";

// Words whose full stop ends an abbreviation, not a sentence.
const ABBREVIATIONS = new Set(
  "mr mrs ms dr prof st gen sen rep gov lt col sgt capt cmdr adm jr sr inc corp ltd co no vs etc approx dept est fig mt ft".split(
    " ",
  ),
);

/**
 * The sentences of `text`, as spans without surrounding white space. Paragraphs ("\n") always end a sentence; inside
 * a paragraph a sentence ends at . ! or ? (and any closing quotation marks) before white space and a capital, a
 * digit or an opening mark, unless the full stop ends an abbreviation ("U.S.", "Dr.") or lies inside a quotation that
 * goes on: a quoted statement of several sentences stays one span.
 */
export function splitSentences(text: string, quotations: Quotation[]): Span[] {
  const sentences: Span[] = [];
  let quotationIndex = 0;
  let start = 0;
  const push = (end: number) => {
    let from = start;
    let to = end;
    while (from < to && /\s/.test(text[from] as string)) from++;
    while (to > from && /\s/.test(text[to - 1] as string)) to--;
    if (to > from) sentences.push({ start: from, end: to });
  };
  for (let index = 0; index < text.length; index++) {
    const character = text[index] as string;
    if (character === "\n") {
      push(index);
      start = index + 1;
      continue;
    }
    if (character === ";" && isClauseBoundary(text, start, index)) {
      push(index + 1);
      start = index + 1;
      continue;
    }
    if (character !== "." && character !== "!" && character !== "?") continue;
    let end = index + 1;
    while (end < text.length && /[”’"')\]]/.test(text[end] as string)) end++;
    if (end < text.length && !/[ \t]/.test(text[end] as string)) continue;
    let next = end;
    while (next < text.length && /[ \t]/.test(text[next] as string)) next++;
    if (next < text.length && !/[\p{Lu}\p{N}“"‘(]/u.test(text[next] as string)) continue;
    if (character === "." && endsAbbreviation(text, index)) continue;
    while (quotationIndex < quotations.length && (quotations[quotationIndex] as Quotation).end <= index)
      quotationIndex++;
    const quotation = quotations[quotationIndex];
    if (quotation && quotation.start < index && quotation.end > end) continue;
    push(end);
    start = end;
    index = end - 1;
  }
  push(text.length);
  return sentences;
}

/** A semicolon between two clauses of four words or more, outside quotations, ends a statement of its own. */
function isClauseBoundary(text: string, start: number, semicolon: number): boolean {
  const before = text.slice(start, semicolon);
  const lineEnd = text.indexOf("\n", semicolon);
  const after = text.slice(semicolon + 1, lineEnd < 0 ? text.length : lineEnd);
  const isQuoted = (before.match(/[“"]/g)?.length ?? 0) % 2 === 1 && !before.includes("”");
  return !isQuoted && before.trim().split(/\s+/).length >= 4 && after.trim().split(/\s+/).length >= 4;
}

function endsAbbreviation(text: string, fullStop: number): boolean {
  let wordStart = fullStop;
  while (wordStart > 0 && /[\p{L}.]/u.test(text[wordStart - 1] as string)) wordStart--;
  const word = text.slice(wordStart, fullStop);
  if (/^(?:\p{L}\.)*\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}
