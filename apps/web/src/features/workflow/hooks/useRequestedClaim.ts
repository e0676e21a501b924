import type { Claim } from "@factmark/core";
import { useEffect, useRef } from "react";
import { useSearchParams } from "wouter";
import { CLAIM_QUERY_PARAMETER } from "../claimAddress";

/**
 * Opens the claim the address names (`?claim=`, see claimAddress; "My work" links there) once the article's
 * claims have loaded: `reveal` selects it and scrolls to it, once per claim asked for. Answers the id asked for
 * when no live claim has it (deleted meanwhile, say), for the page to say so; null otherwise.
 *
 * The address then follows `selectedClaimId`, the claim the page has selected: it names the claim the reviewer
 * moves to (J, a card, a link) and loses `?claim=` when nothing is selected, in place (replaceState), so Back
 * leaves the article rather than stepping through the claims seen. Back or Forward to an address naming another
 * claim opens that claim.
 */
export function useRequestedClaim(
  claims: readonly Pick<Claim, "id">[] | undefined,
  reveal: (claimId: string) => void,
  selectedClaimId: string | null = null,
): { missingClaimId: string | null } {
  const [searchParams, setSearchParams] = useSearchParams();
  const requestedId = searchParams.get(CLAIM_QUERY_PARAMETER);
  const revealedId = useRef<string | null>(null);
  const isLoaded = claims !== undefined;
  const isFound = requestedId !== null && (claims?.some((claim) => claim.id === requestedId) ?? false);
  useEffect(() => {
    if (!isFound || requestedId === null || revealedId.current === requestedId) return;
    revealedId.current = requestedId;
    reveal(requestedId);
  }, [isFound, requestedId, reveal]);

  // Written only when the selection changes: the claim asked for stays in the address until it is selected.
  const writtenSelectionRef = useRef(selectedClaimId);
  useEffect(() => {
    if (writtenSelectionRef.current === selectedClaimId) return;
    writtenSelectionRef.current = selectedClaimId;
    if (selectedClaimId === requestedId) return;
    // Named because it is selected already: not opened again when the address changes to it.
    if (selectedClaimId !== null) revealedId.current = selectedClaimId;
    setSearchParams(
      (params: URLSearchParams) => {
        const next = new URLSearchParams(params);
        if (selectedClaimId === null) next.delete(CLAIM_QUERY_PARAMETER);
        else next.set(CLAIM_QUERY_PARAMETER, selectedClaimId);
        return next;
      },
      { replace: true },
    );
  }, [selectedClaimId, requestedId, setSearchParams]);

  // A claim opened and deleted afterwards is not "missing": the reviewer saw it go.
  const isMissing = requestedId !== null && isLoaded && !isFound && revealedId.current !== requestedId;
  return { missingClaimId: isMissing ? requestedId : null };
}
