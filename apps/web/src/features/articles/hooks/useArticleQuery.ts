import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchArticle } from "../api";
import { articleKeys } from "../queryKeys";

/** One article with its document: the query the page reads, and the one started with the page (startRouteData). */
export function articleQueryOptions(id: string) {
  return queryOptions({
    queryKey: articleKeys.detail(id),
    queryFn: () => fetchArticle(id),
    // Read as the page starts, it is not read again as the page mounts: the article's event stream says when it
    // changes (and, on opening, whether it changed since it was read).
    staleTime: 30_000,
  });
}

export function useArticleQuery(id: string) {
  return useQuery(articleQueryOptions(id));
}
