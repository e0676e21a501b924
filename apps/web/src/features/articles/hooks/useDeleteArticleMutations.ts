import type { ArticleSummary } from "@factmark/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { deleteArticle, restoreArticle } from "../api";
import { articleKeys } from "../queryKeys";

/** Deletes an article from the list; every list (the deleted ones too) is fetched again after. */
export function useDeleteArticleMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (article: Pick<ArticleSummary, "id" | "version" | "title">) => deleteArticle(article),
    onSettled: () => queryClient.invalidateQueries({ queryKey: articleKeys.list() }),
  });
}

/** Brings a deleted article back (the list's Undo, or Restore among the deleted); every list is fetched again. */
export function useRestoreArticleMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (article: Pick<ArticleSummary, "id" | "title">) => restoreArticle(article.id),
    onSettled: (_article, _error, { id }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: articleKeys.list() }),
        // Whatever was kept of the article from before it was deleted is read afresh.
        queryClient.invalidateQueries({ queryKey: articleKeys.ofArticle(id) }),
      ]),
  });
}
