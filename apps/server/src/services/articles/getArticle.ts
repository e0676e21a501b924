import { AppError, type Article } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { findArticle } from "../../repositories/articleRepository";

/** One live article with its document and text; NOT_FOUND otherwise. */
export async function getArticle(db: Db, id: string): Promise<Article> {
  const article = await findArticle(db, id);
  if (!article) throw new AppError("NOT_FOUND", `No article with id "${id}".`);
  return article;
}
