import type { Claim } from "@factmark/core";
import { useQuery } from "@tanstack/react-query";
import { firstFetchAfterPaint } from "../../../lib/firstFetchAfterPaint";
import { isPendingId } from "../../../lib/pendingId";
import { fetchEvidence } from "../api";
import { evidenceKeys } from "../queryKeys";

/** The visible evidence of a claim, oldest first. */
export function useEvidenceQuery(claim: Pick<Claim, "id" | "articleId">) {
  return useQuery({
    queryKey: evidenceKeys.ofClaim(claim),
    // First asked for as the claim is selected: sent once the frame that shows its details is painted.
    queryFn: firstFetchAfterPaint(() => fetchEvidence(claim.id)),
    // A claim still being saved has no id the server knows yet.
    enabled: !isPendingId(claim.id),
  });
}
