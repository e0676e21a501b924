import type { Evidence } from "@factmark/core";
import { useQueryClient } from "@tanstack/react-query";
import { historyKeys } from "../../history/queryKeys";
import { evidenceKeys } from "../queryKeys";

/**
 * Reads and writes one claim's evidence in the query cache, for optimistic updates:
 * `snapshot` before, `restore` on error, `settle` after either.
 */
export function useEvidenceCache(claimId: string) {
  const queryClient = useQueryClient();
  const key = evidenceKeys.ofClaim(claimId);
  return {
    async snapshot(): Promise<Evidence[] | undefined> {
      await queryClient.cancelQueries({ queryKey: key });
      return queryClient.getQueryData<Evidence[]>(key);
    },
    set(update: (items: Evidence[]) => Evidence[]) {
      queryClient.setQueryData<Evidence[]>(key, (items = []) => update(items));
    },
    restore(previous: Evidence[] | undefined) {
      queryClient.setQueryData(key, previous);
    },
    /** Evidence shows in its list and in the claim's history. */
    async settle() {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: key }),
        queryClient.invalidateQueries({ queryKey: historyKeys.ofClaim(claimId) }),
      ]);
    },
  };
}
