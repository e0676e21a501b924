import type { Claim } from "@factmark/core";
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
    (claim: Pick<Claim, "id" | "articleId">): Promise<string | null> =>
      queryClient
        .fetchQuery({
          queryKey: historyKeys.ofClaim(claim),
          queryFn: () => fetchHistory(claim.id),
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
