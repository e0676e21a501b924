import type { Claim, Selectors } from "@factmark/core";
import { useNearestMatchQuery } from "../../claims/hooks/useNearestMatchQuery";
import { quotePreview } from "../../links/quotePreview";

export interface NearestMatchOfferProps {
  claim: Claim;
  /** The article's version, so a new save asks again. */
  articleVersion: number;
  onAttach?: (claim: Claim, selectors: Selectors) => void;
}

/**
 * "Nearest match: … — attach here": the words an orphan's quote comes closest to now, with what
 * differs, so the reviewer decides in one click whether the verdict still belongs on them. The
 * server refused to move the claim there by itself because something that tells statements apart
 * (a number, a date, a name, a negation, the context) differs.
 */
export function NearestMatchOffer({ claim, articleVersion, onAttach }: NearestMatchOfferProps) {
  const query = useNearestMatchQuery(claim, articleVersion);
  if (query.isPending)
    return <p className="orphan__nearest orphan__nearest--loading">Looking for the nearest match…</p>;
  if (query.isError) return <p className="orphan__nearest">The nearest match could not be read.</p>;
  const match = query.data;
  if (!match) return <p className="orphan__nearest">Nothing in the text now comes close to this quote.</p>;
  return (
    <div className="orphan__nearest">
      <p>
        Nearest match: <q className="orphan__nearest-quote">{quotePreview(match.selectors.quote.exact, 160)}</q>
      </p>
      {match.differences.length > 0 && (
        <ul className="orphan__differences" aria-label="What differs">
          {match.differences.map((difference) => (
            <li key={difference}>{difference}</li>
          ))}
        </ul>
      )}
      {onAttach && (
        <button type="button" className="button button--small" onClick={() => onAttach(claim, match.selectors)}>
          Attach here
        </button>
      )}
    </div>
  );
}
