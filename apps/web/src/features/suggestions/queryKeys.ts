import { articleKeys } from "../articles/queryKeys";

/** Query keys of suggestions, inside their article's: an invalidation of the article refreshes them too. */
export const suggestionKeys = {
  ofArticle: (articleId: string) => [...articleKeys.ofArticle(articleId), "suggestions"] as const,
};
