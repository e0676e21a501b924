import type { Claim, Selectors } from "@factmark/core";

export interface OrphanListProps {
  orphans: readonly Claim[];
  /** The reviewer's current selection in the text, where an orphan can be re-attached. */
  selection: Selectors | null;
  onReattach: (claim: Claim, selectors: Selectors) => void;
  onDelete: (claim: Claim) => void;
  /** Whether the signed-in reviewer may re-attach or delete claims; viewers only see the list. */
  canEdit?: boolean;
  /** Why the last re-attach was refused, if it was. */
  error?: string | null;
}

/** Claims whose text an edit removed: kept with their old quote until re-attached or deleted. */
export function OrphanList({
  orphans,
  selection,
  onReattach,
  onDelete,
  canEdit = true,
  error = null,
}: OrphanListProps) {
  if (orphans.length === 0) return null;
  return (
    <section className="orphans" aria-labelledby="orphans-heading">
      <h3 id="orphans-heading">No longer in the text ({orphans.length})</h3>
      <p className="field__help">
        An edit removed these claims' words. Select the text where a claim belongs now and re-attach it, or delete it.
      </p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <ul className="orphan-list">
        {orphans.map((claim) => (
          <li key={claim.id} className="orphan" data-claim-id={claim.id}>
            <p className="orphan__quote">
              <span className="visually-hidden">Old quote: </span>“{claim.selectors.quote.exact}”
            </p>
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
          </li>
        ))}
      </ul>
    </section>
  );
}
