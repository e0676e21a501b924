import type { QueryClient, QueryKey } from "@tanstack/react-query";

export interface ListCacheOptions<T> {
  /** How the list is kept ordered after a change (claims: document order). */
  sort?: (left: T, right: T) => number;
  /** What else shows the list's items and must be read again once the server has answered. */
  alsoInvalidate?: readonly QueryKey[];
}

/**
 * One cached list, for optimistic updates: `snapshot` before, `set` the change, `restore` on error,
 * `settle` after either. The snapshot is synchronous — it cancels any fetch in flight, so the fetch
 * cannot overwrite the change, without waiting a tick that would cost the change a frame.
 */
export function listCache<T>(queryClient: QueryClient, key: QueryKey, options: ListCacheOptions<T> = {}) {
  const { sort, alsoInvalidate = [] } = options;
  return {
    snapshot(): T[] | undefined {
      void queryClient.cancelQueries({ queryKey: key });
      return queryClient.getQueryData<T[]>(key);
    },
    set(update: (items: T[]) => T[]) {
      queryClient.setQueryData<T[]>(key, (items = []) => {
        const next = update(items);
        return sort ? next.sort(sort) : next;
      });
    },
    restore(previous: T[] | undefined) {
      queryClient.setQueryData(key, previous);
    },
    async settle() {
      await Promise.all([key, ...alsoInvalidate].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  };
}
