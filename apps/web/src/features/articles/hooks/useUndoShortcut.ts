import { useEffect } from "react";
import { isTypingTarget } from "./useDeskShortcuts";

/**
 * Ctrl+Z (Cmd+Z on a Mac) anywhere on the page runs `onUndo`, while there is one. Wherever the user types
 * (see `isTypingTarget`, the article text in Edit text mode included) the key is left to that field's own undo.
 */
export function useUndoShortcut(onUndo: (() => void) | null) {
  useEffect(() => {
    if (!onUndo) return;
    function handleKeyDown(event: KeyboardEvent) {
      const isUndo = (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === "z";
      if (!isUndo || isTypingTarget(event.target)) return;
      event.preventDefault();
      onUndo?.();
    }
    window.addEventListener("keydown", handleKeyDown);
    return () => window.removeEventListener("keydown", handleKeyDown);
  }, [onUndo]);
}
