import type { Claim, Evidence, EvidenceCreate } from "@factmark/core";
import { useMutation } from "@tanstack/react-query";
import { pendingId } from "../../../lib/pendingId";
import { createEvidence } from "../api";
import { useEvidenceCache } from "./useEvidenceCache";

/** Adds evidence to a claim; it shows at once and goes away again if the server refuses it. */
export function useCreateEvidenceMutation(claim: Pick<Claim, "id" | "articleId">) {
  const cache = useEvidenceCache(claim);
  return useMutation({
    mutationFn: (input: EvidenceCreate) => createEvidence(claim.id, input),
    onMutate: async (input) => {
      const previous = cache.snapshot();
      const now = new Date().toISOString();
      const pending: Evidence = {
        id: pendingId("evidence"),
        claimId: claim.id,
        url: input.url,
        title: input.title ?? null,
        excerpt: input.excerpt ?? null,
        stance: input.stance,
        version: 1,
        createdAt: now,
        updatedAt: now,
        createdBy: { id: "", name: "You" },
      };
      cache.set((items) => [...items, pending]);
      return { previous, pendingId: pending.id };
    },
    onSuccess: (created, _input, context) => {
      // A refresh may have brought the stored row in already: keep one of it.
      cache.set((items) =>
        items.filter((item) => item.id !== created.id).map((item) => (item.id === context?.pendingId ? created : item)),
      );
    },
    onError: (_error, _input, context) => cache.restore(context?.previous),
    onSettled: () => cache.settle(),
  });
}
