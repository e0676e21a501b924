import type { ArticleListQuery } from "@factmark/core";

/**
 * Query keys of articles. Everything about one article nests under `ofArticle(id)`: its text, claims,
 * speakers, links and contradictions, report, and each claim's evidence and history (see the other
 * features' factories), so one invalidation refreshes all of it; the article list stands apart.
 */
export const articleKeys = {
  /** Every list of articles (a prefix); the list as it opens, unfiltered, is this key itself. */
  list: () => ["articles", "list"] as const,
  /** One filtered list (search, verdict, status, or the deleted ones); the unfiltered one is `list()`. */
  filteredList: (query: ArticleListQuery) =>
    Object.values(query).some((value) => value !== undefined && value !== "")
      ? ([...articleKeys.list(), query] as const)
      : articleKeys.list(),
  ofArticle: (id: string) => ["article", id] as const,
  detail: (id: string) => [...articleKeys.ofArticle(id), "detail"] as const,
};
