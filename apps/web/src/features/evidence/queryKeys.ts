/** Query keys of evidence, per claim. */
export const evidenceKeys = {
  all: ["evidence"] as const,
  ofClaim: (claimId: string) => [...evidenceKeys.all, "claim", claimId] as const,
};
