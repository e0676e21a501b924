import { describe, type Selectors } from "@factmark/core";
import type { EditorState } from "@tiptap/pm/state";
import { buildTextIndex, posToTextOffset } from "./textIndex";

/**
 * The W3C selectors of the editor's selection over the text projection, or null when the
 * selection holds no text. Leading and trailing white space is left out of the claim.
 */
export function selectionToSelectors(state: EditorState): Selectors | null {
  const { from, to, empty } = state.selection;
  if (empty) return null;
  const index = buildTextIndex(state.doc);
  let start = posToTextOffset(index, from, "start");
  let end = posToTextOffset(index, to, "end");
  while (start < end && /\s/.test(index.text[start] ?? "")) start += 1;
  while (end > start && /\s/.test(index.text[end - 1] ?? "")) end -= 1;
  if (start >= end) return null;
  return describe(index.text, start, end);
}
