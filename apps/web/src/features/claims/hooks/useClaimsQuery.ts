import { applyClaimChanges, type Claim } from "@factmark/core";
import { type QueryClient, queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchClaims } from "../api";
import { claimCursors } from "../claimCursors";
import { claimKeys } from "../queryKeys";

/** An article's claims in document order. The first read is whole; each refresh brings only what changed. */
export function useClaimsQuery(articleId: string) {
  return useQuery(claimsQueryOptions(useQueryClient(), articleId));
}

/** The claims query of an article, as the page reads it and as it is started with the page (startRouteData). */
export function claimsQueryOptions(queryClient: QueryClient, articleId: string) {
  return queryOptions({
    queryKey: claimKeys.ofArticle(articleId),
    queryFn: ({ signal }) => readClaims(queryClient, articleId, signal),
  });
}

async function readClaims(queryClient: QueryClient, articleId: string, signal: AbortSignal): Promise<Claim[]> {
  const key = claimKeys.ofArticle(articleId);
  const since =
    queryClient.getQueryData<Claim[]>(key) === undefined ? undefined : claimCursors.get(queryClient, articleId);
  const answer = await fetchClaims(articleId, since);
  // Merged into the list as it is now, so an optimistic change made meanwhile stays on screen.
  const kept = queryClient.getQueryData<Claim[]>(key);
  const claims = since === undefined || kept === undefined ? answer.items : applyClaimChanges(kept, answer);
  // A cancelled read is thrown away, so the cache must not move on to its cursor either.
  if (!signal.aborted) claimCursors.set(queryClient, articleId, answer.cursor);
  return claims;
}
