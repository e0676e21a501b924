import { useEffect, useRef } from "react";
import { DESK_SHORTCUTS, isFreeForShortcuts } from "../../articles/hooks/useDeskShortcuts";

/** The keys that focus the header's search box, from the one shortcut table (the `?` sheet lists them). */
const SEARCH_KEYS = new Set(
  DESK_SHORTCUTS.find((shortcut) => shortcut.command === "focusSearch")?.keys.map((keys) => keys.join(" ")) ?? [],
);

/**
 * Runs `onFocusSearch` when `/` is pressed anywhere on any page but in a field being typed into, a modal dialog or
 * a widget that took the key (the desk's rule, isFreeForShortcuts); the `/` itself is not typed.
 */
export function useSearchShortcut(onFocusSearch: () => void, isEnabled = true) {
  const handlerRef = useRef(onFocusSearch);
  handlerRef.current = onFocusSearch;
  useEffect(() => {
    if (!isEnabled) return;
    function handleKeyDown(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || !SEARCH_KEYS.has(event.key)) return;
      if (!isFreeForShortcuts(event)) return;
      event.preventDefault();
      handlerRef.current();
    }
    window.addEventListener("keydown", handleKeyDown);
    return () => window.removeEventListener("keydown", handleKeyDown);
  }, [isEnabled]);
}
