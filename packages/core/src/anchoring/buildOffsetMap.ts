/**
 * Maps offsets in an old text to offsets in its edited version, from a diff of the two.
 *
 * Re-anchoring thousands of claims must not search the text once per claim. Instead we diff
 * the texts once and carry each claim's old offsets through the diff; most claims then sit on
 * their quote again and need no search at all.
 *
 * The diff works on chunks (sentences and lines), not characters: a character-level Myers diff
 * costs O(N·D), far too much for a 300,000-character article with hundreds of edits, while a
 * 50,000-word article has only a few thousand sentences. Inside a changed run of chunks we
 * refine by the characters the old and new runs share at their start and end, which places
 * offsets exactly wherever the edit did not touch them (a word inserted mid-sentence leaves
 * the rest of the sentence mapped exactly).
 */

/** Which side of a replaced stretch an offset inside it goes to: starts go left, ends go right. */
export type OffsetBias = "start" | "end";

export interface OffsetMap {
  /** The offset in the new text that `offset` in the old text corresponds to. */
  map(offset: number, bias: OffsetBias): number;
  /** Whether the old range [start, end) lies wholly in text the edit left alone. */
  isUntouched(start: number, end: number): boolean;
  /**
   * The parts of the old range [start, end) the edit left alone (equal stretches, and the characters a
   * replaced stretch kept at its start and end), each with the offset in the new text where it begins.
   */
  untouchedParts(start: number, end: number): UntouchedPart[];
  /**
   * The stretch the diff was computed on: [start, end) of the old text, [newStart, newEnd) of the new
   * one. Outside it the texts are the same, in one equal stretch each side: an offset before it maps
   * to itself, one after it shifts by the difference of the lengths. An edit of one paragraph leaves it
   * about that paragraph long.
   */
  editedRegion: EditedRegion;
}

/** See `OffsetMap.editedRegion`. */
export interface EditedRegion {
  start: number;
  end: number;
  newStart: number;
  newEnd: number;
}

/** A stretch [start, end) of the old text the edit left alone, found again at `newStart` in the new text. */
export interface UntouchedPart {
  start: number;
  end: number;
  newStart: number;
}

/** One stretch of the diff: equal text, or old text replaced by new text. */
interface Segment {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
  isEqual: boolean;
  /** For a replaced stretch: how many characters its old and new text share at the start and end. */
  shared?: { head: number; tail: number };
}

/** Beyond this many chunk edits the diff gives up and treats the middle as one replaced stretch. */
const MAX_CHUNK_EDITS = 4_000;

/**
 * The map from `oldText` to `newText`. `options.isWholeTextDiffed`: split and align the whole texts,
 * without first cutting off what they share at both ends: the same map, at a cost proportional to the
 * texts rather than to the edit (the tests hold the fast path to it).
 */
export function buildOffsetMap(
  oldText: string,
  newText: string,
  options: { isWholeTextDiffed?: boolean } = {},
): OffsetMap {
  const { segments, editedRegion } = diffByChunks(oldText, newText, options.isWholeTextDiffed ?? false);
  const starts = segments.map((segment) => segment.oldStart);

  function segmentIndexAt(offset: number): number {
    // The last segment starting at or before `offset`; an offset on a boundary belongs to the later one.
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  function segmentAt(offset: number): Segment {
    return segments[segmentIndexAt(offset)] as Segment;
  }

  function sharedOf(segment: Segment): { head: number; tail: number } {
    if (!segment.shared) {
      const oldPart = oldText.slice(segment.oldStart, segment.oldEnd);
      const newPart = newText.slice(segment.newStart, segment.newEnd);
      const head = commonHeadLength(oldPart, newPart);
      const tail = commonTailLength(oldPart.slice(head), newPart.slice(head));
      segment.shared = { head, tail };
    }
    return segment.shared;
  }

  return {
    editedRegion,
    map(offset, bias) {
      const clamped = Math.max(0, Math.min(offset, oldText.length));
      let segment = segmentAt(clamped);
      // An end offset on a boundary belongs to the stretch before it.
      if (bias === "end" && clamped === segment.oldStart && clamped > 0) segment = segmentAt(clamped - 1);
      const into = clamped - segment.oldStart;
      if (segment.isEqual) return segment.newStart + into;
      const { head, tail } = sharedOf(segment);
      const fromEnd = segment.oldEnd - clamped;
      if (into < head) return segment.newStart + into;
      if (fromEnd < tail) return segment.newEnd - fromEnd;
      const afterReplaced = segment.newEnd - tail;
      const beforeReplaced = segment.newStart + head;
      // Text inserted exactly at the offset: a claim's start goes after it, its end before it,
      // so an insertion next to a claim never becomes part of it.
      if (into === head && fromEnd === tail) return bias === "start" ? afterReplaced : beforeReplaced;
      if (into === head) return beforeReplaced;
      if (fromEnd === tail) return afterReplaced;
      return bias === "start" ? beforeReplaced : afterReplaced;
    },
    isUntouched(start, end) {
      const segment = segmentAt(start);
      return segment.isEqual && end <= segment.oldEnd;
    },
    untouchedParts(start, end) {
      const parts: UntouchedPart[] = [];
      const add = (partStart: number, partEnd: number, newStart: number) => {
        const from = Math.max(start, partStart);
        const to = Math.min(end, partEnd);
        if (from < to) parts.push({ start: from, end: to, newStart: newStart + (from - partStart) });
      };
      for (let index = segmentIndexAt(start); index < segments.length; index += 1) {
        const segment = segments[index] as Segment;
        if (segment.oldStart >= end) break;
        if (segment.isEqual) {
          add(segment.oldStart, segment.oldEnd, segment.newStart);
          continue;
        }
        const { head, tail } = sharedOf(segment);
        add(segment.oldStart, segment.oldStart + head, segment.newStart);
        add(segment.oldEnd - tail, segment.oldEnd, segment.newEnd - tail);
      }
      return parts;
    },
  };
}

/** Splits text into sentences and lines, each keeping its terminator and the spaces after it. */
export function splitIntoChunks(text: string): string[] {
  const chunks: string[] = [];
  let chunkStart = 0;
  let index = 0;
  while (index < text.length) {
    const char = text[index] as string;
    index += 1;
    if (char === "\n") {
      chunks.push(text.slice(chunkStart, index));
      chunkStart = index;
    } else if (SENTENCE_END.has(char) && index < text.length && /\s/.test(text[index] as string)) {
      while (index < text.length && text[index] !== "\n" && /\s/.test(text[index] as string)) index += 1;
      if (text[index] === "\n") index += 1;
      chunks.push(text.slice(chunkStart, index));
      chunkStart = index;
    }
  }
  if (chunkStart < text.length) chunks.push(text.slice(chunkStart));
  return chunks;
}

const SENTENCE_END = new Set([".", "!", "?", "…", "。", "！", "？", "؟", "۔"]);

/**
 * The diff's segments. The texts' shared head and tail (in characters) are cut off first, each at a
 * chunk boundary both texts have, so only the edited region is split and aligned: a one-paragraph edit
 * costs the same in a 1 MB article as in a 10 KB one, but for the comparison of the two texts. The
 * answer is the diff of the whole texts, chunk for chunk (the shared chunks cut off are exactly ones
 * `matchChunks` pairs as its common head and tail).
 */
function diffByChunks(
  oldText: string,
  newText: string,
  isWholeTextDiffed: boolean,
): { segments: Segment[]; editedRegion: EditedRegion } {
  const sharedHead = isWholeTextDiffed ? 0 : commonHeadLength(oldText, newText);
  const sharedTail = isWholeTextDiffed
    ? 0
    : commonTailLength(oldText, newText, Math.min(oldText.length, newText.length) - sharedHead);
  const from = chunkBoundaryInHead(oldText, sharedHead);
  const oldTo = chunkBoundaryInTail(oldText, oldText.length - sharedTail);
  const newTo = oldTo + (newText.length - oldText.length);
  const ids = new Map<string, number>();
  const idOf = (chunk: string) => {
    let id = ids.get(chunk);
    if (id === undefined) {
      id = ids.size;
      ids.set(chunk, id);
    }
    return id;
  };
  const oldChunks = splitIntoChunks(oldText.slice(from, oldTo));
  const newChunks = splitIntoChunks(newText.slice(from, newTo));
  const pairs = matchChunks(oldChunks.map(idOf), newChunks.map(idOf));
  const segments: Segment[] = [];
  pushSegment(segments, { oldStart: 0, oldEnd: from, newStart: 0, newEnd: from, isEqual: true });
  addSegments(segments, oldChunks, newChunks, pairs, from);
  pushSegment(segments, {
    oldStart: oldTo,
    oldEnd: oldText.length,
    newStart: newTo,
    newEnd: newText.length,
    isEqual: true,
  });
  if (segments.length === 0)
    segments.push({ oldStart: 0, oldEnd: oldText.length, newStart: 0, newEnd: newText.length, isEqual: true });
  return { segments, editedRegion: { start: from, end: oldTo, newStart: from, newEnd: newTo } };
}

/**
 * A chunk boundary at or before `limit` that `splitIntoChunks` finds in any text sharing `text`'s first
 * `limit` characters (0 when there is none): right after a line break, or right after a sentence end and
 * one space that a non-space follows, all before `limit`. The chunks before it are then the same in both.
 */
function chunkBoundaryInHead(text: string, limit: number): number {
  for (let index = limit - 1; index >= 0; index -= 1) {
    if (text.charCodeAt(index) === LINE_FEED) return index + 1;
    if (index >= 2 && isSentenceBreakAt(text, index)) return index;
  }
  return 0;
}

/**
 * A chunk boundary at or after `limit` that `splitIntoChunks` finds in any text sharing `text`'s
 * characters from `limit` on (at the same distance from its end); `text.length` when there is none.
 */
function chunkBoundaryInTail(text: string, limit: number): number {
  for (let index = limit; index < text.length; index += 1) {
    if (text.charCodeAt(index) === LINE_FEED) return index + 1;
    if (index >= limit + 2 && isSentenceBreakAt(text, index)) return index;
  }
  return text.length;
}

/** Whether a sentence ends two characters before `index`, with one space, and a non-space at `index`. */
function isSentenceBreakAt(text: string, index: number): boolean {
  return (
    text.charCodeAt(index - 1) === SPACE && SENTENCE_END.has(text.charAt(index - 2)) && !/\s/.test(text.charAt(index))
  );
}

const LINE_FEED = 0x0a;
const SPACE = 0x20;

/**
 * The pairs (old index, new index) of chunks the two texts share, in order: common head and tail
 * first, then Myers' O(N·D) shortest edit script on what is left.
 */
function matchChunks(oldIds: number[], newIds: number[]): Array<[number, number]> {
  let head = 0;
  while (head < oldIds.length && head < newIds.length && oldIds[head] === newIds[head]) head += 1;
  let tail = 0;
  while (
    tail < oldIds.length - head &&
    tail < newIds.length - head &&
    oldIds[oldIds.length - 1 - tail] === newIds[newIds.length - 1 - tail]
  ) {
    tail += 1;
  }
  const pairs: Array<[number, number]> = [];
  for (let index = 0; index < head; index += 1) pairs.push([index, index]);
  const middle = myersPairs(oldIds.slice(head, oldIds.length - tail), newIds.slice(head, newIds.length - tail));
  for (const [oldIndex, newIndex] of middle) pairs.push([oldIndex + head, newIndex + head]);
  for (let index = tail; index > 0; index -= 1) pairs.push([oldIds.length - index, newIds.length - index]);
  return pairs;
}

/** Myers' greedy diff, keeping each round's frontier (its live diagonals only) to walk back. */
function myersPairs(a: number[], b: number[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return [];
  const max = Math.min(n + m, MAX_CHUNK_EDITS);
  const offset = max + 1;
  const frontier = new Int32Array(2 * max + 3);
  // trace[d] holds frontier[k] for k in [-d - 1, d + 1] as it was before round d.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d += 1) {
    trace.push(frontier.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const isDown =
        k === -d || (k !== d && (frontier[offset + k - 1] as number) < (frontier[offset + k + 1] as number));
      let x = isDown ? (frontier[offset + k + 1] as number) : (frontier[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      frontier[offset + k] = x;
      if (x >= n && y >= m) return walkBack(trace, n, m);
    }
  }
  return []; // Too many edits to be worth aligning: the caller treats the middle as replaced.
}

/** Follows the recorded frontiers from the end back to the start, collecting the diagonal (equal) moves. */
function walkBack(trace: Int32Array[], n: number, m: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d -= 1) {
    const saved = trace[d] as Int32Array;
    const at = (k: number) => saved[k + d + 1] as number;
    const k = x - y;
    const isDown = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = isDown ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : at(previousK);
    const previousY = d === 0 ? 0 : previousX - previousK;
    // The snake: equal chunks between the previous edit's end and (x, y).
    const snakeX = d === 0 ? 0 : isDown ? previousX : previousX + 1;
    while (x > snakeX) {
      x -= 1;
      y -= 1;
      pairs.push([x, y]);
    }
    x = previousX;
    y = previousY;
  }
  return pairs.reverse();
}

/** Adds the segments of the chunks' alignment to `segments`, the chunks starting at `base` in both texts. */
function addSegments(
  segments: Segment[],
  oldChunks: string[],
  newChunks: string[],
  pairs: Array<[number, number]>,
  base: number,
): void {
  const oldOffsets = offsetsOf(oldChunks, base);
  const newOffsets = offsetsOf(newChunks, base);
  let oldIndex = 0;
  let newIndex = 0;
  for (const [oldMatch, newMatch] of [...pairs, [oldChunks.length, newChunks.length] as [number, number]]) {
    // As many old sentences as new ones between two matches: most likely each was edited in place,
    // so each pair is its own replaced stretch (offsets inside the others then map exactly).
    const isPairwise = oldMatch - oldIndex === newMatch - newIndex && oldMatch - oldIndex > 1;
    const steps = isPairwise ? oldMatch - oldIndex : 1;
    for (let step = 0; step < steps; step += 1) {
      const isLast = step === steps - 1;
      pushSegment(segments, {
        oldStart: oldOffsets[oldIndex + step] as number,
        oldEnd: oldOffsets[isLast ? oldMatch : oldIndex + step + 1] as number,
        newStart: newOffsets[newIndex + step] as number,
        newEnd: newOffsets[isLast ? newMatch : newIndex + step + 1] as number,
        isEqual: false,
      });
    }
    if (oldMatch < oldChunks.length) {
      pushSegment(segments, {
        oldStart: oldOffsets[oldMatch] as number,
        oldEnd: oldOffsets[oldMatch + 1] as number,
        newStart: newOffsets[newMatch] as number,
        newEnd: newOffsets[newMatch + 1] as number,
        isEqual: true,
      });
    }
    oldIndex = oldMatch + 1;
    newIndex = newMatch + 1;
  }
}

/** Appends a segment, skipping an empty one and merging an equal one into an equal one before it. */
function pushSegment(segments: Segment[], segment: Segment): void {
  if (segment.oldEnd === segment.oldStart && segment.newEnd === segment.newStart) return;
  const last = segments.at(-1);
  if (last?.isEqual && segment.isEqual) {
    last.oldEnd = segment.oldEnd;
    last.newEnd = segment.newEnd;
  } else {
    segments.push(segment);
  }
}

function offsetsOf(chunks: string[], base: number): number[] {
  const offsets = [base];
  let total = base;
  for (const chunk of chunks) {
    total += chunk.length;
    offsets.push(total);
  }
  return offsets;
}

/** How many characters `left` and `right` share at their starts. */
function commonHeadLength(left: string, right: string): number {
  const limit = Math.min(left.length, right.length);
  let index = 0;
  // Block by block first: comparing two slices is a memory comparison, many times faster than a loop.
  while (
    index + COMPARED_BLOCK <= limit &&
    left.slice(index, index + COMPARED_BLOCK) === right.slice(index, index + COMPARED_BLOCK)
  ) {
    index += COMPARED_BLOCK;
  }
  while (index < limit && left.charCodeAt(index) === right.charCodeAt(index)) index += 1;
  return index;
}

/** How many characters `left` and `right` share at their ends, at most `limit`. */
function commonTailLength(left: string, right: string, limit = Math.min(left.length, right.length)): number {
  let index = 0;
  while (
    index + COMPARED_BLOCK <= limit &&
    left.slice(left.length - index - COMPARED_BLOCK, left.length - index) ===
      right.slice(right.length - index - COMPARED_BLOCK, right.length - index)
  ) {
    index += COMPARED_BLOCK;
  }
  while (index < limit && left.charCodeAt(left.length - 1 - index) === right.charCodeAt(right.length - 1 - index)) {
    index += 1;
  }
  return index;
}

/** How many characters the shared head and tail are compared at a time. */
const COMPARED_BLOCK = 1_024;
