import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { articleKeys } from "../../articles/queryKeys";
import { publicationKeys } from "../queryKeys";

/** Reads again what a publication or a retraction changes: the article's state, its versions, the article list. */
export function useRefreshPublication() {
  const queryClient = useQueryClient();
  return useCallback(
    (articleId: string) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: articleKeys.detail(articleId) }),
        queryClient.invalidateQueries({ queryKey: publicationKeys.ofArticle(articleId) }),
        queryClient.invalidateQueries({ queryKey: articleKeys.list() }),
      ]),
    [queryClient],
  );
}
