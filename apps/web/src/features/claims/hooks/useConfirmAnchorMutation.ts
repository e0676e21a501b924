import type { Claim } from "@factmark/core";
import { useMutation } from "@tanstack/react-query";
import { confirmClaimAnchor } from "../api";
import { useClaimCache } from "./useClaimCache";

/** Clears a claim's "moved — check it" flag, optimistically; a stale version rolls back. */
export function useConfirmAnchorMutation(articleId: string) {
  const cache = useClaimCache(articleId);
  return useMutation({
    mutationFn: (claim: Claim) => confirmClaimAnchor(claim),
    onMutate: async (claim) => {
      const previous = cache.snapshot();
      cache.set((claims) =>
        claims.map((item) => (item.id === claim.id ? { ...item, isAnchorUnconfirmed: false } : item)),
      );
      return { previous };
    },
    onSuccess: (updated) => cache.set((claims) => claims.map((item) => (item.id === updated.id ? updated : item))),
    onError: (_error, _claim, context) => cache.restore(context?.previous),
    onSettled: () => cache.settle(),
  });
}
