import type { Claim } from "@factmark/core";
import { useQuery } from "@tanstack/react-query";
import { fetchNearestMatch } from "../api";
import { claimKeys } from "../queryKeys";

/** The words an orphan's old quote comes closest to in the article's current text (`articleVersion`). */
export function useNearestMatchQuery(claim: Claim, articleVersion: number) {
  return useQuery({
    queryKey: claimKeys.nearestMatch(claim, articleVersion),
    queryFn: () => fetchNearestMatch(claim),
    enabled: claim.isOrphaned,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
