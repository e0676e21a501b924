import { AppError, type Article } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { findArticle } from "../../repositories/articleRepository";

/** One live article with its document and text; NOT_FOUND otherwise. */
export async function getArticle(db: Db, id: string): Promise<Article> {
  const article = await findArticle(db, id);
  if (!article) throw new AppError("NOT_FOUND", `No article with id "${id}".`);
  return article;
}

/**
 * Whether a client holding the article under `ifNoneMatch` (an If-None-Match header: ETags, `W/` or not, or `*`)
 * has it as it is now, so that a 304 may answer. Every change to what GET answers moves the version (metadata,
 * body, conclusion, publishing and retracting), and the ETag is the version.
 */
export function isArticleUnchanged(article: Article, ifNoneMatch: string | undefined): boolean {
  if (ifNoneMatch === undefined) return false;
  // The ETag the GET answers (middleware/ifMatch's etag): the version, quoted.
  const current = `"${article.version}"`;
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === current || tag === "*");
}
