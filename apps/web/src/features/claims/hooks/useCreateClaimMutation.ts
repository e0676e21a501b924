import {
  type Claim,
  type ClaimCreate,
  DEFAULT_VERDICT,
  type Selectors,
  UNTOUCHED_CLAIM_WORKFLOW,
} from "@factmark/core";
import { useMutation } from "@tanstack/react-query";
import { pendingId } from "../../../lib/pendingId";
import { createClaim } from "../api";
import { useClaimCache } from "./useClaimCache";

export interface CreateClaimVariables extends ClaimCreate {
  /** Both selectors, known on the client, so the highlight can be drawn before the server answers. */
  selectors: Selectors;
}

/** Marks a claim; its highlight shows at once and goes away again if the server refuses it. */
export function useCreateClaimMutation(articleId: string) {
  const cache = useClaimCache(articleId);
  return useMutation({
    mutationFn: (input: CreateClaimVariables) => createClaim(articleId, input),
    onMutate: async (input) => {
      const previous = cache.snapshot();
      const now = new Date().toISOString();
      const pending: Claim = {
        id: pendingId("claim"),
        articleId,
        selectors: input.selectors,
        verdict: input.verdict ?? DEFAULT_VERDICT,
        speaker: input.speaker ?? null,
        rationale: input.rationale ?? "",
        isOrphaned: false,
        isAnchorUnconfirmed: false,
        version: 1,
        createdAt: now,
        updatedAt: now,
        createdBy: { id: "", name: "You" },
        ...UNTOUCHED_CLAIM_WORKFLOW,
      };
      cache.set((claims) => [...claims, pending]);
      return { previous, pendingId: pending.id };
    },
    onSuccess: (created, _input, context) => {
      // A refresh may have brought the stored claim in already: keep one of it.
      cache.set((claims) =>
        claims
          .filter((claim) => claim.id !== created.id)
          .map((claim) => (claim.id === context?.pendingId ? created : claim)),
      );
    },
    onError: (_error, _input, context) => cache.restore(context?.previous),
    onSettled: () => cache.settle(),
  });
}
