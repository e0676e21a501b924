import type { Claim } from "@factmark/core";
import { useQuery } from "@tanstack/react-query";
import { firstFetchAfterPaint } from "../../../lib/firstFetchAfterPaint";
import { isPendingId } from "../../../lib/pendingId";
import { fetchHistory } from "../api";
import { historyKeys } from "../queryKeys";

/** A claim's history, newest first, and which entry "Undo last change" reverts. */
export function useClaimHistoryQuery(claim: Pick<Claim, "id" | "articleId">) {
  return useQuery({
    queryKey: historyKeys.ofClaim(claim),
    // First asked for as the claim is selected: sent once the frame that shows its details is painted.
    queryFn: firstFetchAfterPaint(() => fetchHistory(claim.id)),
    // A claim still being saved has no id the server knows yet.
    enabled: !isPendingId(claim.id),
  });
}
