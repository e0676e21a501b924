import { type Claim, compareClaimsInDocumentOrder } from "@factmark/core";
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { articleKeys } from "../../articles/queryKeys";
import { historyKeys } from "../../history/queryKeys";
import { linkKeys } from "../../links/queryKeys";
import { claimKeys } from "../queryKeys";

/**
 * Reads and writes one article's claims in the query cache, for optimistic updates:
 * `snapshot` before, `restore` on error, `settle` after either.
 */
export function useClaimCache(articleId: string) {
  const queryClient = useQueryClient();
  return claimCache(queryClient, articleId);
}

export function claimCache(queryClient: QueryClient, articleId: string) {
  const key = claimKeys.ofArticle(articleId);
  return {
    /**
     * The claims as they are now, with any fetch in flight cancelled so it cannot overwrite an optimistic
     * change. Synchronous: awaiting the cancel would cost the new highlight a frame.
     */
    snapshot(): Claim[] | undefined {
      void queryClient.cancelQueries({ queryKey: key });
      return queryClient.getQueryData<Claim[]>(key);
    },
    set(update: (claims: Claim[]) => Claim[]) {
      queryClient.setQueryData<Claim[]>(key, (claims = []) => update(claims).sort(compareClaimsInDocumentOrder));
    },
    restore(previous: Claim[] | undefined) {
      queryClient.setQueryData(key, previous);
    },
    async settle() {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: key }),
        queryClient.invalidateQueries({ queryKey: articleKeys.list() }),
        // A claim's links show or hide with it; its history gains an entry.
        queryClient.invalidateQueries({ queryKey: linkKeys.all }),
        queryClient.invalidateQueries({ queryKey: historyKeys.all }),
      ]);
    },
  };
}
