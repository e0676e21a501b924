import type { DocNode } from "./articleText";

export interface BlockMerge {
  doc: DocNode;
  /** Blocks both sides changed in different ways: both versions are kept, theirs first. */
  conflictCount: number;
}

/**
 * Re-applies one reviewer's edits to a version someone else saved meanwhile, block by block
 * (paragraphs, headings, lists, quotes): a three-way merge with `base` as the common ancestor.
 * A block only one side changed takes that side's version; a block both sides deleted goes;
 * a block both sides changed differently is kept twice, theirs then mine, so nothing is lost.
 */
export function mergeDocBlocks(base: DocNode, mine: DocNode, theirs: DocNode): BlockMerge {
  const baseKeys = blockKeys(base);
  const mineBlocks = mine.content ?? [];
  const theirBlocks = theirs.content ?? [];
  const mineKeys = blockKeys(mine);
  const theirKeys = blockKeys(theirs);
  const mineMatch = matchBlocks(baseKeys, mineKeys);
  const theirMatch = matchBlocks(baseKeys, theirKeys);
  const mineInserted = insertionsBefore(mineMatch, mineKeys.length, baseKeys.length);
  const theirInserted = insertionsBefore(theirMatch, theirKeys.length, baseKeys.length);
  const merged: DocNode[] = [];
  let conflictCount = 0;
  for (let index = 0; index <= baseKeys.length; index += 1) {
    const theirsHere = theirInserted[index] ?? [];
    const theirKeysHere = new Set(theirsHere.map((at) => theirKeys[at]));
    const mineHere = (mineInserted[index] ?? []).filter((at) => !theirKeysHere.has(mineKeys[at]));
    if (theirsHere.length > 0 && mineHere.length > 0) conflictCount += 1;
    for (const at of theirsHere) merged.push(theirBlocks[at] as DocNode);
    for (const at of mineHere) merged.push(mineBlocks[at] as DocNode);
    if (index < baseKeys.length && mineMatch.baseToOther[index] !== -1 && theirMatch.baseToOther[index] !== -1) {
      merged.push(theirBlocks[theirMatch.baseToOther[index] as number] as DocNode);
    }
  }
  return { doc: { ...theirs, content: merged }, conflictCount };
}

function blockKeys(doc: DocNode): string[] {
  return (doc.content ?? []).map((block) => JSON.stringify(block));
}

interface BlockMatch {
  /** For each base block, the index of the equal block on the other side, or -1. */
  baseToOther: Int32Array;
  /** For each block on the other side, the index of its base block, or -1 (inserted). */
  otherToBase: Int32Array;
}

/** A longest common subsequence of blocks, by their JSON. */
function matchBlocks(base: string[], other: string[]): BlockMatch {
  const rows = base.length + 1;
  const columns = other.length + 1;
  const lengths = new Int32Array(rows * columns);
  for (let i = base.length - 1; i >= 0; i -= 1) {
    for (let j = other.length - 1; j >= 0; j -= 1) {
      lengths[i * columns + j] =
        base[i] === other[j]
          ? (lengths[(i + 1) * columns + j + 1] as number) + 1
          : Math.max(lengths[(i + 1) * columns + j] as number, lengths[i * columns + j + 1] as number);
    }
  }
  const baseToOther = new Int32Array(base.length).fill(-1);
  const otherToBase = new Int32Array(other.length).fill(-1);
  let i = 0;
  let j = 0;
  while (i < base.length && j < other.length) {
    if (base[i] === other[j]) {
      baseToOther[i] = j;
      otherToBase[j] = i;
      i += 1;
      j += 1;
    } else if ((lengths[(i + 1) * columns + j] as number) >= (lengths[i * columns + j + 1] as number)) i += 1;
    else j += 1;
  }
  return { baseToOther, otherToBase };
}

/** For each base position 0..n, the blocks the other side inserted right before it (n: at the end). */
function insertionsBefore(match: BlockMatch, otherLength: number, baseLength: number): number[][] {
  const before: number[][] = Array.from({ length: baseLength + 1 }, () => []);
  let pending: number[] = [];
  for (let at = 0; at < otherLength; at += 1) {
    const baseIndex = match.otherToBase[at] as number;
    if (baseIndex === -1) {
      pending.push(at);
      continue;
    }
    for (const index of pending) before[baseIndex]?.push(index);
    pending = [];
  }
  for (const index of pending) before[baseLength]?.push(index);
  return before;
}
