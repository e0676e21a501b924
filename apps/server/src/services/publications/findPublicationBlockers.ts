import {
  type Article,
  type ClaimStatus,
  hasPublishableVerdict,
  isPublishableClaim,
  type PublicationBlocker,
} from "@factmark/core";
import type { ClaimToPublish } from "../../repositories/publicationRepository";

/** How a claim's status reads in "Claim 3 is ready for review, not approved". */
const STATUS_PHRASES: Record<Exclude<ClaimStatus, "approved">, string> = {
  "to-check": "is still to check",
  "in-progress": "is in progress",
  "ready-for-review": "is ready for review",
  "changes-requested": "has changes requested",
};

/**
 * What keeps an article from being published, in words, article first and then claims in document order (numbered
 * as the report numbers them, from 1): no conclusion, no source URL or publication date (ClaimReview's `appearance`
 * needs both), no claim with a verdict to publish; each claim with a verdict other than unverified that is not
 * approved, lost its words (orphaned) or sits on edited words not yet confirmed; each speaker of a published claim
 * whose kind (person or organisation) is not set. Empty: it can be published.
 */
export function findPublicationBlockers(
  article: Pick<Article, "conclusion" | "sourceUrl" | "publishedAt" | "speakerKinds">,
  claims: readonly ClaimToPublish[],
): PublicationBlocker[] {
  const blockers: PublicationBlocker[] = [];
  const forArticle = (reason: string) => blockers.push({ claimId: null, number: null, reason });
  if (!article.conclusion) forArticle("Write the conclusion: a summary and an overall rating.");
  if (!article.sourceUrl) forArticle("Add the article's source URL.");
  if (!article.publishedAt) forArticle("Add the article's publication date.");
  if (!claims.some(isPublishableClaim)) {
    forArticle("There is no claim to publish: give at least one claim a verdict other than unverified.");
  }
  const speakersAsked = new Set<string>();
  claims.forEach((claim, index) => {
    const number = index + 1;
    const block = (reason: string) => blockers.push({ claimId: claim.id, number, reason });
    if (!hasPublishableVerdict(claim)) return;
    if (claim.isOrphaned) {
      block(`Claim ${number} lost its words in an edit: re-attach it, or set its verdict to unverified.`);
      return;
    }
    if (claim.isAnchorUnconfirmed) {
      block(`Claim ${number} was moved onto edited words: confirm its place, or set its verdict to unverified.`);
      return;
    }
    if (claim.status !== "approved") block(`Claim ${number} ${STATUS_PHRASES[claim.status]}, not approved.`);
    // Looked up as spelled: the ClaimReview reads the kind by the claim's speaker, exactly.
    const speaker = claim.speaker;
    if (speaker?.trim() && !Object.hasOwn(article.speakerKinds, speaker) && !speakersAsked.has(speaker)) {
      speakersAsked.add(speaker);
      block(`Say whether “${speaker}” is a person or an organisation.`);
    }
  });
  return blockers;
}
