/** Query keys of claim histories; "history" first so any change can invalidate every timeline. */
export const historyKeys = {
  all: ["history"] as const,
  ofClaim: (claimId: string) => [...historyKeys.all, "claim", claimId] as const,
};
