import { type Selectors, selectorsForRange, snapToGraphemes } from "@factmark/core";
import type { EditorState } from "@tiptap/pm/state";
import { buildTextIndex, posToTextOffset } from "./textIndex";

/**
 * The W3C selectors of the editor's selection over the text projection, or null when the
 * selection holds no text. Leading and trailing white space is left out of the claim, and a
 * selection that ends inside a character (between a letter and its accent, inside an emoji
 * sequence) is widened to the whole character, as the server accepts only whole characters.
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
  const whole = snapToGraphemes(index.text, start, end);
  return selectorsForRange(index.text, whole.start, whole.end);
}
