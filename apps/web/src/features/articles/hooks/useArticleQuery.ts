import { useQuery } from "@tanstack/react-query";
import { fetchArticle } from "../api";
import { articleKeys } from "../queryKeys";

export function useArticleQuery(id: string) {
  return useQuery({ queryKey: articleKeys.detail(id), queryFn: () => fetchArticle(id) });
}
