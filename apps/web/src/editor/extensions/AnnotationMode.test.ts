import { TextSelection } from "@tiptap/pm/state";
import { describe, expect, it, vi } from "vitest";
import { createTestEditor, paragraphs } from "../../test/createTestEditor";
import { AnnotationMode } from "./AnnotationMode";

function pressKey(editor: ReturnType<typeof createTestEditor>, key: string): boolean {
  const event = new KeyboardEvent("keydown", { key });
  return editor.view.someProp("handleKeyDown", (handle) => handle(editor.view, event)) ?? false;
}

describe("AnnotationMode", () => {
  it("refuses every change to the article's text", () => {
    const editor = createTestEditor(paragraphs("The article text."), [AnnotationMode]);
    editor.commands.insertContentAt(1, "typed ");
    editor.commands.selectAll();
    editor.commands.deleteSelection();
    expect(editor.getText()).toBe("The article text.");
  });

  it("gives the selection a verdict on s, c, u and 1, 2, 3", () => {
    const onVerdictKey = vi.fn();
    const editor = createTestEditor(paragraphs("The article text."), [AnnotationMode.configure({ onVerdictKey })]);
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, 5, 12)));
    for (const key of ["s", "c", "u", "1", "2", "3"]) expect(pressKey(editor, key)).toBe(true);
    expect(onVerdictKey.mock.calls.map(([verdict]) => verdict)).toEqual([
      "supported",
      "contradicted",
      "unverified",
      "supported",
      "contradicted",
      "unverified",
    ]);
  });

  it("marks what the page has selected even before the editor has been told of it (a key right after Shift+End)", () => {
    const onVerdictKey = vi.fn();
    const editor = createTestEditor(paragraphs("The article text."), [AnnotationMode.configure({ onVerdictKey })]);
    document.body.append(editor.view.dom);
    const text = editor.view.dom.querySelector("p")?.firstChild;
    if (!text) throw new Error("no text node");
    document.getSelection()?.setBaseAndExtent(text, 4, text, 11);
    expect(editor.state.selection.empty).toBe(true);
    expect(pressKey(editor, "c")).toBe(true);
    expect(onVerdictKey).toHaveBeenCalledWith("contradicted");
    expect(editor.state.doc.textBetween(editor.state.selection.from, editor.state.selection.to)).toBe("article");
    editor.view.dom.remove();
  });

  it("does nothing on a verdict key when nothing is selected", () => {
    const onVerdictKey = vi.fn();
    const editor = createTestEditor(paragraphs("The article text."), [AnnotationMode.configure({ onVerdictKey })]);
    pressKey(editor, "c");
    expect(onVerdictKey).not.toHaveBeenCalled();
  });
});

describe("AnnotationMode while editing", () => {
  it("lets the text change and verdict keys type", () => {
    const onVerdictKey = vi.fn();
    const editor = createTestEditor(paragraphs("The article text."), [
      AnnotationMode.configure({ onVerdictKey, isEditing: () => true }),
    ]);
    editor.commands.insertContentAt(1, "Updated: ");
    expect(editor.getText()).toBe("Updated: The article text.");
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, 5, 12)));
    expect(pressKey(editor, "c")).toBe(false);
    expect(onVerdictKey).not.toHaveBeenCalled();
  });
});
