/** Quotation marks a quote may carry itself: straight, curly, low and guillemets. */
const QUOTE_MARKS = /["“”„‟«»]/;

/**
 * A quote as the Suggestions tab shows it, in quotation marks that never double its own: “…” normally, ‘…’ when
 * it holds double marks itself (He said: “war.” → ‘He said: “war.”’, not “He said: “war.””). Long quotes are cut
 * at a word with an ellipsis (`maxLength` characters, whitespace folded).
 */
export function quoted(text: string, maxLength: number): string {
  const shown = clipAtWord(text, maxLength);
  return QUOTE_MARKS.test(shown) ? `‘${shown}’` : `“${shown}”`;
}

/**
 * `text` with its whitespace folded, cut to at most `maxLength` characters at the end of a word, with an ellipsis:
 * never in the middle of a word ("disputes the number of dron…"). A single word longer than that is cut where it
 * must. Punctuation left before the cut is dropped (no "war,…").
 */
export function clipAtWord(text: string, maxLength: number): string {
  const folded = text.replace(/\s+/g, " ").trim();
  if (folded.length <= maxLength) return folded;
  const room = folded.slice(0, maxLength);
  // A word ends at the cut when the next character is a space.
  const lastSpace = folded[maxLength] === " " ? maxLength : room.lastIndexOf(" ");
  const cut = lastSpace > 0 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:.–—-]+$/u, "")}…`;
}
