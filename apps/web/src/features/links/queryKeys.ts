import { articleKeys } from "../articles/queryKeys";

/** Query keys of links, inside their article's; the contradictions inside the links', so one invalidation reaches both. */
export const linkKeys = {
  ofArticle: (articleId: string) => [...articleKeys.ofArticle(articleId), "links"] as const,
  contradictions: (articleId: string) => [...linkKeys.ofArticle(articleId), "contradictions"] as const,
};
