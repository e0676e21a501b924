import { type DocNode, EDITOR_NODE_TYPES, ZEditorDoc } from "@factmark/core";
import { expect } from "vitest";

const NODE_TYPES = new Set<string>([...EDITOR_NODE_TYPES.blocks, ...EDITOR_NODE_TYPES.inline, "doc", "listItem"]);
const MARK_TYPES = new Set<string>(EDITOR_NODE_TYPES.marks);

/**
 * Asserts a stored document holds only what the editor shows: its node and mark types, http(s)
 * links, and no attributes beyond the schema's (no on* handler, style, src or target). Text may
 * hold the characters "<script>" when the source showed them as text (Markdown escapes a tag it
 * does not parse): text nodes are rendered as text and every report builder escapes them.
 */
export function expectEditorDoc(doc: DocNode): void {
  expect(ZEditorDoc.safeParse(doc).success).toBe(true);
  const stack: DocNode[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop() as DocNode;
    expect(NODE_TYPES.has(node.type), `node type ${node.type}`).toBe(true);
    for (const mark of node.marks ?? []) {
      expect(MARK_TYPES.has(mark.type), `mark type ${mark.type}`).toBe(true);
      if (mark.type === "link") {
        expect(String(mark.attrs?.href)).toMatch(/^https?:\/\/[^/]/i);
        expect(Object.keys(mark.attrs ?? {})).toEqual(["href"]);
      }
    }
    const attributeNames = Object.keys(node.attrs ?? {});
    for (const name of attributeNames) expect(["level", "start"]).toContain(name);
    for (const child of node.content ?? []) stack.push(child);
  }
}
