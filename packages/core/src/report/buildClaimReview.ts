import type { SpeakerKind, SpeakerKinds } from "../schemas/publication";
import type { Verdict } from "../schemas/verdict";
import { isPublishableClaim } from "../schemas/workflow";
import type { ReportClaim, ReportHeader, ReportModel, ReportOrganisation } from "./ReportModel";
import { rationaleToPlainText } from "./renderRationale";
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
  /** ISO 8601: the first publication (stable across corrections), or the report's date for an unpublished one. */
  datePublished: string;
  /** ISO 8601: when the version it reviews in was published; left out before any publication. */
  dateModified?: string;
  /** The rationale as plain text; left out when there is none. */
  reviewBody?: string;
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
    /** The speaker, as a Person or an Organization as the article says; left out when it does not say. */
    author?: { "@type": SpeakerKind; name: string };
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

/** Where a claim's review lives and when it was published: what differs between the desk's export and a public page. */
export interface ClaimReviewPlace {
  /** The page that hosts the review of this claim. */
  url: string;
  datePublished: string;
  dateModified?: string;
}

/** What every ClaimReview of one report shares: who reviewed, the article the claims appear in, the speakers' kinds. */
export interface ClaimReviewSource {
  header: Pick<ReportHeader, "title" | "outlet" | "sourceUrl" | "publishedAt">;
  organisation: ReportOrganisation;
  speakerKinds: SpeakerKinds;
}

/**
 * The schema.org ClaimReview of one claim, with every property Google's fact-check structured data requires
 * (`claimReviewed`, `reviewRating` with `alternateName`, `url`) or recommends (`author`, `datePublished`,
 * `itemReviewed` with the claim's `author`, `datePublished` and `appearance`), or null when the claim is not one to
 * publish (core's isPublishableClaim: unverified, orphaned, or moved onto words nobody has checked). The claim's
 * author is its speaker (left out when none is named), its appearance the article (its URL left out when unsafe).
 * Both the desk's export (buildClaimReview) and the public claim page (buildPublishedClaimReview) build it here.
 */
export function claimReviewOf(
  claim: ReportClaim,
  place: ClaimReviewPlace,
  source: ClaimReviewSource,
): ClaimReview | null {
  if (!isPublishableClaim(claim) || claim.verdict === "unverified") return null;
  const { header, organisation } = source;
  const rating = CLAIM_REVIEW_RATINGS[claim.verdict];
  const articleUrl = toSafeHttpUrl(header.sourceUrl);
  const articleDate = header.publishedAt ? header.publishedAt.slice(0, 10) : undefined;
  const reviewBody = rationaleToPlainText(claim.rationale);
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: place.url,
    claimReviewed: claim.selectors.quote.exact.replace(/\s+/g, " ").trim(),
    datePublished: place.datePublished,
    ...(place.dateModified ? { dateModified: place.dateModified } : {}),
    ...(reviewBody ? { reviewBody } : {}),
    author: { "@type": "Organization", name: organisation.name, url: organisation.url },
    reviewRating: {
      "@type": "Rating",
      ratingValue: rating.ratingValue,
      bestRating: CLAIM_REVIEW_BEST_RATING,
      worstRating: CLAIM_REVIEW_WORST_RATING,
      alternateName: rating.alternateName,
    },
    itemReviewed: {
      "@type": "Claim",
      // A speaker's kind is the newsroom's word (publishing asks for it); without it, no author rather than a guess.
      ...(claim.speaker && Object.hasOwn(source.speakerKinds, claim.speaker)
        ? { author: { "@type": source.speakerKinds[claim.speaker] as SpeakerKind, name: claim.speaker } }
        : {}),
      ...(articleDate ? { datePublished: articleDate } : {}),
      appearance: {
        "@type": "CreativeWork",
        ...(articleUrl ? { url: articleUrl } : {}),
        headline: header.title,
        ...(header.outlet ? { publisher: { "@type": "Organization", name: header.outlet } } : {}),
        ...(articleDate ? { datePublished: articleDate } : {}),
      },
    },
  };
}

/**
 * The desk's ClaimReview export of the live claims: one per claim to publish (see claimReviewOf), in document order,
 * each `url` the report's URL with the claim's fragment and `datePublished` the report's date. It never points at
 * the public pages: the live claims are not what was published (a published article's export answers the
 * publication's own ClaimReviews instead, services/report/exportReport.ts).
 */
export function buildClaimReview(model: ReportModel): ClaimReview[] {
  const { header, article } = model;
  const source: ClaimReviewSource = { header, organisation: header.organisation, speakerKinds: article.speakerKinds };
  const reviews: ClaimReview[] = [];
  for (const claim of model.claims) {
    const place: ClaimReviewPlace = {
      url: `${header.reportUrl}#claim-${encodeURIComponent(claim.id)}`,
      datePublished: header.generatedAt.slice(0, 10),
    };
    const review = claimReviewOf(claim, place, source);
    if (review) reviews.push(review);
  }
  return reviews;
}
