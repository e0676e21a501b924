import type { Article, ArticleListQuery, ArticleSummary, ArticleUpdate } from "@factmark/core";
import { unwrap, unwrapEmpty } from "../../lib/ApiError";
import { apiClient, ifMatch } from "../../lib/apiClient";

/** The articles the list's filter keeps (every live one without it); `deleted: "true"` the deleted ones (editors). */
export async function fetchArticles(query: ArticleListQuery = {}): Promise<ArticleSummary[]> {
  const { items } = await unwrap(apiClient.articles.$get({ query }));
  return items;
}

/** Deletes an article at the version the list showed (If-Match); it can be restored. */
export async function deleteArticle(article: Pick<ArticleSummary, "id" | "version">): Promise<void> {
  await unwrapEmpty(apiClient.articles[":id"].$delete({ param: { id: article.id } }, { headers: ifMatch(article) }));
}

/** Brings a deleted article back, with its claims, links, evidence and history. */
export async function restoreArticle(id: string): Promise<Article> {
  return (await unwrap(apiClient.articles[":id"].restore.$post({ param: { id } }))) as Article;
}

export async function fetchArticle(id: string): Promise<Article> {
  // The document's recursive type does not survive Hono's JSON typing; the server sends a core Article.
  return (await unwrap(apiClient.articles[":id"].$get({ param: { id } }))) as Article;
}

/**
 * Changes an article's metadata (the body is the editor's to save) if it is still at the version
 * the reviewer read (If-Match); 412 with the current article otherwise.
 */
export async function updateArticleMetadata(
  article: Pick<Article, "id" | "version">,
  change: Omit<ArticleUpdate, "doc">,
): Promise<Article> {
  return (await unwrap(
    apiClient.articles[":id"].$patch({ param: { id: article.id }, json: change }, { headers: ifMatch(article) }),
  )) as Article;
}
