import {
  type Claim,
  type Contradiction,
  compareClaimsInDocumentOrder,
  UNNAMED_SPEAKER,
  VERDICT_LABELS,
} from "@factmark/core";
import { type ReactNode, useId } from "react";
import { LoadErrorMessage, LoadingMessage } from "../../../components/QueryStateMessage";
import { useContradictionsQuery } from "../hooks/useContradictionsQuery";
import { quotePreview } from "../quotePreview";

export interface ContradictionsViewProps {
  articleId: string;
  onSelectClaim: (claimId: string) => void;
}

/** The two claims of a pair in document order, so each pair reads top to bottom like the article. */
function inDocumentOrder(pair: Contradiction): [Claim, Claim] {
  return compareClaimsInDocumentOrder(pair.fromClaim, pair.toClaim) <= 0
    ? [pair.fromClaim, pair.toClaim]
    : [pair.toClaim, pair.fromClaim];
}

function ContradictionSide({ claim, onSelectClaim }: { claim: Claim; onSelectClaim: (claimId: string) => void }) {
  return (
    <div className={`contradiction__side contradiction__side--${claim.verdict}`}>
      <button type="button" className="contradiction__quote" onClick={() => onSelectClaim(claim.id)}>
        “{quotePreview(claim.selectors.quote.exact, 240)}”
      </button>
      <p className="contradiction__speaker">{claim.speaker ?? UNNAMED_SPEAKER}</p>
      <span className={`verdict-badge verdict-badge--${claim.verdict}`}>{VERDICT_LABELS[claim.verdict]}</span>
    </div>
  );
}

/** Every "contradicts" pair of an article side by side, with speakers, verdicts and the note. */
export function ContradictionsView({ articleId, onSelectClaim }: ContradictionsViewProps) {
  const headingId = useId();
  const contradictionsQuery = useContradictionsQuery(articleId);

  let content: ReactNode;
  if (contradictionsQuery.isPending) {
    content = <LoadingMessage what="contradictions" />;
  } else if (contradictionsQuery.isError) {
    content = <LoadErrorMessage what="contradictions" onRetry={() => contradictionsQuery.refetch()} />;
  } else if (contradictionsQuery.data.length === 0) {
    content = (
      <p className="empty-state">
        No contradictions yet. To add one, select a claim, choose “Link…”, pick the claim it contradicts (from the list
        or by clicking its highlight) and keep “Contradicts”.
      </p>
    );
  } else {
    content = (
      <ol className="contradictions__list">
        {contradictionsQuery.data.map((pair) => {
          const [first, second] = inDocumentOrder(pair);
          return (
            <li key={pair.id} className="contradiction">
              <div className="contradiction__pair">
                <ContradictionSide claim={first} onSelectClaim={onSelectClaim} />
                <span className="contradiction__versus" aria-hidden="true">
                  ≠
                </span>
                <ContradictionSide claim={second} onSelectClaim={onSelectClaim} />
              </div>
              {pair.note && <p className="contradiction__note">{pair.note}</p>}
            </li>
          );
        })}
      </ol>
    );
  }

  return (
    <section className="contradictions" aria-labelledby={headingId}>
      <h2 id={headingId}>
        Contradictions
        {contradictionsQuery.isSuccess && contradictionsQuery.data.length > 0 && (
          <span className="contradictions__count"> ({contradictionsQuery.data.length})</span>
        )}
      </h2>
      {content}
    </section>
  );
}
