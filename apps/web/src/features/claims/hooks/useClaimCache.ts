import { type Claim, compareClaimsInDocumentOrder } from "@factmark/core";
import { useQueryClient } from "@tanstack/react-query";
import { listCache } from "../../../lib/listCache";
import { articleKeys } from "../../articles/queryKeys";
import { linkKeys } from "../../links/queryKeys";
import { workflowKeys } from "../../workflow/queryKeys";
import { claimCursors } from "../claimCursors";
import { claimKeys } from "../queryKeys";

/** One article's claims in the query cache, kept in document order, for optimistic updates. */
export function useClaimCache(articleId: string) {
  const queryClient = useQueryClient();
  const cache = listCache<Claim>(queryClient, claimKeys.ofArticle(articleId), {
    sort: compareClaimsInDocumentOrder,
    // The list's counts and progress change; a claim's links show or hide with it; its history gains an entry;
    // what is assigned to me may change.
    alsoInvalidate: [
      articleKeys.list(),
      linkKeys.ofArticle(articleId),
      claimKeys.everyClaim(articleId),
      workflowKeys.myWork(),
    ],
  });
  return {
    ...cache,
    restore(previous: Claim[] | undefined) {
      // The snapshot may predate changes a refresh brought in meanwhile: the next read is whole.
      claimCursors.forget(queryClient, articleId);
      cache.restore(previous);
    },
  };
}
