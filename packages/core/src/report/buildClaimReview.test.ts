import { describe, expect, it } from "vitest";
import { readGolden } from "../testing/readFixture";
import { sampleReportInput } from "../testing/sampleReport";
import { buildClaimReview } from "./buildClaimReview";
import { buildReportModel } from "./buildReportModel";

const input = sampleReportInput();
const reviews = buildClaimReview(buildReportModel(input));

describe("buildClaimReview", () => {
  it("matches the reviewed golden file for the sample article", () => {
    const json = `${JSON.stringify(reviews, null, 2)}\n`;
    const golden = readGolden("sample-report.claimreview.json", json);
    expect(json).toBe(golden.expected);
  });

  it("reviews every claim with a verdict, in document order, and leaves the unverified one out", () => {
    expect(reviews.map((review) => review.claimReviewed)).toEqual([
      "limited number of drones months before the Ukraine war",
      "transferred dozens [of drones to Russia] just this summer",
      "totally unfounded",
    ]);
  });

  // A save moved the claim onto edited words ("rose" → "fell") and no reviewer has checked them: publishing
  // its verdict would rate words nobody judged.
  it("leaves out a claim whose new place awaits a reviewer's check", () => {
    const moved = sampleReportInput();
    moved.claims = moved.claims.map((claim) =>
      claim.id === "clm_amir_abdollahian" ? { ...claim, isAnchorUnconfirmed: true } : claim,
    );
    const published = buildClaimReview(buildReportModel(moved)).map((review) => review.claimReviewed);
    expect(published).not.toContain("limited number of drones months before the Ukraine war");
    expect(published).toHaveLength(2);
  });

  it("gives a contradicted claim, field by field, what Google requires and recommends", () => {
    const [review] = reviews;
    expect(review?.["@context"]).toBe("https://schema.org");
    expect(review?.["@type"]).toBe("ClaimReview");
    expect(review?.claimReviewed).toBe("limited number of drones months before the Ukraine war");
    expect(review?.url).toBe(
      "https://factcheck.example.org/articles/art_iran_drones/report#claim-clm_amir_abdollahian",
    );
    expect(review?.datePublished).toBe("2026-01-15");
    expect(review?.author).toEqual({
      "@type": "Organization",
      name: "Factmark Sample Desk",
      url: "https://factcheck.example.org",
    });
    expect(review?.reviewRating).toEqual({
      "@type": "Rating",
      ratingValue: 1,
      bestRating: 5,
      worstRating: 1,
      alternateName: "Contradicted",
    });
    expect(review?.itemReviewed["@type"]).toBe("Claim");
    expect(review?.itemReviewed.author).toEqual({ "@type": "Person", name: "Hossein Amir-Abdollahian" });
    expect(review?.itemReviewed.datePublished).toBe("2022-11-10");
    expect(review?.itemReviewed.appearance).toEqual({
      "@type": "CreativeWork",
      url: "https://news.example.com/iran-admits-supplying-russia-with-drones",
      headline: "Iran admits supplying Russia with drones after having said it had not",
      publisher: { "@type": "Organization", name: "All Israel News" },
      datePublished: "2022-11-10",
    });
  });

  it("rates a supported claim 5 of 5", () => {
    expect(reviews[1]?.reviewRating).toMatchObject({ ratingValue: 5, alternateName: "Supported" });
    expect(reviews[1]?.itemReviewed.author?.name).toBe("Robert Malley");
  });

  it("keeps every rating within the scale it declares", () => {
    for (const { reviewRating } of reviews) {
      expect(reviewRating.ratingValue).toBeGreaterThanOrEqual(reviewRating.worstRating);
      expect(reviewRating.ratingValue).toBeLessThanOrEqual(reviewRating.bestRating);
    }
  });

  it("leaves out an unknown speaker and a missing article URL rather than inventing them", () => {
    const claim = input.claims.find((item) => item.id === "clm_iravani");
    if (!claim) throw new Error("the sample has Iravani's claim");
    const [review] = buildClaimReview(
      buildReportModel({
        ...input,
        article: { ...input.article, sourceUrl: null },
        claims: [{ ...claim, speaker: null }],
      }),
    );
    expect(review?.itemReviewed.author).toBeUndefined();
    expect(review?.itemReviewed.appearance.url).toBeUndefined();
    expect(review?.itemReviewed.appearance.headline).toBe(input.article.title);
  });

  it("collapses line breaks in the reviewed claim", () => {
    const claim = { ...(input.claims[0] as (typeof input.claims)[number]), verdict: "supported" as const };
    claim.selectors = { ...claim.selectors, quote: { ...claim.selectors.quote, exact: "two\nlines  here" } };
    expect(buildClaimReview(buildReportModel({ ...input, claims: [claim] }))[0]?.claimReviewed).toBe("two lines here");
  });
});
