import { type ClaimHistory, parseChangeEvent, type ReadChangeEvent } from "@factmark/core";
import { useQuery } from "@tanstack/react-query";
import { fetchHistory } from "../api";
import { historyKeys } from "../queryKeys";

/** A claim's history with each entry read into its typed change event. */
export type ClaimChangeLog = Omit<ClaimHistory, "items"> & { items: ReadChangeEvent[] };

// Outside the hook, so TanStack Query reads each answer once, not on every render.
function toChangeLog(history: ClaimHistory): ClaimChangeLog {
  return { ...history, items: history.items.map(parseChangeEvent) };
}

/**
 * A claim's history as typed change events, newest first, and which entry "Undo last change" reverts.
 * The same query as useClaimHistoryQuery (one request, one cache entry), read through core's parser.
 */
export function useClaimChangeLogQuery(claimId: string) {
  return useQuery({
    queryKey: historyKeys.ofClaim(claimId),
    queryFn: () => fetchHistory(claimId),
    select: toChangeLog,
    // A claim still being saved has no id the server knows yet.
    enabled: !claimId.startsWith("pending-"),
  });
}
