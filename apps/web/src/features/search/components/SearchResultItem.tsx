import type { SearchField, SearchHighlight, SearchItem } from "@factmark/core";
import { Link } from "wouter";
import { formatPublicationDay } from "../../publishing/formatPublicationDay";
import { claimAddress } from "../../workflow/claimAddress";
import { HighlightedText } from "./HighlightedText";
import { VerdictBadge } from "./VerdictBadge";

const KIND_LABELS: Record<SearchItem["kind"], string> = { claim: "Claim", article: "Article", evidence: "Evidence" };

/** What each field is called beside its matched words. */
const FIELD_LABELS: Record<SearchField, string> = {
  title: "Title",
  text: "Text",
  quote: "Quote",
  rationale: "Rationale",
  speaker: "Speaker",
  evidenceTitle: "Evidence",
};

/** The field a result's link shows, highlighted when it matched. */
const LINK_FIELD: Record<SearchItem["kind"], SearchField> = {
  claim: "quote",
  article: "title",
  evidence: "evidenceTitle",
};

/**
 * One search result, as a link to where it is: a claim or evidence opens its article at the claim, an article
 * opens itself. Says what kind it is, the claim's verdict and speaker, the article and its date, and where the
 * words matched, marked.
 */
export function SearchResultItem({ item }: { item: SearchItem }) {
  const linkField = LINK_FIELD[item.kind];
  const linkHighlight = item.highlights.find((highlight) => highlight.field === linkField);
  const otherHighlights = item.highlights.filter(
    (highlight) => highlight !== linkHighlight && !(item.kind !== "article" && highlight.field === "speaker"),
  );
  const href =
    item.kind === "article"
      ? `/articles/${encodeURIComponent(item.article.id)}`
      : claimAddress(item.article.id, item.claim.id);
  const linkText =
    item.kind === "claim"
      ? item.claim.quote
      : item.kind === "article"
        ? item.article.title
        : (item.evidence.title ?? item.evidence.url);
  const speakerHighlight = item.highlights.find((highlight) => highlight.field === "speaker");
  return (
    <li className={`search-result search-result--${item.kind}`}>
      <p className="search-result__kind">
        <span className="search-kind">{KIND_LABELS[item.kind]}</span>
        {item.kind !== "article" && <VerdictBadge verdict={item.claim.verdict} />}
        {item.kind !== "article" && item.claim.speaker && (
          <span className="search-result__speaker">
            {speakerHighlight ? <HighlightedText {...speakerHighlight} /> : item.claim.speaker}
          </span>
        )}
      </p>
      <Link href={href} className="search-result__link">
        {linkHighlight ? <HighlightedText {...linkHighlight} /> : linkText}
      </Link>
      {item.kind === "evidence" && <p className="search-result__context">Evidence on the claim “{item.claim.quote}”</p>}
      {otherHighlights.map((highlight) => (
        <MatchedField key={highlight.field} highlight={highlight} />
      ))}
      <p className="article-meta search-result__article">
        {item.kind === "article" ? "Added" : <>In “{item.article.title}”,</>}{" "}
        <time dateTime={item.article.createdAt}>{formatPublicationDay(item.article.createdAt)}</time>
      </p>
    </li>
  );
}

function MatchedField({ highlight }: { highlight: SearchHighlight }) {
  return (
    <p className="search-result__match">
      <span className="search-result__field">{FIELD_LABELS[highlight.field]}:</span> <HighlightedText {...highlight} />
    </p>
  );
}
