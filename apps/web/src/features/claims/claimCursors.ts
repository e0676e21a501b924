import type { QueryClient } from "@tanstack/react-query";

/**
 * Per query client, the cursor of the server answer each article's cached claim list is up to date
 * with: a refresh then asks only for what changed after it. Kept beside the cache, not in it, so the
 * cache stays a plain list for optimistic updates.
 */
const cursorsByClient = new WeakMap<QueryClient, Map<string, number>>();

function cursorsOf(queryClient: QueryClient): Map<string, number> {
  let cursors = cursorsByClient.get(queryClient);
  if (!cursors) {
    cursors = new Map();
    cursorsByClient.set(queryClient, cursors);
  }
  return cursors;
}

export const claimCursors = {
  get: (queryClient: QueryClient, articleId: string) => cursorsOf(queryClient).get(articleId),
  set: (queryClient: QueryClient, articleId: string, cursor: number) => cursorsOf(queryClient).set(articleId, cursor),
  /** The cached list went back to an older state (an optimistic change undone): read it whole next time. */
  forget: (queryClient: QueryClient, articleId: string) => cursorsOf(queryClient).delete(articleId),
};
