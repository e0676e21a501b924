import type { Evidence, EvidenceCreate } from "@factmark/core";
import { useMutation } from "@tanstack/react-query";
import { createEvidence } from "../api";
import { useEvidenceCache } from "./useEvidenceCache";

let pendingCount = 0;

/** Adds evidence to a claim; it shows at once and goes away again if the server refuses it. */
export function useCreateEvidenceMutation(claimId: string) {
  const cache = useEvidenceCache(claimId);
  return useMutation({
    mutationFn: (input: EvidenceCreate) => createEvidence(claimId, input),
    onMutate: async (input) => {
      const previous = cache.snapshot();
      const now = new Date().toISOString();
      pendingCount += 1;
      const pending: Evidence = {
        id: `pending-evidence-${pendingCount}`,
        claimId,
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
      cache.set((items) => items.map((item) => (item.id === context?.pendingId ? created : item)));
    },
    onError: (_error, _input, context) => cache.restore(context?.previous),
    onSettled: () => cache.settle(),
  });
}
