import { useEffect } from "react";

/**
 * Ctrl+Z (Cmd+Z on a Mac) anywhere on the page runs `onUndo`, while there is one. Typing in a field
 * keeps its own undo; the article text is left out of that, since annotating it types nothing.
 */
export function useUndoShortcut(onUndo: (() => void) | null) {
  useEffect(() => {
    if (!onUndo) return;
    function handleKeyDown(event: KeyboardEvent) {
      const isUndo = (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === "z";
      const target = event.target as HTMLElement | null;
      const isTyping = target?.closest("input, textarea, select, [contenteditable='true']:not(.article-text)");
      if (!isUndo || isTyping) return;
      event.preventDefault();
      onUndo?.();
    }
    window.addEventListener("keydown", handleKeyDown);
    return () => window.removeEventListener("keydown", handleKeyDown);
  }, [onUndo]);
}
