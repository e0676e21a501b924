import { articleText, type DocNode, isTextBlock } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { createTestEditor, paragraphs } from "../test/createTestEditor";
import { buildTextIndex, posToTextOffset, textOffsetToPos } from "./textIndex";

const RICH_DOC: DocNode = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Héadline 👩🏽‍💼" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Plain, " },
        { type: "text", text: "bold", marks: [{ type: "bold" }] },
        { type: "text", text: " and" },
        { type: "hardBreak" },
        { type: "text", text: "after a break." },
      ],
    },
    { type: "paragraph" },
    {
      type: "bulletList",
      content: [
        { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "مرحبا بالعالم" }] }] },
      ],
    },
    { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "e\u0301 quoted" }] }] },
  ],
};

describe("buildTextIndex", () => {
  it("yields the same text as core's articleText, so offsets mean the same on server and client", () => {
    const editor = createTestEditor(RICH_DOC);
    expect(buildTextIndex(editor.state.doc).text).toBe(articleText(editor.getJSON() as DocNode));
  });

  it("is built once per document and anew for an edited one, so an edit is never read through an old index", () => {
    const editor = createTestEditor(RICH_DOC);
    const before = editor.state.doc;
    expect(buildTextIndex(before)).toBe(buildTextIndex(before));
    editor.commands.insertContentAt(1, "Breaking: ");
    const after = buildTextIndex(editor.state.doc);
    expect(after).not.toBe(buildTextIndex(before));
    expect(after.text).toBe(articleText(editor.getJSON() as DocNode));
    expect(after.text.startsWith("Breaking: Héadline")).toBe(true);
  });

  it("treats as blocks exactly the editor schema's text blocks, by core's one definition", () => {
    const nodeTypes = Object.values(createTestEditor(RICH_DOC).schema.nodes);
    expect(nodeTypes.filter((type) => type.isTextblock).map((type) => type.name)).toEqual(["paragraph", "heading"]);
    for (const type of nodeTypes) expect([type.name, isTextBlock(type.name)]).toEqual([type.name, type.isTextblock]);
  });

  it("maps every character's offset to the position holding that character and back", () => {
    const editor = createTestEditor(RICH_DOC);
    const index = buildTextIndex(editor.state.doc);
    for (let offset = 0; offset < index.text.length; offset += 1) {
      // Block separators are not characters of the document: they have no position of their own.
      if (index.text[offset] === "\n") continue;
      const pos = textOffsetToPos(index, offset, "start");
      expect(posToTextOffset(index, pos, "start")).toBe(offset);
    }
  });

  it("puts a range over a quote on exactly the quote's characters", () => {
    const editor = createTestEditor(paragraphs("First paragraph.", "Iran sold a limited number of drones.", "Last."));
    const index = buildTextIndex(editor.state.doc);
    const quote = "limited number of drones";
    const start = index.text.indexOf(quote);
    const from = textOffsetToPos(index, start, "start");
    const to = textOffsetToPos(index, start + quote.length, "end");
    expect(editor.state.doc.textBetween(from, to)).toBe(quote);
  });

  it("spans paragraphs: a range across a block boundary covers the end of one and the start of the next", () => {
    const editor = createTestEditor(paragraphs("Alpha beta.", "Gamma delta."));
    const index = buildTextIndex(editor.state.doc);
    const from = textOffsetToPos(index, index.text.indexOf("beta"), "start");
    const to = textOffsetToPos(index, index.text.indexOf("Gamma") + "Gamma".length, "end");
    expect(editor.state.doc.textBetween(from, to, "\n")).toBe("beta.\nGamma");
  });
});
