import type { Claim } from "@factmark/core";
import { useEffect, useRef } from "react";
import { useSearchParams } from "wouter";
import { CLAIM_QUERY_PARAMETER } from "../claimAddress";

/**
 * Opens the claim the address names (`?claim=`, see claimAddress; "My work" links there) once the article's
 * claims have loaded: `reveal` selects it and scrolls to it, once per claim asked for. Answers the id asked for
 * when no live claim has it (deleted meanwhile, say), for the page to say so; null otherwise.
 */
export function useRequestedClaim(
  claims: readonly Pick<Claim, "id">[] | undefined,
  reveal: (claimId: string) => void,
): { missingClaimId: string | null } {
  const [searchParams] = useSearchParams();
  const requestedId = searchParams.get(CLAIM_QUERY_PARAMETER);
  const revealedId = useRef<string | null>(null);
  const isLoaded = claims !== undefined;
  const isFound = requestedId !== null && (claims?.some((claim) => claim.id === requestedId) ?? false);
  useEffect(() => {
    if (!isFound || requestedId === null || revealedId.current === requestedId) return;
    revealedId.current = requestedId;
    reveal(requestedId);
  }, [isFound, requestedId, reveal]);
  // A claim opened and deleted afterwards is not "missing": the reviewer saw it go.
  const isMissing = requestedId !== null && isLoaded && !isFound && revealedId.current !== requestedId;
  return { missingClaimId: isMissing ? requestedId : null };
}
