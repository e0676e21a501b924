import { type Claim, type Link, type Selectors, UNNAMED_SPEAKER, VERDICT_LABELS } from "@factmark/core";
import { type ReactNode, useEffect, useRef } from "react";
import { linkKindWording } from "../../links/linkKindWording";
import { quotePreview } from "../../links/quotePreview";
import { NearestMatchOffer } from "./NearestMatchOffer";

export interface OrphanListProps {
  orphans: readonly Claim[];
  /** The reviewer's current selection in the text, where an orphan can be re-attached. */
  selection: Selectors | null;
  onReattach: (claim: Claim, selectors: Selectors) => void;
  onDelete: (claim: Claim) => void;
  /** Whether the signed-in reviewer may re-attach or delete claims; viewers only see the list. */
  canEdit?: boolean;
  /** The article's version: the nearest match of each orphan is looked up in its text. */
  articleVersion: number;
  /** Why the last re-attach was refused, if it was. */
  error?: string | null;
  /** The article's links and claims: each orphan shows the links it keeps when re-attached. */
  links?: readonly Link[];
  claims?: readonly Claim[];
  /** The claim selected on the page: when it is one of the orphans, that orphan is marked and shows its details. */
  selectedClaimId?: string | null;
  /** The details shown under the selected orphan, as under a selected claim in the list. */
  renderDetails?: (claim: Claim) => ReactNode;
}

const NO_LINKS: readonly Link[] = [];
const NO_CLAIMS: readonly Claim[] = [];

/** Claims whose text an edit removed: kept with their old quote until re-attached or deleted. */
export function OrphanList({
  orphans,
  selection,
  onReattach,
  onDelete,
  canEdit = true,
  articleVersion,
  error = null,
  links = NO_LINKS,
  claims = NO_CLAIMS,
  selectedClaimId = null,
  renderDetails,
}: OrphanListProps) {
  const selectedRef = useRef<HTMLLIElement>(null);
  const selectedOrphanId = orphans.some((claim) => claim.id === selectedClaimId) ? selectedClaimId : null;
  // As a selected claim's card does, the orphan selected (by its address, a link, a search) comes into view: its
  // quote, so the list's heading above stays in view when it fits, and the page does not move when it is seen already.
  useEffect(() => {
    if (selectedOrphanId !== null) {
      selectedRef.current?.querySelector(".orphan__quote")?.scrollIntoView({ block: "nearest" });
    }
  }, [selectedOrphanId]);
  if (orphans.length === 0) return null;
  return (
    <section className="orphans" aria-labelledby="orphans-heading">
      <h3 id="orphans-heading">No longer in the text ({orphans.length})</h3>
      <p className="field__help">
        {canEdit
          ? "An edit removed or changed these claims' words. Attach a claim to its nearest match, select the text where it belongs now and re-attach it, or delete it."
          : "An edit removed or changed these claims' words. A reviewer can attach each to its nearest match or to other words."}
      </p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <ul className="orphan-list">
        {orphans.map((claim) => {
          const isSelected = claim.id === selectedClaimId;
          return (
            <li
              key={claim.id}
              ref={isSelected ? selectedRef : undefined}
              className={isSelected ? "orphan orphan--selected" : "orphan"}
              aria-current={isSelected ? "true" : undefined}
              data-claim-id={claim.id}
            >
              {/* Focusable by script only: where the page puts the focus when it opens this orphan (a phone's drawer). */}
              <p className="orphan__quote" tabIndex={isSelected ? -1 : undefined}>
                <span className="visually-hidden">Old quote: </span>“{claim.selectors.quote.exact}”
              </p>
              <p className="orphan__meta">
                <span className={`verdict-count verdict-count--${claim.verdict}`}>{VERDICT_LABELS[claim.verdict]}</span>
                {` — ${claim.speaker ?? UNNAMED_SPEAKER}`}
              </p>
              <OrphanLinks claim={claim} links={links} claims={claims} />
              <NearestMatchOffer
                claim={claim}
                articleVersion={articleVersion}
                onAttach={canEdit ? onReattach : undefined}
              />
              {canEdit && (
                <div className="field__actions">
                  <button
                    type="button"
                    className="button button--small"
                    disabled={!selection}
                    title={
                      selection
                        ? `Re-attach to “${selection.quote.exact.slice(0, 60)}”`
                        : "Select text in the article first"
                    }
                    onClick={() => selection && onReattach(claim, selection)}
                  >
                    Re-attach to selection
                  </button>
                  <button type="button" className="button button--small button--quiet" onClick={() => onDelete(claim)}>
                    Delete
                  </button>
                </div>
              )}
              {isSelected && renderDetails?.(claim)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The links an orphan keeps (and takes with it when re-attached), each with the other claim's quote. */
function OrphanLinks({ claim, links, claims }: { claim: Claim; links: readonly Link[]; claims: readonly Claim[] }) {
  const own = links.filter((link) => link.fromClaimId === claim.id || link.toClaimId === claim.id);
  if (own.length === 0) return <p className="orphan__meta">Not linked to another claim.</p>;
  return (
    <ul className="orphan__links" aria-label="Links it keeps">
      {own.map((link) => {
        const otherId = link.fromClaimId === claim.id ? link.toClaimId : link.fromClaimId;
        const other = claims.find((candidate) => candidate.id === otherId);
        return (
          <li key={link.id}>
            {linkKindWording(link, claim.id)} “{other ? quotePreview(other.selectors.quote.exact, 60) : "a claim"}”
          </li>
        );
      })}
    </ul>
  );
}
