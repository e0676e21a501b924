import { inlineNodeText, isTextBlock, TEXT_BLOCK_SEPARATOR } from "@factmark/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";

/** A run of the text projection that sits at consecutive ProseMirror positions. */
interface Segment {
  textStart: number;
  pos: number;
  length: number;
}

/**
 * Maps between ProseMirror positions and offsets in the article's text projection
 * (core's articleText: text blocks joined by "\n", hard breaks as "\n"). Which nodes are blocks, what separates
 * them and what inline nodes read as come from core's textBlocks, as articleText's do.
 */
export interface TextIndex {
  readonly text: string;
  readonly segments: readonly Segment[];
}

/** Text indexes by document: a ProseMirror document never changes, so its index is built once. */
const textIndexes = new WeakMap<ProseMirrorNode, TextIndex>();

/**
 * The text index of `doc`, built on the first call for that document and kept while the document is (a selection,
 * a verdict key and every highlight redraw on the same text share one; on a 50,000-word article building it takes
 * a few milliseconds). The answer is shared: read it, never change it.
 */
export function buildTextIndex(doc: ProseMirrorNode): TextIndex {
  let index = textIndexes.get(doc);
  if (!index) {
    index = indexText(doc);
    textIndexes.set(doc, index);
  }
  return index;
}

function indexText(doc: ProseMirrorNode): TextIndex {
  let text = "";
  let isFirstBlock = true;
  const segments: Segment[] = [];
  doc.descendants((node, pos) => {
    if (!isTextBlock(node.type.name)) return true;
    if (!isFirstBlock) text += TEXT_BLOCK_SEPARATOR;
    isFirstBlock = false;
    node.forEach((child, offset) => {
      const childPos = pos + 1 + offset;
      const childText = inlineNodeText({ type: child.type.name, text: child.text });
      if (childText.length === 0) return;
      segments.push({ textStart: text.length, pos: childPos, length: childText.length });
      text += childText;
    });
    return false;
  });
  return { text, segments };
}

/**
 * The ProseMirror position of a text offset. An offset on a block boundary belongs to the
 * block after it when it starts a range (`"start"`) and to the block before when it ends one.
 */
export function textOffsetToPos(index: TextIndex, offset: number, bias: "start" | "end"): number {
  const { segments } = index;
  if (segments.length === 0) return 1;
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((segments[middle] as Segment).textStart <= offset) low = middle;
    else high = middle - 1;
  }
  const segment = segments[low] as Segment;
  const segmentEnd = segment.textStart + segment.length;
  if (offset <= segmentEnd) return segment.pos + Math.max(0, offset - segment.textStart);
  // Between blocks: a start goes forward to the next text, an end stays at the end of this one.
  const next = segments[low + 1];
  return bias === "start" && next ? next.pos : segment.pos + segment.length;
}

/** The text offset of a ProseMirror position; positions between blocks snap by the same bias. */
export function posToTextOffset(index: TextIndex, pos: number, bias: "start" | "end"): number {
  const { segments } = index;
  if (segments.length === 0) return 0;
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((segments[middle] as Segment).pos <= pos) low = middle;
    else high = middle - 1;
  }
  const segment = segments[low] as Segment;
  if (pos < segment.pos) return segment.textStart;
  if (pos <= segment.pos + segment.length) return segment.textStart + (pos - segment.pos);
  const next = segments[low + 1];
  return bias === "start" && next ? next.textStart : segment.textStart + segment.length;
}
