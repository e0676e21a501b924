import type { ArticleListQuery } from "@factmark/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchArticles } from "../api";
import { articleKeys } from "../queryKeys";

/** The articles a filter keeps (all live ones without one); while a new filter loads, the last answer stays shown. */
export function useArticlesQuery(query: ArticleListQuery = {}) {
  return useQuery({
    queryKey: articleKeys.filteredList(query),
    queryFn: () => fetchArticles(query),
    placeholderData: keepPreviousData,
  });
}
