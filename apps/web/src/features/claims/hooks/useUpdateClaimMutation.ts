import type { Claim, ClaimUpdate } from "@factmark/core";
import { useMutation } from "@tanstack/react-query";
import { updateClaim } from "../api";
import { useClaimCache } from "./useClaimCache";

/** Changes a claim (verdict, speaker, rationale) optimistically; a stale version rolls back. */
export function useUpdateClaimMutation(articleId: string) {
  const cache = useClaimCache(articleId);
  return useMutation({
    mutationFn: ({ claim, change }: { claim: Claim; change: ClaimUpdate }) => updateClaim(claim, change),
    onMutate: async ({ claim, change }) => {
      const previous = cache.snapshot();
      cache.set((claims) => claims.map((item) => (item.id === claim.id ? { ...item, ...change } : item)));
      return { previous };
    },
    onSuccess: (updated) => cache.set((claims) => claims.map((item) => (item.id === updated.id ? updated : item))),
    onError: (_error, _variables, context) => cache.restore(context?.previous),
    onSettled: () => cache.settle(),
  });
}
