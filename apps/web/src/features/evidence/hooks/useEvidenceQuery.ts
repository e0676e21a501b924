import { useQuery } from "@tanstack/react-query";
import { fetchEvidence } from "../api";
import { evidenceKeys } from "../queryKeys";

/** The visible evidence of a claim, oldest first. */
export function useEvidenceQuery(claimId: string) {
  return useQuery({
    queryKey: evidenceKeys.ofClaim(claimId),
    queryFn: () => fetchEvidence(claimId),
    // A claim still being saved has no id the server knows yet.
    enabled: !claimId.startsWith("pending-"),
  });
}
