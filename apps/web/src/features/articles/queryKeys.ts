/**
 * Query keys of articles. Everything about one article nests under `ofArticle(id)`: its text, claims,
 * speakers, links and contradictions, report, and each claim's evidence and history (see the other
 * features' factories), so one invalidation refreshes all of it; the article list stands apart.
 */
export const articleKeys = {
  list: () => ["articles", "list"] as const,
  ofArticle: (id: string) => ["article", id] as const,
  detail: (id: string) => [...articleKeys.ofArticle(id), "detail"] as const,
};
