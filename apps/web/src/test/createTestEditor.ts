import type { DocNode } from "@factmark/core";
import { Editor, type Extensions } from "@tiptap/core";
import { afterEach } from "vitest";
import { articleSchemaExtensions } from "../editor/extensions/articleSchema";

const editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
});

/** A real Tiptap editor, mounted in the test document, with the app's base extensions. */
export function createTestEditor(content: DocNode, extensions: Extensions = []): Editor {
  const element = document.createElement("div");
  document.body.append(element);
  const editor = new Editor({
    element,
    extensions: [...articleSchemaExtensions, ...extensions],
    content,
    injectCSS: false,
  });
  editors.push(editor);
  return editor;
}

export function paragraphs(...texts: string[]): DocNode {
  return {
    type: "doc",
    content: texts.map((text) => ({ type: "paragraph", content: text ? [{ type: "text", text }] : [] })),
  };
}
