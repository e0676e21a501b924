import { isGraphemeBoundary } from "@factmark/core";
import { TextSelection } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { createTestEditor, paragraphs } from "../test/createTestEditor";
import { selectionToSelectors } from "./selectionToSelectors";
import { buildTextIndex, textOffsetToPos } from "./textIndex";

const FAMILY = "👨‍👩‍👧";

/** An editor over `lines`, with the text offsets [start, end) selected. */
function selectOffsets(lines: string[], start: number, end: number) {
  const editor = createTestEditor(paragraphs(...lines));
  const index = buildTextIndex(editor.state.doc);
  const from = textOffsetToPos(index, start, "start");
  const to = textOffsetToPos(index, end, "end");
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, from, to)));
  return { state: editor.state, text: index.text };
}

describe("selectionToSelectors", () => {
  it("describes the selected words, leaving out the white space around them", () => {
    const line = "Iran sold a limited number of drones.";
    const start = line.indexOf(" a limited");
    const { state } = selectOffsets([line], start, start + " a limited ".length);
    expect(selectionToSelectors(state)).toMatchObject({
      position: { start: start + 1, end: start + 10 },
      quote: { exact: "a limited", prefix: "Iran sold ", suffix: " number of drones." },
    });
  });

  it("answers null for an empty selection or one of white space only", () => {
    const editor = createTestEditor(paragraphs("Alpha   beta."));
    expect(selectionToSelectors(editor.state)).toBeNull();
    const { state } = selectOffsets(["Alpha   beta."], 5, 8);
    expect(selectionToSelectors(state)).toBeNull();
  });

  it("takes the whole family emoji when the selection ends inside its ZWJ sequence", () => {
    const line = `The ${FAMILY} family travelled.`;
    const emoji = line.indexOf(FAMILY);
    const { state, text } = selectOffsets([line], 0, emoji + 2);
    const selectors = selectionToSelectors(state);
    expect(selectors?.quote.exact).toBe(`The ${FAMILY}`);
    expect(selectors?.position).toEqual({ start: 0, end: emoji + FAMILY.length });
    expect(text.slice(0, emoji + FAMILY.length)).toBe(selectors?.quote.exact);
  });

  it("takes the whole emoji when the selection starts inside it", () => {
    const line = `The ${FAMILY} family travelled.`;
    const emoji = line.indexOf(FAMILY);
    const { state } = selectOffsets([line], emoji + 5, line.indexOf(" travelled"));
    expect(selectionToSelectors(state)?.quote.exact).toBe(`${FAMILY} family`);
  });

  it("takes the accent when the selection ends between a letter and its combining mark", () => {
    const line = "Le cafe\u0301 est noir.";
    const start = line.indexOf("cafe");
    const { state } = selectOffsets([line], start, start + 4);
    expect(selectionToSelectors(state)).toMatchObject({
      position: { start, end: start + 5 },
      quote: { exact: "cafe\u0301" },
    });
  });

  it("takes a whole skin-toned emoji and a whole flag, across paragraphs", () => {
    const lines = ["Thumbs 👍🏽 up.", "Flag 🇺🇦 raised."];
    const thumb = lines[0]?.indexOf("👍") ?? -1;
    const flagInSecond = (lines[0]?.length ?? 0) + 1 + (lines[1]?.indexOf("🇺🇦") ?? -1);
    const { state, text } = selectOffsets(lines, thumb + 2, flagInSecond + 2);
    const selectors = selectionToSelectors(state);
    expect(selectors?.quote.exact).toBe("👍🏽 up.\nFlag 🇺🇦");
    expect(isGraphemeBoundary(text, selectors?.position.start ?? -1)).toBe(true);
    expect(isGraphemeBoundary(text, selectors?.position.end ?? -1)).toBe(true);
  });
});
