import { useQuery } from "@tanstack/react-query";
import { fetchSpeakers } from "../api";
import { claimKeys } from "../queryKeys";

/**
 * The speakers already used in an article, for autocomplete. Every change to the article refreshes them through
 * its live stream (queryKeysToRefresh), so a field mounted again on each selected claim reuses them for 30 s
 * (`staleTime`, ms) rather than asking again; focus asks again after that, as for any query.
 */
export function useSpeakersQuery(articleId: string) {
  return useQuery({
    queryKey: claimKeys.speakers(articleId),
    queryFn: () => fetchSpeakers(articleId),
    staleTime: 30_000,
  });
}
