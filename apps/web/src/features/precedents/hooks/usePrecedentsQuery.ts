import type { Claim } from "@factmark/core";
import { useQuery } from "@tanstack/react-query";
import { firstFetchAfterPaint } from "../../../lib/firstFetchAfterPaint";
import { isPendingId } from "../../../lib/pendingId";
import { fetchPrecedents } from "../api";
import { precedentKeys } from "../queryKeys";

/** How long precedents stay fresh: other articles' rulings change slowly, and the desk should not wait on them. */
const PRECEDENTS_STALE_MS = 5 * 60_000;

/**
 * The claim's precedents ("Checked before"), asked only while its details show (the caller renders them for the
 * selected claim alone) and never for a claim still being saved.
 */
export function usePrecedentsQuery(claim: Pick<Claim, "id" | "speaker" | "selectors">) {
  return useQuery({
    queryKey: precedentKeys.ofClaim(claim),
    // First asked for as the claim is selected: sent once the frame that shows its details is painted.
    queryFn: firstFetchAfterPaint(() => fetchPrecedents(claim.id)),
    enabled: !isPendingId(claim.id),
    staleTime: PRECEDENTS_STALE_MS,
  });
}
