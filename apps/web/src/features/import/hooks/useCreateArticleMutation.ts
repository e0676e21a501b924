import type { Article } from "@factmark/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { updateArticleMetadata } from "../../articles/api";
import { articleKeys } from "../../articles/queryKeys";
import { createArticle, importArticleFromUrl, uploadArticle } from "../api";
import type { NewArticleRequest } from "../parseNewArticle";

export interface CreatedArticle {
  article: Article;
  /** Set when the article was imported but the details the reviewer gave could not be applied to it. */
  detailsError: unknown;
}

async function send(request: NewArticleRequest): Promise<CreatedArticle> {
  switch (request.source) {
    case "paste":
      return { article: await createArticle(request.input), detailsError: null };
    case "upload":
      return { article: await uploadArticle(request.file, request.fields), detailsError: null };
    case "url": {
      const article = await importArticleFromUrl(request.input);
      if (!request.details) return { article, detailsError: null };
      // The article exists now whatever happens next: a refused change must not read as a failed import.
      try {
        return { article: await updateArticleMetadata(article, request.details), detailsError: null };
      } catch (error) {
        return { article, detailsError: error };
      }
    }
  }
}

/** Adds an article by paste, upload or URL; the new article goes into the cache and the list is read again. */
export function useCreateArticleMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: ({ article }) => {
      queryClient.setQueryData(articleKeys.detail(article.id), article);
      return queryClient.invalidateQueries({ queryKey: articleKeys.list() });
    },
  });
}
