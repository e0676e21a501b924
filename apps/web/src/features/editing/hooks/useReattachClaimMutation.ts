import type { Claim, SelectorInput } from "@factmark/core";
import { useMutation } from "@tanstack/react-query";
import { useClaimCache } from "../../claims/hooks/useClaimCache";
import { reattachClaim } from "../api";

/** Re-attaches an orphaned claim to the reviewer's selection. */
export function useReattachClaimMutation(articleId: string) {
  const cache = useClaimCache(articleId);
  return useMutation({
    mutationFn: ({ claim, selectors }: { claim: Claim; selectors: SelectorInput }) => reattachClaim(claim, selectors),
    onSuccess: (reattached) =>
      cache.set((claims) => claims.map((item) => (item.id === reattached.id ? reattached : item))),
    onSettled: () => cache.settle(),
  });
}
