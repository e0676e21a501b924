/** Query keys of links, per article; "links" first so one invalidation reaches them all. */
export const linkKeys = {
  all: ["links"] as const,
  ofArticle: (articleId: string) => [...linkKeys.all, "article", articleId] as const,
  contradictions: (articleId: string) => [...linkKeys.all, "contradictions", articleId] as const,
};
