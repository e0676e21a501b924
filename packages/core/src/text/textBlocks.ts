/**
 * What a text block is, declared once for both text projections: core's articleText (over the document's JSON) and
 * the editor's text index (over ProseMirror nodes, with positions). Both follow these rules, so an offset means the
 * same on the server and in the editor.
 */

/** Node types whose content is inline (text and hard breaks): each is one block of the text projection. */
export const TEXT_BLOCK_TYPES: ReadonlySet<string> = new Set(["paragraph", "heading", "codeBlock"]);

/** What stands between two text blocks in the projection. */
export const TEXT_BLOCK_SEPARATOR = "\n";

/** Whether a node of this type is a text block. */
export function isTextBlock(type: string): boolean {
  return TEXT_BLOCK_TYPES.has(type);
}

/** What an inline node of a text block reads as: a text node its text, a hard break "\n", anything else nothing. */
export function inlineNodeText(node: { type: string; text?: string | null }): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  return "";
}
