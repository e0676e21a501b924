import type { Article, ArticleSummary } from "@factmark/core";
import { unwrap } from "../../lib/ApiError";
import { apiClient } from "../../lib/apiClient";

export async function fetchArticles(): Promise<ArticleSummary[]> {
  const { items } = await unwrap(apiClient.articles.$get());
  return items;
}

export async function fetchArticle(id: string): Promise<Article> {
  // The document's recursive type does not survive Hono's JSON typing; the server sends a core Article.
  return (await unwrap(apiClient.articles[":id"].$get({ param: { id } }))) as Article;
}
