import { articleKeys } from "../articles/queryKeys";

/**
 * Query keys of suggestions, inside their article's: an invalidation of the article refreshes them too. One entry
 * per version of the article (its ETag): offsets read on one version's text are never drawn on another's.
 */
export const suggestionKeys = {
  ofArticle: (articleId: string) => [...articleKeys.ofArticle(articleId), "suggestions"] as const,
  ofVersion: (articleId: string, version: number) => [...suggestionKeys.ofArticle(articleId), version] as const,
};
