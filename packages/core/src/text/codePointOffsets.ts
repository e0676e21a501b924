/**
 * Offsets in two units. Factmark counts positions in UTF-16 code units internally (what JavaScript strings,
 * ProseMirror and the browser's Selection count); the W3C Web Annotation model counts a TextPositionSelector's
 * `start` and `end` in Unicode code points ("🚀" is 2 units and 1 code point). These convert between the two
 * for one text; every export and import of positions goes through them.
 */

/** A text's offsets converter, built once (linear in the text) and asked many times (logarithmic). */
export interface CodePointOffsets {
  /** The text's length in code points. */
  readonly length: number;
  /**
   * The code point offset of a UTF-16 offset (0 <= utf16 <= text.length). An offset that falls between the
   * two halves of a surrogate pair counts the whole pair as before it. Throws RangeError outside the text.
   */
  toCodePoints(utf16: number): number;
  /**
   * The UTF-16 offset of a code point offset (0 <= codePoints <= length), or undefined outside the text (a
   * foreign position can name any number).
   */
  toUtf16(codePoints: number): number | undefined;
}

/**
 * The offsets converter of `text`. Texts without astral characters (most) convert by identity and cost no
 * memory; otherwise the UTF-16 offsets of the astral characters are kept, sorted.
 */
export function codePointOffsets(text: string): CodePointOffsets {
  const astral: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        astral.push(i);
        i++;
      }
    }
  }
  const length = text.length - astral.length;
  /** How many astral characters start before the UTF-16 offset `utf16` (at index < utf16). */
  const astralBefore = (utf16: number): number => {
    let low = 0;
    let high = astral.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((astral[middle] as number) < utf16) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return {
    length,
    toCodePoints(utf16) {
      if (!Number.isInteger(utf16) || utf16 < 0 || utf16 > text.length) {
        throw new RangeError(`offset ${utf16} is outside a text of ${text.length} UTF-16 units`);
      }
      if (astral.length === 0) return utf16;
      // An astral character starting at utf16 - 1 is cut in half: count it whole, as before the offset.
      const before = astralBefore(utf16);
      const cutsPair = before > 0 && astral[before - 1] === utf16 - 1;
      return utf16 - before + (cutsPair ? 1 : 0);
    },
    toUtf16(codePoints) {
      if (!Number.isInteger(codePoints) || codePoints < 0 || codePoints > length) return undefined;
      if (astral.length === 0) return codePoints;
      // The k-th astral character (0-based) at UTF-16 offset a_k sits at code point offset a_k - k. Find how
      // many astral characters start before the code point offset.
      let low = 0;
      let high = astral.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if ((astral[middle] as number) - middle < codePoints) low = middle + 1;
        else high = middle;
      }
      return codePoints + low;
    },
  };
}
