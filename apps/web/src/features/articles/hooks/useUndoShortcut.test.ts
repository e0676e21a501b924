import { fireEvent, renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useUndoShortcut } from "./useUndoShortcut";

function place(html: string): HTMLElement {
  const element = document.createElement("div");
  element.innerHTML = html;
  document.body.append(element);
  return element;
}

describe("useUndoShortcut", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("undoes on Ctrl+Z or Cmd+Z anywhere on the page, instead of the browser's own undo", () => {
    const onUndo = vi.fn();
    renderHook(() => useUndoShortcut(onUndo));
    const isNotPrevented = fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    fireEvent.keyDown(document.body, { key: "Z", metaKey: true });
    expect(onUndo).toHaveBeenCalledTimes(2);
    expect(isNotPrevented).toBe(false);
  });

  it("leaves other keys alone: Z alone, Ctrl+Shift+Z (redo), Ctrl+Y", () => {
    const onUndo = vi.fn();
    renderHook(() => useUndoShortcut(onUndo));
    fireEvent.keyDown(document.body, { key: "z" });
    fireEvent.keyDown(document.body, { key: "Z", ctrlKey: true, shiftKey: true });
    fireEvent.keyDown(document.body, { key: "y", ctrlKey: true });
    expect(onUndo).not.toHaveBeenCalled();
  });

  it("lets fields keep their own undo, but not the article text, which annotating types nothing into", () => {
    const onUndo = vi.fn();
    const page = place(`
      <input aria-label="Speaker" /><textarea aria-label="Rationale"></textarea><select aria-label="Kind"></select>
      <div contenteditable="true" data-field><p>Rationale</p></div>
      <div contenteditable="true" class="article-text" aria-readonly="true"><p>Iran sold drones.</p></div>
    `);
    renderHook(() => useUndoShortcut(onUndo));
    for (const field of page.querySelectorAll("input, textarea, select, [data-field] p")) {
      expect(fireEvent.keyDown(field, { key: "z", ctrlKey: true })).toBe(true);
    }
    expect(onUndo).not.toHaveBeenCalled();
    fireEvent.keyDown(page.querySelector(".article-text p") as Element, { key: "z", ctrlKey: true });
    expect(onUndo).toHaveBeenCalledOnce();
  });

  it("leaves Ctrl+Z to the article text while it is being edited, and to any other editable element", () => {
    const onUndo = vi.fn();
    const page = place(`
      <div contenteditable="true" class="article-text" aria-readonly="false"><p>Iran sold drones.</p></div>
      <div contenteditable="" aria-label="Note"><p>Draft</p></div>
      <div contenteditable="plaintext-only" aria-label="Title">Title</div>
    `);
    renderHook(() => useUndoShortcut(onUndo));
    for (const field of page.querySelectorAll("p, [aria-label='Title']")) {
      expect(fireEvent.keyDown(field, { key: "z", ctrlKey: true })).toBe(true);
    }
    expect(onUndo).not.toHaveBeenCalled();
  });

  it("listens only while there is something to undo", () => {
    const onUndo = vi.fn();
    const { rerender, unmount } = renderHook(({ undo }) => useUndoShortcut(undo), {
      initialProps: { undo: null as (() => void) | null },
    });
    expect(fireEvent.keyDown(document.body, { key: "z", ctrlKey: true })).toBe(true);
    rerender({ undo: onUndo });
    fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    rerender({ undo: null });
    fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    rerender({ undo: onUndo });
    unmount();
    fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    expect(onUndo).toHaveBeenCalledOnce();
  });
});
