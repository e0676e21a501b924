import type { Article, DocNode } from "@factmark/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { articleKeys } from "../../articles/queryKeys";
import { claimKeys } from "../../claims/queryKeys";
import { historyKeys } from "../../history/queryKeys";
import { linkKeys } from "../../links/queryKeys";
import { saveArticleDoc } from "../api";

/** Saves the edited text; the claims come back re-anchored. */
export function useSaveArticleDocMutation(articleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ article, doc }: { article: Pick<Article, "id" | "version">; doc: DocNode }) =>
      saveArticleDoc(article, doc),
    onSuccess: async ({ reanchored: _reanchored, ...article }) => {
      queryClient.setQueryData<Article>(articleKeys.detail(articleId), article);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: claimKeys.all }),
        queryClient.invalidateQueries({ queryKey: linkKeys.all }),
        queryClient.invalidateQueries({ queryKey: historyKeys.all }),
        queryClient.invalidateQueries({ queryKey: articleKeys.list() }),
      ]);
    },
  });
}
