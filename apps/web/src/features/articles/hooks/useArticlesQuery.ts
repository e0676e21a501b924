import { useQuery } from "@tanstack/react-query";
import { fetchArticles } from "../api";
import { articleKeys } from "../queryKeys";

export function useArticlesQuery() {
  return useQuery({ queryKey: articleKeys.list(), queryFn: fetchArticles });
}
