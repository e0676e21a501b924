// Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their presentation forms: the scripts written right to left.
const RIGHT_TO_LEFT =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDE7F]|\uD83A[\uDC00-\uDFFF]/;
// A letter of any script, so digits, punctuation and spaces (which take the direction around them) are skipped.
const LETTER = /\p{L}/u;

/**
 * The direction of a paragraph as `dir="auto"` and the Unicode bidi algorithm (rules P2-P3) find it:
 * that of its first strongly directional character, or null when it has none (digits, punctuation).
 * A simplification: every letter outside the right-to-left scripts counts as left-to-right.
 */
export function firstStrongDirection(text: string): "ltr" | "rtl" | null {
  for (const character of text) {
    if (RIGHT_TO_LEFT.test(character)) return "rtl";
    if (LETTER.test(character)) return "ltr";
  }
  return null;
}

/** First strong isolate and pop directional isolate (U+2068, U+2069): a run laid out in its own direction. */
export const FIRST_STRONG_ISOLATE = "\u2068";
export const POP_DIRECTIONAL_ISOLATE = "\u2069";
