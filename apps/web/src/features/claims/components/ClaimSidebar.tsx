import { type Claim, emptyVerdictCounts, type Verdict } from "@factmark/core";
import { useEffect, useMemo, useRef, useState } from "react";
import { ClaimCard } from "./ClaimCard";
import { VerdictFilter } from "./VerdictFilter";

export interface ClaimSidebarProps {
  claims: readonly Claim[];
  selectedClaimId: string | null;
  onSelect: (claim: Claim) => void;
  onVerdictChange: (claim: Claim, verdict: Verdict) => void;
  onDelete: (claim: Claim) => void;
}

/** The claims of the article in document order, with counts per verdict and a filter. */
export function ClaimSidebar({ claims, selectedClaimId, onSelect, onVerdictChange, onDelete }: ClaimSidebarProps) {
  const [filter, setFilter] = useState<Verdict | null>(null);
  const counts = useMemo(() => {
    const result = emptyVerdictCounts();
    for (const claim of claims) result[claim.verdict] += 1;
    return result;
  }, [claims]);
  const visible = filter ? claims.filter((claim) => claim.verdict === filter) : claims;
  const selectedRef = useRef<HTMLLIElement>(null);

  useEffect(() => {
    if (selectedClaimId) selectedRef.current?.scrollIntoView({ block: "nearest" });
  }, [selectedClaimId]);

  return (
    <aside className="claim-sidebar" aria-labelledby="claims-heading">
      <h2 id="claims-heading">Claims</h2>
      <VerdictFilter counts={counts} total={claims.length} value={filter} onChange={setFilter} />
      {claims.length === 0 ? (
        <p className="empty-state">
          No claims yet. Select a sentence in the article, then press <kbd>S</kbd> (supported), <kbd>C</kbd>{" "}
          (contradicted) or <kbd>U</kbd> (unverified).
        </p>
      ) : visible.length === 0 ? (
        <p className="empty-state">No claims with this verdict.</p>
      ) : (
        <ol className="claim-list" aria-label="Claims in document order">
          {visible.map((claim) => (
            <ClaimCard
              key={claim.id}
              ref={claim.id === selectedClaimId ? selectedRef : undefined}
              claim={claim}
              isSelected={claim.id === selectedClaimId}
              onSelect={onSelect}
              onVerdictChange={onVerdictChange}
              onDelete={onDelete}
            />
          ))}
        </ol>
      )}
    </aside>
  );
}
