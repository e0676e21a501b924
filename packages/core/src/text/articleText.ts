/**
 * The text projection of an article: the plain text that selector offsets count in.
 *
 * Text nodes in document order; one "\n" between text blocks (paragraphs, headings, ...);
 * a hard break is "\n" too. Offsets count UTF-16 code units, as JavaScript strings do.
 * The server and the editor both use this definition, so an offset means the same on both sides.
 */

/** A Tiptap / ProseMirror JSON node, as much of it as the projection reads. */
export interface DocNode {
  type: string;
  text?: string;
  content?: DocNode[];
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

/** Node types whose content is inline (text and hard breaks). */
export const TEXT_BLOCK_TYPES = new Set(["paragraph", "heading", "codeBlock"]);

/** The plain text of a document: text blocks joined by "\n". */
export function articleText(doc: DocNode): string {
  const blocks: string[] = [];
  collectTextBlocks(doc, blocks);
  return blocks.join("\n");
}

function collectTextBlocks(node: DocNode, blocks: string[]): void {
  if (TEXT_BLOCK_TYPES.has(node.type)) {
    blocks.push(inlineText(node));
    return;
  }
  for (const child of node.content ?? []) collectTextBlocks(child, blocks);
}

function inlineText(block: DocNode): string {
  let text = "";
  for (const child of block.content ?? []) {
    if (child.type === "text") text += child.text ?? "";
    else if (child.type === "hardBreak") text += "\n";
  }
  return text;
}
