import {
  EVIDENCE_STANCE_LABELS,
  EVIDENCE_STANCES,
  type EvidenceStance,
  type Precedent,
  UNNAMED_SPEAKER,
} from "@factmark/core";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { Link } from "wouter";
import { formatPublicationDay } from "../../publishing/formatPublicationDay";
import { VerdictBadge } from "../../search/components/VerdictBadge";
import { claimAddress } from "../../workflow/claimAddress";

export interface PrecedentItemProps {
  precedent: Precedent;
  /** Whether the current claim already has this precedent as evidence. */
  isUsed: boolean;
  /** Whether the signed-in account may add evidence (reviewers and up). */
  canUse: boolean;
  isUsing: boolean;
  onUse: (stance: EvidenceStance) => void;
}

/**
 * One earlier claim: its verdict (and "Published" when its fact-check is), its quote as the link that opens it,
 * speaker, article and date, why it matched, and "Use as evidence…", which asks how it bears on the current claim.
 */
export function PrecedentItem({ precedent, isUsed, canUse, isUsing, onUse }: PrecedentItemProps) {
  const { claim, article, reasons } = precedent;
  const [isAsking, setIsAsking] = useState(false);
  const firstStanceRef = useRef<HTMLButtonElement>(null);
  const useButtonRef = useRef<HTMLButtonElement>(null);
  const usedRef = useRef<HTMLParagraphElement>(null);
  const wasAskingRef = useRef(false);

  // Opening the question focuses its first answer; closing it (answered or not) brings focus back to its button.
  useEffect(() => {
    if (isAsking) firstStanceRef.current?.focus();
    else if (wasAskingRef.current) (useButtonRef.current ?? usedRef.current)?.focus();
    wasAskingRef.current = isAsking;
  }, [isAsking]);

  function handleAskKeyDown(event: KeyboardEvent<HTMLFieldSetElement>) {
    if (event.key !== "Escape") return;
    // Taken here: the desk's Escape would unselect the claim.
    event.preventDefault();
    event.stopPropagation();
    setIsAsking(false);
  }

  return (
    <li className="precedent">
      <p className="precedent__head">
        <VerdictBadge verdict={claim.verdict} />
        {article.isPublished && <span className="precedent__published">Published</span>}
      </p>
      <Link href={claimAddress(article.id, claim.id)} className="precedent__quote">
        “{claim.quote}”
      </Link>
      <p className="precedent__meta">
        {claim.speaker ?? UNNAMED_SPEAKER} · in “{article.title}” ·{" "}
        <time dateTime={claim.updatedAt}>{formatPublicationDay(claim.updatedAt)}</time>
      </p>
      {reasons.length > 0 && (
        <ul className="precedent__reasons" aria-label="Why it matched">
          {reasons.map((reason) => (
            <li key={reason.kind}>{reason.text}</li>
          ))}
        </ul>
      )}
      {isUsed ? (
        <p ref={usedRef} className="precedent__used" tabIndex={-1}>
          Used as evidence
        </p>
      ) : !canUse ? null : isAsking ? (
        <fieldset className="precedent__ask" onKeyDown={handleAskKeyDown}>
          <legend>As evidence, this earlier check…</legend>
          <div className="precedent__stances">
            {EVIDENCE_STANCES.map((stance, index) => (
              <button
                key={stance}
                ref={index === 0 ? firstStanceRef : undefined}
                type="button"
                className={`button button--small stance-badge--${stance}`}
                disabled={isUsing}
                onClick={() => {
                  onUse(stance);
                  setIsAsking(false);
                }}
              >
                {EVIDENCE_STANCE_LABELS[stance]}
              </button>
            ))}
            <button type="button" className="button button--quiet button--small" onClick={() => setIsAsking(false)}>
              Cancel
            </button>
          </div>
        </fieldset>
      ) : (
        <button
          ref={useButtonRef}
          type="button"
          className="button button--small precedent__use"
          onClick={() => setIsAsking(true)}
        >
          Use as evidence…
        </button>
      )}
    </li>
  );
}
