/**
 * Text in Unicode normalisation form C, and the way back from its offsets to the original's.
 *
 * The same "é" may be stored composed (U+00E9) or decomposed ("e" + U+0301); to a reader they are one
 * text, so quotes are compared in NFC. But a claim is stored at offsets into the article as it is,
 * so an offset found in the normalised text must be carried back.
 *
 * NFC changes text only locally: a letter and its combining marks, a Hangul syllable's jamo, one of
 * the few characters with a canonical singleton. So the text can be cut where normalisation cannot
 * reach across — before any code point that is neither a combining mark nor a Hangul vowel or final
 * jamo (none of which compose with what precedes them) — and each piece normalised alone. Pieces are
 * cut level by level (lines, then stretches of about 4,096 and 64 code points, then combining
 * sequences), only inside a piece that normalisation changes, and only when an offset inside it is
 * asked for: an article already in NFC costs one native `normalize`, and mapping one offset of a
 * 300 KB article written wholly in decomposed form, on one line, costs about 200 short `normalize`
 * calls rather than 300,000.
 */

/** The NFC form of a text, with its offsets mapped back to the original's. */
export interface NormalizedText {
  /** `original.normalize("NFC")`. */
  text: string;
  /** Whether normalising changed nothing (then every offset maps to itself). */
  isUnchanged: boolean;
  /**
   * The offset in the original text (UTF-16 code units) of `offset` in the normalised text (UTF-16
   * code units), or null when it falls inside a character that normalisation built from several
   * code points (the original has no offset there), or outside the text.
   */
  toOriginal(offset: number): number | null;
}

/** A stretch of the original, [originalStart, originalEnd), that normalises to [normalizedStart, normalizedEnd). */
interface Piece {
  originalStart: number;
  originalEnd: number;
  normalizedStart: number;
  normalizedEnd: number;
  isChanged: boolean;
  /** Which of LEVELS cuts this piece into its children. */
  level: number;
  /** Its pieces one level down, once asked for; null when it cannot be cut (see childrenOf). */
  children?: Piece[] | null;
}

/** Where a piece may be cut without changing its normal form, from coarse to fine (see above). */
const LEVELS: RegExp[] = [
  /\n?[^\n]*/gu,
  /[\s\S]{1,4096}[\p{M}\u1160-\u11ff\ud7b0-\ud7ff]*/gu,
  /[\s\S]{1,64}[\p{M}\u1160-\u11ff\ud7b0-\ud7ff]*/gu,
  /[\s\S][\p{M}\u1160-\u11ff\ud7b0-\ud7ff]*/gu,
];

/** The NFC form of `original` (see NormalizedText), its offsets mapped back. */
export function normalizeWithOffsets(original: string): NormalizedText {
  const text = original.normalize("NFC");
  const isUnchanged = text === original;
  const root: Piece = {
    originalStart: 0,
    originalEnd: original.length,
    normalizedStart: 0,
    normalizedEnd: text.length,
    isChanged: !isUnchanged,
    level: 0,
  };
  return {
    text,
    isUnchanged,
    toOriginal(offset) {
      if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return null;
      let piece = root;
      for (;;) {
        if (offset === piece.normalizedStart) return piece.originalStart;
        if (offset === piece.normalizedEnd) return piece.originalEnd;
        if (!piece.isChanged) return piece.originalStart + (offset - piece.normalizedStart);
        const children = childrenOf(piece, original, text);
        if (!children) return null;
        piece = lastPieceStartingAtOrBefore(children, offset);
      }
    },
  };
}

/**
 * The pieces of a changed piece one level down, normalised one by one and placed on the normalised
 * text; null below the finest level, or when they do not add up to the normalised text (Unicode data
 * this code did not foresee made a cut wrong: then only the piece's ends map).
 */
function childrenOf(piece: Piece, original: string, text: string): Piece[] | null {
  if (piece.children !== undefined) return piece.children;
  const splitter = LEVELS[piece.level];
  let children: Piece[] | null = splitter ? [] : null;
  let normalizedAt = piece.normalizedStart;
  const part = original.slice(piece.originalStart, piece.originalEnd);
  for (const match of splitter ? part.matchAll(splitter) : []) {
    const content = match[0];
    if (content.length === 0) continue;
    const normalized = content.normalize("NFC");
    if (!children || !text.startsWith(normalized, normalizedAt)) {
      children = null;
      break;
    }
    const originalStart = piece.originalStart + match.index;
    children.push({
      originalStart,
      originalEnd: originalStart + content.length,
      normalizedStart: normalizedAt,
      normalizedEnd: normalizedAt + normalized.length,
      isChanged: normalized !== content,
      level: piece.level + 1,
    });
    normalizedAt += normalized.length;
  }
  if (normalizedAt !== piece.normalizedEnd) children = null;
  piece.children = children;
  return children;
}

/** The last piece whose normalised stretch starts at or before `offset` (the list is in order, and starts at or before it). */
function lastPieceStartingAtOrBefore(pieces: Piece[], offset: number): Piece {
  let low = 0;
  let high = pieces.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((pieces[middle] as Piece).normalizedStart <= offset) low = middle;
    else high = middle - 1;
  }
  return pieces[low] as Piece;
}
