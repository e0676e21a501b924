import type { Claim } from "@factmark/core";

/**
 * Query keys of a claim's precedents. Not inside the claim's own keys (claimKeys.ofClaim), which every change to
 * the claim refreshes: precedents depend on the claim's words and speaker only (and on other articles, which no
 * event here reports), so those are the key, and a verdict or status change asks nothing again.
 */
export const precedentKeys = {
  all: () => ["precedents"] as const,
  ofClaim: (claim: Pick<Claim, "id" | "speaker" | "selectors">) =>
    [...precedentKeys.all(), claim.id, claim.selectors.quote.exact, claim.speaker ?? ""] as const,
};
