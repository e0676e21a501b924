import type { Article, ArticleCreate, ArticleFromUrl, ArticleUploadFields } from "@factmark/core";
import { unwrap } from "../../lib/ApiError";
import { apiClient } from "../../lib/apiClient";

// The document's recursive type does not survive Hono's JSON typing; the server sends a core Article.

/** POST /api/articles: pasted text, HTML or Markdown; the server sanitises it to the editor's schema. */
export async function createArticle(input: ArticleCreate): Promise<Article> {
  return (await unwrap(apiClient.articles.$post({ json: input }))) as Article;
}

/** POST /api/articles/upload: the file and the metadata given, as multipart/form-data. */
export async function uploadArticle(file: File, fields: ArticleUploadFields): Promise<Article> {
  const form: Record<string, string | File> = { file };
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === "string" && value !== "") form[name] = value;
  }
  return (await unwrap(apiClient.articles.upload.$post({ form }))) as Article;
}

/** POST /api/articles/from-url: the server fetches the page and reads its body and metadata. */
export async function importArticleFromUrl(input: ArticleFromUrl): Promise<Article> {
  return (await unwrap(apiClient.articles["from-url"].$post({ json: input }))) as Article;
}
