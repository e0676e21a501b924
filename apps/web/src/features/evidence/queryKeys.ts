import { type ClaimKeyRef, claimKeys } from "../claims/queryKeys";

/** Query keys of evidence, per claim, inside the claim's (see claimKeys). */
export const evidenceKeys = {
  ofClaim: (claim: ClaimKeyRef) => [...claimKeys.ofClaim(claim), "evidence"] as const,
};
