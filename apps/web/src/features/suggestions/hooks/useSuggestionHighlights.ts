import type { Editor } from "@tiptap/core";
import { useEffect, useMemo, useRef } from "react";
import {
  type SuggestionSpan,
  setSuggestionHighlights,
  suggestionHighlightsKey,
  suggestionHighlightsPlugin,
} from "../../../editor/extensions/SuggestionHighlights";
import { type SuggestionItem, unmarkedSpansOf } from "../suggestionItems";

/**
 * Draws the suggestions in the article's text while `isShown` (the Suggestions tab is open): registers the
 * suggestion highlights' plugin on the editor, sends it the rows' spans, and takes it away again when the tab
 * closes or the editor is remade. The current row's words are scrolled into view when it changes.
 */
export function useSuggestionHighlights(
  editor: Editor | null,
  items: readonly SuggestionItem[],
  currentKey: string | null,
  isShown: boolean,
  onChoose: (key: string) => void,
) {
  const onChooseRef = useRef(onChoose);
  onChooseRef.current = onChoose;
  const spans = useMemo(
    (): SuggestionSpan[] =>
      items.flatMap((item) => unmarkedSpansOf(item).map((position) => ({ key: item.key, ...position }))),
    [items],
  );
  const isRegistered = Boolean(editor && isShown && !editor.isDestroyed);

  useEffect(() => {
    if (!editor || !isShown || editor.isDestroyed) return;
    editor.registerPlugin(suggestionHighlightsPlugin({ onSuggestionClick: (key) => onChooseRef.current(key) }));
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(suggestionHighlightsKey);
    };
  }, [editor, isShown]);

  useEffect(() => {
    if (!editor || !isRegistered || editor.isDestroyed) return;
    editor.view.dispatch(setSuggestionHighlights(editor.state, { spans, currentKey }));
  }, [editor, isRegistered, spans, currentKey]);

  useEffect(() => {
    if (!editor || !isRegistered || currentKey === null || editor.isDestroyed) return;
    const element = editor.view.dom.querySelector(`[data-suggestion-key="${CSS.escape(currentKey)}"]`);
    element?.scrollIntoView?.({ block: "center", behavior: "smooth" });
  }, [editor, isRegistered, currentKey]);
}
