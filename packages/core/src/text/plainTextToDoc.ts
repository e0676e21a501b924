import type { DocNode } from "./articleText";

/** A Tiptap document from plain text: one paragraph per non-empty line, surrounding blanks trimmed. */
export function plainTextToDoc(content: string): DocNode {
  const paragraphs = content
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line): DocNode => ({ type: "paragraph", content: [{ type: "text", text: line }] }));
  return { type: "doc", content: paragraphs };
}
