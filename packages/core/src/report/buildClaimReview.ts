import type { Verdict } from "../schemas/verdict";
import type { ReportModel } from "./ReportModel";
import { toSafeHttpUrl } from "./toSafeHttpUrl";

/**
 * The rating scale of our ClaimReviews: Google reads ratings as 1 (false) to 5 (true), so a contradicted claim is 1
 * and a supported one 5; `alternateName` carries the verdict as a reader sees it in the report.
 *
 * Unverified claims get no ClaimReview at all: "unverified" means the review is not finished, not that the claim
 * sits midway between true and false. Publishing it as a 3 would tell search engines we rated the claim
 * "half true", which we did not.
 */
export const CLAIM_REVIEW_RATINGS: Record<
  Exclude<Verdict, "unverified">,
  { ratingValue: number; alternateName: string }
> = {
  contradicted: { ratingValue: 1, alternateName: "Contradicted" },
  supported: { ratingValue: 5, alternateName: "Supported" },
};
export const CLAIM_REVIEW_BEST_RATING = 5;
export const CLAIM_REVIEW_WORST_RATING = 1;

export interface ClaimReview {
  "@context": "https://schema.org";
  "@type": "ClaimReview";
  url: string;
  claimReviewed: string;
  datePublished: string;
  author: { "@type": "Organization"; name: string; url: string };
  reviewRating: {
    "@type": "Rating";
    ratingValue: number;
    bestRating: number;
    worstRating: number;
    alternateName: string;
  };
  itemReviewed: {
    "@type": "Claim";
    author?: { "@type": "Person"; name: string };
    datePublished?: string;
    appearance: {
      "@type": "CreativeWork";
      url?: string;
      headline: string;
      publisher?: { "@type": "Organization"; name: string };
      datePublished?: string;
    };
  };
}

/**
 * schema.org ClaimReview JSON-LD, one per claim with a verdict other than unverified (and not orphaned: its text is
 * no longer in the article), in document order, with every
 * property Google's fact-check structured data requires or recommends. Each `url` is the report's URL with the
 * claim's fragment; the claim's author is its speaker (left out when none is named) and its appearance the article.
 */
export function buildClaimReview(model: ReportModel): ClaimReview[] {
  const { header } = model;
  const articleUrl = toSafeHttpUrl(header.sourceUrl);
  const datePublished = header.generatedAt.slice(0, 10);
  const articleDate = header.publishedAt ? header.publishedAt.slice(0, 10) : undefined;
  const reviews: ClaimReview[] = [];
  for (const claim of model.claims) {
    // Unchecked words are not published: an orphan's, and those a save moved a claim onto until a reviewer confirms them.
    if (claim.verdict === "unverified" || claim.isOrphaned || claim.isAnchorUnconfirmed) continue;
    const rating = CLAIM_REVIEW_RATINGS[claim.verdict];
    reviews.push({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: `${header.reportUrl}#claim-${encodeURIComponent(claim.id)}`,
      claimReviewed: claim.selectors.quote.exact.replace(/\s+/g, " ").trim(),
      datePublished,
      author: { "@type": "Organization", name: header.organisation.name, url: header.organisation.url },
      reviewRating: {
        "@type": "Rating",
        ratingValue: rating.ratingValue,
        bestRating: CLAIM_REVIEW_BEST_RATING,
        worstRating: CLAIM_REVIEW_WORST_RATING,
        alternateName: rating.alternateName,
      },
      itemReviewed: {
        "@type": "Claim",
        ...(claim.speaker ? { author: { "@type": "Person", name: claim.speaker } } : {}),
        ...(articleDate ? { datePublished: articleDate } : {}),
        appearance: {
          "@type": "CreativeWork",
          ...(articleUrl ? { url: articleUrl } : {}),
          headline: header.title,
          ...(header.outlet ? { publisher: { "@type": "Organization", name: header.outlet } } : {}),
          ...(articleDate ? { datePublished: articleDate } : {}),
        },
      },
    });
  }
  return reviews;
}
