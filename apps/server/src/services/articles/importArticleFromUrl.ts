import type { Article, ArticleFromUrl, Principal } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { storeNewArticle } from "../../domain/storeNewArticle";
import { fetchPage } from "../../import/fetchPage";
import type { FetchSettings } from "../../import/fetchSettings";
import { extractArticleInWorker } from "../../import/runConversion";
import { authorize } from "../../policy/authorize";

/**
 * Creates an article from a web page: fetched SSRF-safely (fetchPage), its body and metadata
 * extracted with Readability on a worker thread with a deadline (extractArticleInWorker). The source URL is where the page was finally found.
 */
export async function importArticleFromUrl(
  db: Db,
  actor: Principal,
  input: ArticleFromUrl,
  settings: FetchSettings,
): Promise<Article> {
  authorize(actor, "article.import");
  const page = await fetchPage(input.url, settings);
  const article = await extractArticleInWorker(page);
  return storeNewArticle(db, actor, {
    title: article.title ?? new URL(page.url).hostname,
    sourceUrl: page.url,
    outlet: article.outlet,
    author: article.author,
    publishedAt: article.publishedAt ? new Date(article.publishedAt) : null,
    doc: article.doc,
  });
}
