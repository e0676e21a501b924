import type { Actor, Claim, ClaimUpdate } from "@factmark/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser";
import { workflowKeys } from "../../workflow/queryKeys";
import { updateClaim } from "../api";
import { applyClaimUpdate } from "../applyClaimUpdate";
import { useClaimCache } from "./useClaimCache";

const NOBODY: readonly Actor[] = [];

/**
 * Changes a claim (verdict, speaker, rationale, assignee, status) optimistically, as the server will answer it
 * (see applyClaimUpdate); a refusal rolls back.
 */
export function useUpdateClaimMutation(articleId: string) {
  const queryClient = useQueryClient();
  const cache = useClaimCache(articleId);
  const { user } = useCurrentUser();
  return useMutation({
    mutationFn: ({ claim, change }: { claim: Claim; change: ClaimUpdate }) => updateClaim(claim, change),
    onMutate: async ({ claim, change }) => {
      const previous = cache.snapshot();
      const context = {
        me: user ? { id: user.id, name: user.name } : null,
        assignees: queryClient.getQueryData<Actor[]>(workflowKeys.assignees()) ?? NOBODY,
      };
      cache.set((claims) =>
        claims.map((item) => (item.id === claim.id ? applyClaimUpdate(item, change, context) : item)),
      );
      return { previous };
    },
    onSuccess: (updated) => cache.set((claims) => claims.map((item) => (item.id === updated.id ? updated : item))),
    onError: (_error, _variables, context) => cache.restore(context?.previous),
    onSettled: () => cache.settle(),
  });
}
