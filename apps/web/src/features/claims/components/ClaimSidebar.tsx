import { type Claim, emptyVerdictCounts, type Verdict } from "@factmark/core";
import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from "react";
import { ClaimCard } from "./ClaimCard";
import { VerdictFilter } from "./VerdictFilter";

/** The speaker filter's value for claims attributed to no one. */
export const UNATTRIBUTED = "\u0000unattributed";

export interface ClaimSidebarProps {
  claims: readonly Claim[];
  selectedClaimId: string | null;
  emphasisedClaimIds?: ReadonlySet<string>;
  onSelect: (claim: Claim) => void;
  onHover?: (claim: Claim | null) => void;
  onVerdictChange: (claim: Claim, verdict: Verdict) => void;
  onDelete: (claim: Claim) => void;
  /** The details shown under the selected claim. */
  renderDetails?: (claim: Claim) => ReactNode;
}

const NO_IDS: ReadonlySet<string> = new Set();

/** The claims of the article in document order, with counts per verdict and filters by verdict and speaker. */
export function ClaimSidebar({
  claims,
  selectedClaimId,
  emphasisedClaimIds = NO_IDS,
  onSelect,
  onHover,
  onVerdictChange,
  onDelete,
  renderDetails,
}: ClaimSidebarProps) {
  const speakerFilterId = useId();
  const [verdictFilter, setVerdictFilter] = useState<Verdict | null>(null);
  const [speakerFilter, setSpeakerFilter] = useState<string | null>(null);
  const counts = useMemo(() => {
    const result = emptyVerdictCounts();
    for (const claim of claims) result[claim.verdict] += 1;
    return result;
  }, [claims]);
  const speakers = useMemo(
    () =>
      [...new Set(claims.flatMap((claim) => (claim.speaker ? [claim.speaker] : [])))].sort((a, b) =>
        a.localeCompare(b),
      ),
    [claims],
  );
  const visible = claims.filter(
    (claim) =>
      (verdictFilter === null || claim.verdict === verdictFilter) &&
      (speakerFilter === null || (claim.speaker ?? UNATTRIBUTED) === speakerFilter),
  );
  const selectedRef = useRef<HTMLLIElement>(null);

  useEffect(() => {
    if (selectedClaimId) selectedRef.current?.scrollIntoView({ block: "nearest" });
  }, [selectedClaimId]);

  return (
    <div className="claim-sidebar__claims">
      <VerdictFilter counts={counts} total={claims.length} value={verdictFilter} onChange={setVerdictFilter} />
      {(speakers.length > 0 || speakerFilter !== null) && (
        <div className="speaker-filter">
          <label htmlFor={speakerFilterId}>Speaker</label>
          <select
            id={speakerFilterId}
            value={speakerFilter ?? ""}
            onChange={(event) => setSpeakerFilter(event.target.value === "" ? null : event.target.value)}
          >
            <option value="">All speakers</option>
            {speakers.map((speaker) => (
              <option key={speaker} value={speaker}>
                {speaker}
              </option>
            ))}
            <option value={UNATTRIBUTED}>Unattributed</option>
          </select>
        </div>
      )}
      {claims.length === 0 ? (
        <p className="empty-state">
          No claims yet. Select a sentence in the article, then press <kbd>S</kbd> (supported), <kbd>C</kbd>{" "}
          (contradicted) or <kbd>U</kbd> (unverified).
        </p>
      ) : visible.length === 0 ? (
        <p className="empty-state">No claims match these filters.</p>
      ) : (
        <ol className="claim-list" aria-label="Claims in document order">
          {visible.map((claim) => (
            <ClaimCard
              key={claim.id}
              ref={claim.id === selectedClaimId ? selectedRef : undefined}
              claim={claim}
              isSelected={claim.id === selectedClaimId}
              isEmphasised={emphasisedClaimIds.has(claim.id)}
              onSelect={onSelect}
              onHover={onHover}
              onVerdictChange={onVerdictChange}
              onDelete={onDelete}
            >
              {claim.id === selectedClaimId && renderDetails?.(claim)}
            </ClaimCard>
          ))}
        </ol>
      )}
    </div>
  );
}
