import type { Article } from "@factmark/core";
import { useQuery } from "@tanstack/react-query";
import { fetchPublications } from "../api";
import { publicationKeys } from "../queryKeys";

/** The article's published versions, newest first; nothing is asked for an article never published. */
export function usePublicationsQuery(article: Pick<Article, "id" | "publication">) {
  const { latestVersion, retractedAt } = article.publication;
  return useQuery({
    queryKey: publicationKeys.list(article.id, latestVersion, retractedAt),
    queryFn: () => fetchPublications(article.id),
    enabled: latestVersion > 0,
  });
}
