import type { Claim } from "@factmark/core";
import { useMutation } from "@tanstack/react-query";
import { deleteClaim, restoreClaim } from "../api";
import { useClaimCache } from "./useClaimCache";

/** Deletes a claim at once in the UI; the server keeps it so it can be restored. */
export function useDeleteClaimMutation(articleId: string) {
  const cache = useClaimCache(articleId);
  return useMutation({
    mutationFn: (claim: Claim) => deleteClaim(claim),
    onMutate: async (claim) => {
      const previous = cache.snapshot();
      cache.set((claims) => claims.filter((item) => item.id !== claim.id));
      return { previous };
    },
    onError: (_error, _claim, context) => cache.restore(context?.previous),
    onSettled: () => cache.settle(),
  });
}

/**
 * Undoes a delete: the claim comes back with everything it had, once the server answers. Not before: the server
 * places it on the text as it is now (a save while it was deleted may have moved its words, or taken them out), so
 * the claim as it was could show its verdict on other words until then.
 */
export function useRestoreClaimMutation(articleId: string) {
  const cache = useClaimCache(articleId);
  return useMutation({
    mutationFn: (claim: Claim) => restoreClaim(claim),
    onSuccess: (restored) => cache.set((claims) => [...claims.filter((item) => item.id !== restored.id), restored]),
    onSettled: () => cache.settle(),
  });
}
