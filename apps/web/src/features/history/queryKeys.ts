import { type ClaimKeyRef, claimKeys } from "../claims/queryKeys";

/** Query keys of claim histories, inside the claim's (see claimKeys): any change to it refreshes its timeline. */
export const historyKeys = {
  ofClaim: (claim: ClaimKeyRef) => [...claimKeys.ofClaim(claim), "history"] as const,
};
