import { type ClaimReview, claimReviewOf } from "../report/buildClaimReview";
import type { PublishedFactCheck } from "./PublishedFactCheck";
import { publicFactCheckUrl } from "./publicFactCheckUrl";

/**
 * The ClaimReview a public claim page embeds: `url` the claim's public address (the latest version's, which stays
 * the same across corrections), `datePublished` when this claim was first published (`claimsFirstPublishedAt`, else the fact-check's first publication; stable across corrections), `dateModified`
 * when this version was published, `reviewBody` the rationale as plain text, `author` the organisation, and
 * `itemReviewed` the claim, its speaker a Person or an Organization as the article's speaker kinds say, appearing
 * in the article (source URL, headline, publication date, outlet). Null when the version has no claim `claimNumber`
 * or the claim is not one to publish (see claimReviewOf).
 */
export function buildPublishedClaimReview(factCheck: PublishedFactCheck, claimNumber: number): ClaimReview | null {
  const { model } = factCheck;
  const claim = model.claims.find((candidate) => candidate.number === claimNumber);
  if (!claim) return null;
  return claimReviewOf(
    claim,
    {
      url: publicFactCheckUrl(factCheck.publicBaseUrl, factCheck.slug, { claimNumber }),
      datePublished: factCheck.claimsFirstPublishedAt?.[claim.id] ?? factCheck.firstPublishedAt,
      dateModified: factCheck.publishedAt,
    },
    { header: model.header, organisation: model.header.organisation, speakerKinds: factCheck.speakerKinds },
  );
}
