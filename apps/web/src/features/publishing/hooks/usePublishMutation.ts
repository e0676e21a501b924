import type { Article } from "@factmark/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { currentArticleOf } from "../../articles/hooks/useUpdateArticleMetadataMutation";
import { articleKeys } from "../../articles/queryKeys";
import { publishArticle } from "../api";
import { useRefreshPublication } from "./useRefreshPublication";

export interface PublishVariables {
  /** The article as the editor read it: its version goes in If-Match. */
  article: Article;
  /** Required from the second version on: what the correction changed. */
  correctionNote?: string;
}

/**
 * Publishes the article's fact-check. Afterwards the article, its versions and the list are read again; on a
 * stale version (412) the cache takes the current article the answer carries.
 */
export function usePublishMutation() {
  const queryClient = useQueryClient();
  const refresh = useRefreshPublication();
  return useMutation({
    mutationFn: ({ article, correctionNote }: PublishVariables) => publishArticle(article, correctionNote),
    onSuccess: (_publication, { article }) => refresh(article.id),
    onError: (error) => {
      const current = currentArticleOf(error);
      if (current) queryClient.setQueryData(articleKeys.detail(current.id), current);
    },
  });
}
