import { useSyncExternalStore } from "react";

/** Below this width the claims are a drawer over the text rather than a column beside it (styles.css agrees). */
export const NARROW_DESK_QUERY = "(max-width: 1023.98px)";

function subscribe(onChange: () => void) {
  if (typeof window.matchMedia !== "function") return () => {};
  const query = window.matchMedia(NARROW_DESK_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** Whether the window is narrower than the desk's two columns need (NARROW_DESK_QUERY). */
export function useIsNarrowDesk(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => typeof window.matchMedia === "function" && window.matchMedia(NARROW_DESK_QUERY).matches,
    () => false,
  );
}
