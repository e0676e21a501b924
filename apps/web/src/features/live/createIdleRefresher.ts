import { hashKey, type QueryClient, type QueryKey } from "@tanstack/react-query";

/** How long keys that come together are gathered into one refresh: a reconnect sends every change it missed at once. */
const GATHER_MS = 30;

/**
 * Refreshes query keys (invalidates them: the ones on screen are read again, the others when next shown),
 * gathering the ones that come together — but never while a mutation is in flight: a read then could put the
 * server's older row over the reviewer's optimistic change, or a whole list over a pending row. Each mutation
 * settles by reading its own lists again; once none is left, the keys gathered meanwhile are refreshed.
 */
export function createIdleRefresher(queryClient: QueryClient) {
  const waiting = new Map<string, QueryKey>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    // The mutation cache's listener below comes back when the last mutation settles.
    if (queryClient.isMutating() > 0) return;
    const keys = [...waiting.values()];
    waiting.clear();
    for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
  };
  const schedule = (delayMs: number) => {
    timer ??= setTimeout(flush, delayMs);
  };
  const stopListening = queryClient.getMutationCache().subscribe(() => {
    if (waiting.size > 0 && queryClient.isMutating() === 0) schedule(0);
  });

  return {
    refresh(keys: readonly QueryKey[]) {
      for (const key of keys) waiting.set(hashKey(key), key);
      schedule(GATHER_MS);
    },
    stop() {
      stopListening();
      clearTimeout(timer);
      waiting.clear();
    },
  };
}
