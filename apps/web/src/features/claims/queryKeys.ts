import { articleKeys } from "../articles/queryKeys";

/** A claim as query keys need it: its article comes first in every key about it. */
export interface ClaimKeyRef {
  id: string;
  articleId: string;
}

/** Query keys of claims, inside their article's (see articleKeys). */
export const claimKeys = {
  /** The article's claim list, read whole once and then `?since=` its cursor. */
  ofArticle: (articleId: string) => [...articleKeys.ofArticle(articleId), "claims"] as const,
  speakers: (articleId: string) => [...articleKeys.ofArticle(articleId), "speakers"] as const,
  /** Everything about each claim of the article: evidence, history, nearest match. */
  everyClaim: (articleId: string) => [...articleKeys.ofArticle(articleId), "claim"] as const,
  /** Everything about one claim. */
  ofClaim: (claim: ClaimKeyRef) => [...claimKeys.everyClaim(claim.articleId), claim.id] as const,
  /** An orphan's nearest match, per version of the claim (a re-attach or a new save asks again). */
  nearestMatch: (claim: ClaimKeyRef & { version: number }, articleVersion: number) =>
    [...claimKeys.ofClaim(claim), "nearest-match", claim.version, articleVersion] as const,
};
