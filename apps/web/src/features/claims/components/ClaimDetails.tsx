import type { Claim, ClaimUpdate, Link } from "@factmark/core";
import { useEffect, useRef } from "react";
import { RationaleView } from "../../../components/RationaleView";
import { EvidenceSection } from "../../evidence/components/EvidenceSection";
import { CreditLine } from "../../history/components/CreditLine";
import { HistoryTimeline } from "../../history/components/HistoryTimeline";
import { ClaimLinks } from "../../links/components/ClaimLinks";
import { LinkPicker } from "../../links/components/LinkPicker";
import { CheckedBefore } from "../../precedents/components/CheckedBefore";
import { SpeakerRecordLink } from "../../speakers/components/SpeakerRecordLink";
import { ClaimWorkflowPanel } from "../../workflow/components/ClaimWorkflowPanel";
import { AnchorCheckNotice } from "./AnchorCheckNotice";
import { RationaleField } from "./RationaleField";
import { SpeakerField } from "./SpeakerField";

export interface ClaimDetailsProps {
  claim: Claim;
  claims: readonly Claim[];
  links: readonly Link[];
  isLinking: boolean;
  pickedClaimId: string | null;
  onPickClaim: (claimId: string) => void;
  onStartLinking: () => void;
  onStopLinking: () => void;
  onSelectClaim: (claimId: string) => void;
  onChange: (claim: Claim, change: ClaimUpdate) => void;
  /** Whether the signed-in reviewer may change the claim and link it; viewers read. */
  canEdit?: boolean;
  canLink?: boolean;
  /** Raised (a new number) to open the rationale, focused: the desk's `r`. */
  rationaleRequest?: number;
  /** Raised (a new number) to open the evidence form, focused: the desk's `e`. */
  evidenceRequest?: number;
}

/**
 * Everything a reviewer records about one claim: its status, assignee and review, speaker, rationale, how the
 * newsroom ruled on claims like it before, links, evidence and its history. Rendered for the selected claim only,
 * so "Checked before" asks the server for that one claim.
 */
export function ClaimDetails({
  claim,
  claims,
  links,
  isLinking,
  pickedClaimId,
  onPickClaim,
  onStartLinking,
  onStopLinking,
  onSelectClaim,
  onChange,
  canEdit = true,
  canLink = true,
  rationaleRequest = 0,
  evidenceRequest = 0,
}: ClaimDetailsProps) {
  const linkButtonRef = useRef<HTMLButtonElement>(null);
  const wasLinkingRef = useRef(isLinking);
  // The picker closed (linked, cancelled, Escape) with the focus in it: the focus goes back to "Link…", not the page.
  useEffect(() => {
    if (wasLinkingRef.current && !isLinking && (document.activeElement === document.body || !document.activeElement)) {
      linkButtonRef.current?.focus();
    }
    wasLinkingRef.current = isLinking;
  }, [isLinking]);
  return (
    <div className="claim-details">
      {/* An imported claim names who first wrote it, and the importer after. */}
      <CreditLine
        verb="Marked by"
        account={claim.createdBy}
        originalName={claim.originalAuthorName}
        at={claim.createdAt}
        className="claim-details__credit"
      />
      <AnchorCheckNotice claim={claim} canEdit={canEdit} />
      <ClaimWorkflowPanel claim={claim} />
      {canEdit ? (
        <>
          <SpeakerField
            // Not keyed by the speaker: the field stays (and keeps focus) when a save brings the claim back.
            key={`speaker-${claim.id}`}
            claim={claim}
            onSave={(speaker) => onChange(claim, { speaker })}
          />
          <RationaleField
            claim={claim}
            onSave={(rationale) => onChange(claim, { rationale })}
            openRequest={rationaleRequest}
          />
        </>
      ) : (
        <>
          <div className="field">
            <span className="field__label">Speaker</span>
            <p>
              {claim.speaker ?? "No speaker"} <SpeakerRecordLink speaker={claim.speaker} />
            </p>
          </div>
          <div className="field">
            <span className="field__label">Rationale</span>
            {claim.rationale ? (
              <RationaleView text={claim.rationale} />
            ) : (
              <p className="empty-state">No rationale yet.</p>
            )}
          </div>
        </>
      )}
      <CheckedBefore claim={claim} />
      <section className="claim-details__section" aria-label="Links">
        <div className="field__heading">
          <h3 className="field__label">Links</h3>
          {!isLinking && canLink && (
            <button
              ref={linkButtonRef}
              type="button"
              className="button button--small"
              aria-keyshortcuts="l"
              onClick={onStartLinking}
              disabled={claims.length < 2}
            >
              Link…
            </button>
          )}
        </div>
        {!links.some((link) => link.fromClaimId === claim.id || link.toClaimId === claim.id) && !isLinking && (
          <p className="empty-state">Not linked to another claim.</p>
        )}
        <ClaimLinks claim={claim} claims={claims} links={links} onSelectClaim={onSelectClaim} />
        {isLinking && (
          <LinkPicker
            fromClaim={claim}
            claims={claims}
            pickedClaimId={pickedClaimId}
            onPickClaim={onPickClaim}
            onClose={onStopLinking}
          />
        )}
      </section>
      <EvidenceSection claim={claim} addRequest={evidenceRequest} />
      <HistoryTimeline claim={claim} />
    </div>
  );
}
