/**
 * Approximate string search: Myers' bit-parallel algorithm, as approx-string-match 2.0.0 implements it
 * (Robert Knight, MIT licence; the library Hypothesis uses), with one change. The library finds the start
 * of every lowest-cost match, each by a reverse search as costly as the quote squared over 32, however
 * many there are: in a repetitive text a long quote has hundreds of equally good ends, and that is where
 * a save spent seconds per claim. Here only the first `maxMatches` ends get their start, which is all
 * re-anchoring ever looked at (it took `search(...).slice(0, maxCandidates)`): the answers are the same,
 * and the cost has a bound, checked before each part of the search runs (`maxCost`).
 *
 * [1] G. Myers, "A Fast Bit-Vector Algorithm for Approximate String Matching Based on Dynamic
 * Programming", J. ACM 46(3), 1999. [2] M. Šošić, "An SIMD dynamic programming C/C++ library", 2014.
 */

/** A match of the pattern: [start, end) of the text, and the edits it takes. */
export interface ApproximateMatch {
  start: number;
  end: number;
  errors: number;
}

const WORD = 32;

/** What a search answers: its matches, or that it would cost more than allowed; and what it cost. */
export type ApproximateSearch =
  | { isOverBudget: false; matches: ApproximateMatch[]; cost: number }
  | { isOverBudget: true; cost: number };

/**
 * The lowest-cost matches of `pattern` in `text` with at most `maxErrors` edits, in text order, the first
 * `maxMatches` of them: the same answer as approx-string-match's `search(text, pattern, maxErrors)` cut to
 * `maxMatches`. With `maxCost` (in block steps: a pass over n characters costs n × ⌈pattern length / 32⌉; a step
 * takes 5-10 ns here, so 150 million are about a second), the search stops where its
 * cost would pass it, and answers `isOverBudget`: before the pass over the text when that pass alone
 * would, or after it, when finding the starts of the ends it found would (in a repetitive text, a long
 * quote has many). `cost` is what was spent either way.
 */
export function searchApproximate(
  text: string,
  pattern: string,
  maxErrors: number,
  { maxMatches, maxCost = Number.POSITIVE_INFINITY }: { maxMatches: number; maxCost?: number },
): ApproximateSearch {
  const blocks = Math.ceil(pattern.length / WORD);
  const endsCost = blocks * text.length;
  if (endsCost > maxCost) return { isOverBudget: true, cost: 0 };
  const ends = findMatchEnds(text, pattern, maxErrors).slice(0, maxMatches);
  const startsCost = ends.reduce((sum, { errors }) => sum + blocks * (pattern.length + errors), 0);
  if (endsCost + startsCost > maxCost) return { isOverBudget: true, cost: endsCost };
  if (ends.length === 0) return { isOverBudget: false, matches: [], cost: endsCost };
  const reversedPattern = reverse(pattern);
  const matches = ends.map(({ end, errors }) => {
    // The start: search the reversed pattern in the reversed text before the end, with the same edits,
    // and keep the longest match.
    const minStart = Math.max(0, end - pattern.length - errors);
    const reversedText = reverse(text.slice(minStart, end));
    let start = end;
    for (const reversed of findMatchEnds(reversedText, reversedPattern, errors)) {
      start = Math.min(start, end - reversed.end);
    }
    return { start, end, errors };
  });
  return { isOverBudget: false, matches, cost: endsCost + startsCost };
}

/**
 * The Levenshtein distance between `text` and `pattern` (both whole), in UTF-16 code units, by the same
 * bit-parallel steps: the global variant ([1] section 5), every column entering with one more edit at its
 * top. What `editDistance` answers, in ⌈pattern length / 32⌉ × text length block steps (`cost`) instead of
 * the product of the lengths: for the in-place comparison of a long quote.
 */
export function bitParallelEditDistance(text: string, pattern: string): { distance: number; cost: number } {
  if (pattern.length === 0) return { distance: text.length, cost: 0 };
  const bMax = Math.ceil(pattern.length / WORD) - 1;
  const state = blockState(pattern.length, bMax);
  const { asciiPeq, peq, emptyPeq } = patternBits(pattern, bMax);
  state.P.fill(~0);
  state.M.fill(0);
  let distance = pattern.length;
  for (let column = 0; column < text.length; column += 1) {
    const code = text.charCodeAt(column);
    const charPeq = code < asciiPeq.length ? (asciiPeq[code] as Uint32Array) : (peq.get(code) ?? emptyPeq);
    let carry = 1;
    for (let block = 0; block <= bMax; block += 1) carry = advanceBlock(state, charPeq, block, carry);
    distance += carry;
  }
  return { distance, cost: (bMax + 1) * text.length };
}

function blockState(patternLength: number, bMax: number): BlockState {
  const state: BlockState = {
    P: new Uint32Array(bMax + 1),
    M: new Uint32Array(bMax + 1),
    lastRowMask: new Uint32Array(bMax + 1),
  };
  state.lastRowMask.fill(1 << 31);
  state.lastRowMask[bMax] = 1 << ((patternLength - 1) % WORD);
  return state;
}

/** Per character of the pattern, a bit per pattern position that holds it; an array for the first 256. */
function patternBits(pattern: string, bMax: number) {
  const emptyPeq = new Uint32Array(bMax + 1);
  const peq = new Map<number, Uint32Array>();
  const asciiPeq: Uint32Array[] = [];
  for (let code = 0; code < 256; code += 1) asciiPeq.push(emptyPeq);
  for (let index = 0; index < pattern.length; index += 1) {
    const code = pattern.charCodeAt(index);
    if (peq.has(code)) continue;
    const charPeq = new Uint32Array(bMax + 1);
    peq.set(code, charPeq);
    if (code < asciiPeq.length) asciiPeq[code] = charPeq;
    for (let block = 0; block <= bMax; block += 1) {
      for (let row = 0; row < WORD; row += 1) {
        const position = block * WORD + row;
        if (position >= pattern.length) continue;
        if (pattern.charCodeAt(position) === code) charPeq[block] = (charPeq[block] as number) | (1 << row);
      }
    }
  }
  return { asciiPeq, peq, emptyPeq };
}

function reverse(text: string): string {
  return text.split("").reverse().join("");
}

/** 1 when `n` is not zero, else 0, without a branch. */
function oneIfNotZero(n: number): number {
  return ((n | -n) >> 31) & 1;
}

interface BlockState {
  P: Uint32Array;
  M: Uint32Array;
  lastRowMask: Uint32Array;
}

/**
 * One block step ([1] Fig. 8, conditionals replaced by bit operations as in [2] 4.2.3). `hIn` is the
 * horizontal delta coming in (1, 0 or -1); answers the one going out.
 */
function advanceBlock(state: BlockState, peq: Uint32Array, block: number, hIn: number): number {
  let pV = state.P[block] as number;
  let mV = state.M[block] as number;
  const hInIsNegative = hIn >>> 31;
  const eq = (peq[block] as number) | hInIsNegative;
  const xV = eq | mV;
  const xH = (((eq & pV) + pV) ^ pV) | eq;
  let pH = mV | ~(xH | pV);
  let mH = pV & xH;
  const mask = state.lastRowMask[block] as number;
  const hOut = oneIfNotZero(pH & mask) - oneIfNotZero(mH & mask);
  pH <<= 1;
  mH <<= 1;
  mH |= hInIsNegative;
  pH |= oneIfNotZero(hIn) - hInIsNegative;
  pV = mH | ~(xV | pH);
  mV = pH & xV;
  state.P[block] = pV;
  state.M[block] = mV;
  return hOut;
}

/**
 * The ends and edit counts of the lowest-cost matches ([1] Fig. 9, the block-based search). Matches with
 * more edits than the best found so far are dropped, and the threshold ratchets down as better ones appear.
 */
function findMatchEnds(text: string, pattern: string, maxErrorsAllowed: number): { end: number; errors: number }[] {
  if (pattern.length === 0) return [];
  let maxErrors = Math.min(maxErrorsAllowed, pattern.length);
  const matches: { end: number; errors: number }[] = [];
  const bMax = Math.ceil(pattern.length / WORD) - 1;
  const state = blockState(pattern.length, bMax);
  const { asciiPeq, peq, emptyPeq } = patternBits(pattern, bMax);
  // The last active block level of the column.
  let y = Math.max(0, Math.ceil(maxErrors / WORD) - 1);
  const score = new Uint32Array(bMax + 1);
  for (let block = 0; block <= y; block += 1) score[block] = (block + 1) * WORD;
  score[bMax] = pattern.length;
  for (let block = 0; block <= y; block += 1) {
    state.P[block] = ~0;
    state.M[block] = 0;
  }
  for (let column = 0; column < text.length; column += 1) {
    const code = text.charCodeAt(column);
    const charPeq = code < asciiPeq.length ? (asciiPeq[code] as Uint32Array) : (peq.get(code) ?? emptyPeq);
    let carry = 0;
    for (let block = 0; block <= y; block += 1) {
      carry = advanceBlock(state, charPeq, block, carry);
      score[block] = (score[block] as number) + carry;
    }
    if (
      (score[y] as number) - carry <= maxErrors &&
      y < bMax &&
      (((charPeq[y + 1] as number) & 1) !== 0 || carry < 0)
    ) {
      // The bottom block is under the threshold: one more block, for this column and the next.
      y += 1;
      state.P[y] = ~0;
      state.M[y] = 0;
      const remainder = pattern.length % WORD;
      const maxBlockScore = y === bMax ? (remainder === 0 ? WORD : remainder) : WORD;
      score[y] = (score[y - 1] as number) + maxBlockScore - carry + advanceBlock(state, charPeq, y, carry);
    } else {
      while (y > 0 && (score[y] as number) >= maxErrors + WORD) y -= 1;
    }
    if (y === bMax && (score[y] as number) <= maxErrors) {
      const errors = score[y] as number;
      if (errors < maxErrors) matches.length = 0;
      matches.push({ end: column + 1, errors });
      maxErrors = errors;
    }
  }
  return matches;
}
