import { useSearchParams } from "wouter";

/**
 * The address's query parameters, and a way to change some: `changeParams({ name: value })` sets each one, or
 * removes it when the value is empty or false; a new history entry only when `push` (a filter typed or picked
 * replaces the entry, so Back is not a key at a time).
 */
export function useUrlParams() {
  const [params, setParams] = useSearchParams();
  function changeParams(changes: Record<string, string | false>, push = false) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(changes)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        return next;
      },
      { replace: !push },
    );
  }
  return [params, changeParams] as const;
}
