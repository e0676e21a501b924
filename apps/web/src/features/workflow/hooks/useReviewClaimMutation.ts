import type { Claim, ReviewCreate } from "@factmark/core";
import { useMutation } from "@tanstack/react-query";
import { staleClaimOf } from "../../claims/hooks/useClaimActions";
import { useClaimCache } from "../../claims/hooks/useClaimCache";
import { reviewClaim } from "../api";

/**
 * An editor's review of a claim. Not optimistic (a decision waits for the server): the claim the server answers
 * replaces the cached one. On a 412 the cache takes the claim as it is now, so the editor reviews what is there.
 */
export function useReviewClaimMutation(articleId: string) {
  const cache = useClaimCache(articleId);
  const replace = (claim: Claim) => cache.set((claims) => claims.map((item) => (item.id === claim.id ? claim : item)));
  return useMutation({
    mutationFn: ({ claim, review }: { claim: Claim; review: ReviewCreate }) => reviewClaim(claim, review),
    onSuccess: (result) => replace(result.claim),
    onError: (error) => {
      const current = staleClaimOf(error);
      if (current) replace(current);
    },
    onSettled: () => cache.settle(),
  });
}
