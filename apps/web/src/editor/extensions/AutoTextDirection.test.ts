import { describe, expect, it } from "vitest";
import { createTestEditor, paragraphs } from "../../test/createTestEditor";
import { AutoTextDirection } from "./AutoTextDirection";

const HEBREW = "שר החוץ אמר שאיראן מכרה מספר מוגבל של מל״טים.";

describe("AutoTextDirection", () => {
  it("renders every paragraph, heading and list item with dir=auto, leaving the document without it", () => {
    const editor = createTestEditor(
      {
        type: "doc",
        content: [
          { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "כותרת" }] },
          { type: "paragraph", content: [{ type: "text", text: HEBREW }] },
          { type: "paragraph", content: [{ type: "text", text: "An English paragraph." }] },
          {
            type: "bulletList",
            content: [
              { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "פריט" }] }] },
            ],
          },
        ],
      },
      [AutoTextDirection],
    );
    const blocks = [...editor.view.dom.querySelectorAll("h2, p, li")];
    expect(blocks).toHaveLength(5);
    expect(blocks.map((block) => block.getAttribute("dir"))).toEqual(["auto", "auto", "auto", "auto", "auto"]);
    expect(JSON.stringify(editor.getJSON())).not.toContain("dir");
  });

  it("gives new and split paragraphs dir=auto as the text is edited", () => {
    const editor = createTestEditor(paragraphs(HEBREW, "Second."), [AutoTextDirection]);
    editor.commands.setTextSelection(6);
    editor.commands.splitBlock();
    editor.commands.insertContentAt(editor.state.doc.content.size, {
      type: "paragraph",
      content: [{ type: "text", text: "עוד" }],
    });
    const directions = [...editor.view.dom.querySelectorAll("p")].map((block) => block.getAttribute("dir"));
    expect(directions).toEqual(["auto", "auto", "auto", "auto"]);
  });
});
