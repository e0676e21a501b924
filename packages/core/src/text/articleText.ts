/**
 * The text projection of an article: the plain text that selector offsets count in.
 *
 * Text nodes in document order; one "\n" between text blocks (paragraphs, headings, ...);
 * a hard break is "\n" too. Offsets count UTF-16 code units, as JavaScript strings do.
 * Which nodes are text blocks and what separates them is declared in textBlocks.ts, which the editor's text
 * index follows too, so an offset means the same on both sides.
 */

import { inlineNodeText, isTextBlock, TEXT_BLOCK_SEPARATOR } from "./textBlocks";

/** A Tiptap / ProseMirror JSON node, as much of it as the projection reads. */
export interface DocNode {
  type: string;
  text?: string;
  content?: DocNode[];
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

/** The plain text of a document: text blocks joined by "\n". */
export function articleText(doc: DocNode): string {
  const blocks: string[] = [];
  collectTextBlocks(doc, blocks);
  return blocks.join(TEXT_BLOCK_SEPARATOR);
}

function collectTextBlocks(node: DocNode, blocks: string[]): void {
  if (isTextBlock(node.type)) {
    blocks.push(inlineText(node));
    return;
  }
  for (const child of node.content ?? []) collectTextBlocks(child, blocks);
}

function inlineText(block: DocNode): string {
  let text = "";
  for (const child of block.content ?? []) text += inlineNodeText(child);
  return text;
}
