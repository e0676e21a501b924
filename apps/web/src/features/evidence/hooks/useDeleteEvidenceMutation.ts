import type { Claim, Evidence } from "@factmark/core";
import { useMutation } from "@tanstack/react-query";
import { deleteEvidence, restoreEvidence } from "../api";
import { useEvidenceCache } from "./useEvidenceCache";

/** Removes evidence at once in the UI; the server keeps it so it can be restored. */
export function useDeleteEvidenceMutation(claim: Pick<Claim, "id" | "articleId">) {
  const cache = useEvidenceCache(claim);
  return useMutation({
    mutationFn: (evidence: Evidence) => deleteEvidence(evidence),
    onMutate: async (evidence) => {
      const previous = cache.snapshot();
      cache.set((items) => items.filter((item) => item.id !== evidence.id));
      return { previous };
    },
    onError: (_error, _evidence, context) => cache.restore(context?.previous),
    onSettled: () => cache.settle(),
  });
}

/** Undoes a removal: the evidence comes back where it was. */
export function useRestoreEvidenceMutation(claim: Pick<Claim, "id" | "articleId">) {
  const cache = useEvidenceCache(claim);
  return useMutation({
    mutationFn: (evidence: Evidence) => restoreEvidence(evidence),
    onMutate: async (evidence) => {
      const previous = cache.snapshot();
      cache.set((items) =>
        [...items.filter((item) => item.id !== evidence.id), evidence].sort((left, right) =>
          left.createdAt.localeCompare(right.createdAt),
        ),
      );
      return { previous };
    },
    onSuccess: (restored) => cache.set((items) => items.map((item) => (item.id === restored.id ? restored : item))),
    onError: (_error, _evidence, context) => cache.restore(context?.previous),
    onSettled: () => cache.settle(),
  });
}
