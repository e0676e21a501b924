import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { fetchSearchResults, type SearchRequest } from "../api";
import { searchKeys } from "../queryKeys";

/** How long an answer stays fresh: the archive changes, but not by the second. */
const SEARCH_STALE_MS = 30_000;

/**
 * The results of one search, a page at a time: `fetchNextPage` asks for the page after the last one's cursor
 * (kept in the query's own data). Asks nothing while `isEnabled` is false (no words and no filter); while a new
 * search loads, the last answer stays shown.
 */
export function useSearchQuery(request: SearchRequest, isEnabled: boolean) {
  return useInfiniteQuery({
    queryKey: searchKeys.results(request),
    queryFn: ({ pageParam }) => fetchSearchResults(request, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.cursor ?? undefined,
    enabled: isEnabled,
    staleTime: SEARCH_STALE_MS,
    placeholderData: keepPreviousData,
  });
}
