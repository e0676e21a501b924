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
  const mutationKey = ["claim-update", articleId];
  /** What applyClaimUpdate needs to show a change as the server will make it. */
  const updateContext = () => ({
    me: user ? { id: user.id, name: user.name } : null,
    assignees: queryClient.getQueryData<Actor[]>(workflowKeys.assignees()) ?? NOBODY,
  });
  return useMutation({
    mutationKey,
    mutationFn: ({ claim, change }: { claim: Claim; change: ClaimUpdate }) => updateClaim(claim, change),
    onMutate: async ({ claim, change }) => {
      const previous = cache.snapshot();
      const context = updateContext();
      cache.set((claims) =>
        claims.map((item) => (item.id === claim.id ? applyClaimUpdate(item, change, context) : item)),
      );
      return { previous };
    },
    // The server's claim, with the changes still on their way after this one (claimWrites queues them) shown on it.
    onSuccess: (updated, variables) => {
      const waiting = queryClient
        .getMutationCache()
        .findAll({ mutationKey, status: "pending" })
        .map((mutation) => mutation.state.variables as { claim: Claim; change: ClaimUpdate } | undefined)
        .filter((pending) => pending !== undefined && pending !== variables && pending.claim.id === updated.id);
      const context = updateContext();
      const shown = waiting.reduce(
        (claim, pending) => applyClaimUpdate(claim, pending?.change ?? {}, context),
        updated,
      );
      cache.set((claims) => claims.map((item) => (item.id === updated.id ? shown : item)));
    },
    onError: (_error, _variables, context) => cache.restore(context?.previous),
    onSettled: () => cache.settle(),
  });
}
