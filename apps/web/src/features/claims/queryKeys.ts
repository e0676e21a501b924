/** Query keys of claims, per article. */
export const claimKeys = {
  all: ["claims"] as const,
  ofArticle: (articleId: string) => [...claimKeys.all, "article", articleId] as const,
  speakers: (articleId: string) => [...claimKeys.all, "speakers", articleId] as const,
};
