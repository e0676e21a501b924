import { useLayoutEffect } from "react";

/**
 * The element an article's page comes with from the server (apps/server/src/web/serveWebApp.ts): the article's
 * first screen, drawn before any script runs, beside #root and not in it, so React's first render into #root
 * leaves it be. Until it goes, #root is hidden (styles.css), so the page never shows the two at once.
 */
export const SERVER_FIRST_SCREEN_ID = "first-screen";

/** Takes the server's first screen away (when there is one). */
export function removeServerFirstScreen(): void {
  document.getElementById(SERVER_FIRST_SCREEN_ID)?.remove();
}

/**
 * Takes the server's first screen away in the commit that renders the caller: before the browser paints, so the
 * app's own view replaces it in one frame. For what shows the article (its preview or editor) and for whatever
 * shows instead of it (an error, the sign-in page).
 */
export function useServerFirstScreenRemoved(): void {
  useLayoutEffect(removeServerFirstScreen, []);
}

/** useServerFirstScreenRemoved as an element, for a view that is not a function component (an error boundary). */
export function ServerFirstScreenRemoved(): null {
  useServerFirstScreenRemoved();
  return null;
}
