import type { Article, DocNode } from "@factmark/core";
import { hashKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { articleKeys } from "../../articles/queryKeys";
import { saveArticleDoc } from "../api";

/** Saves the edited text; the claims come back re-anchored. */
export function useSaveArticleDocMutation(articleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ article, doc }: { article: Pick<Article, "id" | "version">; doc: DocNode }) =>
      saveArticleDoc(article, doc),
    onSuccess: async ({ reanchored: _reanchored, ...article }) => {
      const detailKey = articleKeys.detail(articleId);
      queryClient.setQueryData<Article>(detailKey, article);
      // Everything else about the article moved with its text: claims re-anchored, their links and histories.
      await Promise.all([
        queryClient.invalidateQueries({
          queryKey: articleKeys.ofArticle(articleId),
          predicate: (query) => query.queryHash !== hashKey(detailKey),
        }),
        queryClient.invalidateQueries({ queryKey: articleKeys.list() }),
      ]);
    },
  });
}
