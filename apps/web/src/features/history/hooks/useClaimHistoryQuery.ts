import { useQuery } from "@tanstack/react-query";
import { fetchHistory } from "../api";
import { historyKeys } from "../queryKeys";

/** A claim's history, newest first, and which entry "Undo last change" reverts. */
export function useClaimHistoryQuery(claimId: string) {
  return useQuery({
    queryKey: historyKeys.ofClaim(claimId),
    queryFn: () => fetchHistory(claimId),
    // A claim still being saved has no id the server knows yet.
    enabled: !claimId.startsWith("pending-"),
  });
}
