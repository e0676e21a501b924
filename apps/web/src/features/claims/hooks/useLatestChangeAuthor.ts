import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { fetchHistory } from "../../history/api";
import { historyKeys } from "../../history/queryKeys";

/**
 * Asks who made a claim's latest change, from its history read afresh through the query cache
 * (an open timeline shows the same answer). Resolves to null when the history cannot be read.
 */
export function useLatestChangeAuthor() {
  const queryClient = useQueryClient();
  return useCallback(
    (claimId: string): Promise<string | null> =>
      queryClient
        .fetchQuery({
          queryKey: historyKeys.ofClaim(claimId),
          queryFn: () => fetchHistory(claimId),
          // Whatever is cached predates the change being asked about.
          staleTime: 0,
          // Once: it only names someone in a dialog that shows either way.
          retry: false,
        })
        .then(
          (history) => history.items[0]?.by.name ?? null,
          () => null,
        ),
    [queryClient],
  );
}
