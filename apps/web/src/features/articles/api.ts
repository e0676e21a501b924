import type { Article, ArticleSummary, ArticleUpdate } from "@factmark/core";
import { unwrap } from "../../lib/ApiError";
import { apiClient, ifMatch } from "../../lib/apiClient";

export async function fetchArticles(): Promise<ArticleSummary[]> {
  const { items } = await unwrap(apiClient.articles.$get());
  return items;
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
