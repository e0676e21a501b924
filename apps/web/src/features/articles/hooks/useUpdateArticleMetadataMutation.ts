import { type Article, type ArticleSummary, type ArticleUpdate, ZArticle } from "@factmark/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../../../lib/ApiError";
import { updateArticleMetadata } from "../api";
import { articleKeys } from "../queryKeys";

export interface UpdateArticleMetadataVariables {
  /** The article as the reviewer read it: its version goes in If-Match. */
  article: Article;
  change: Omit<ArticleUpdate, "doc">;
}

/** The current article a 412 answer carries in `details.current`, if it is one. */
export function currentArticleOf(error: unknown): Article | null {
  if (!(error instanceof ApiError) || error.code !== "PRECONDITION_FAILED") return null;
  const details = error.details;
  if (typeof details !== "object" || details === null || !("current" in details)) return null;
  const parsed = ZArticle.safeParse(details.current);
  return parsed.success ? parsed.data : null;
}

/**
 * Saves an article's metadata. The saved article replaces the cached one and its row in the list;
 * on a stale version (412) the cache takes the current article the answer carries.
 */
export function useUpdateArticleMetadataMutation() {
  const queryClient = useQueryClient();

  function store(article: Article) {
    queryClient.setQueryData(articleKeys.detail(article.id), article);
    queryClient.setQueryData<ArticleSummary[]>(articleKeys.list(), (items) =>
      items?.map((item) =>
        item.id === article.id
          ? {
              ...item,
              title: article.title,
              outlet: article.outlet,
              author: article.author,
              sourceUrl: article.sourceUrl,
              publishedAt: article.publishedAt,
              version: article.version,
              updatedAt: article.updatedAt,
            }
          : item,
      ),
    );
  }

  return useMutation({
    mutationFn: ({ article, change }: UpdateArticleMetadataVariables) => updateArticleMetadata(article, change),
    onSuccess: store,
    onError: (error) => {
      const current = currentArticleOf(error);
      if (current) store(current);
    },
  });
}
