/** Query keys of claims, per article. */
export const claimKeys = {
  all: ["claims"] as const,
  ofArticle: (articleId: string) => [...claimKeys.all, "article", articleId] as const,
  speakers: (articleId: string) => [...claimKeys.all, "speakers", articleId] as const,
  /** An orphan's nearest match, per version of the claim (a re-attach or a new save asks again). */
  nearestMatch: (claim: { id: string; version: number }, articleVersion: number) =>
    [...claimKeys.all, "nearest-match", claim.id, claim.version, articleVersion] as const,
};
