import { useQuery } from "@tanstack/react-query";
import { fetchSpeakerCounts } from "../api";
import { speakerKeys } from "../queryKeys";

/** The article's speakers with their claim counts, A to Z. */
export function useSpeakerCountsQuery(articleId: string) {
  return useQuery({ queryKey: speakerKeys.counts(articleId), queryFn: () => fetchSpeakerCounts(articleId) });
}
