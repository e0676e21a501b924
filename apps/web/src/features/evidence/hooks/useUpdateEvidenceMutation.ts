import type { Claim, Evidence, EvidenceUpdate } from "@factmark/core";
import { useMutation } from "@tanstack/react-query";
import { updateEvidence } from "../api";
import { useEvidenceCache } from "./useEvidenceCache";

export interface UpdateEvidenceVariables {
  /** The row as the reviewer read it: its version goes in If-Match. */
  evidence: Evidence;
  change: EvidenceUpdate;
}

/** Changes evidence optimistically; a stale version (412) rolls back and the list is read again. */
export function useUpdateEvidenceMutation(claim: Pick<Claim, "id" | "articleId">) {
  const cache = useEvidenceCache(claim);
  return useMutation({
    mutationFn: ({ evidence, change }: UpdateEvidenceVariables) => updateEvidence(evidence, change),
    onMutate: async ({ evidence, change }) => {
      const previous = cache.snapshot();
      cache.set((items) => items.map((item) => (item.id === evidence.id ? { ...item, ...change } : item)));
      return { previous };
    },
    onSuccess: (updated) => cache.set((items) => items.map((item) => (item.id === updated.id ? updated : item))),
    onError: (_error, _variables, context) => cache.restore(context?.previous),
    onSettled: () => cache.settle(),
  });
}
