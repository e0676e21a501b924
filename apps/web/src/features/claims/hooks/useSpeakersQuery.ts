import { useQuery } from "@tanstack/react-query";
import { fetchSpeakers } from "../api";
import { claimKeys } from "../queryKeys";

/** The speakers already used in an article, for autocomplete. */
export function useSpeakersQuery(articleId: string) {
  return useQuery({ queryKey: claimKeys.speakers(articleId), queryFn: () => fetchSpeakers(articleId) });
}
