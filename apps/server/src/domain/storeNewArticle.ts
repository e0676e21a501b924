import { type Actor, AppError, type Article, articleText, ZArticleDoc } from "@factmark/core";
import type { Db } from "../db/createDatabase";
import { timeOrderedId } from "../db/timeOrderedId";
import { type ArticleFields, insertArticle } from "../repositories/articleRepository";

/**
 * Stores a new article whose body came from a converter, after checking the body against the
 * editor's schema once more: a document with no text left (all script, say) is refused with
 * UNPROCESSABLE, and nothing is stored.
 */
export async function storeNewArticle(
  db: Db,
  actor: Actor,
  fields: Omit<ArticleFields, "text">,
  id: string = timeOrderedId(),
): Promise<Article> {
  const checked = ZArticleDoc.safeParse(fields.doc);
  if (!checked.success) {
    const message = checked.error.issues[0]?.message ?? "The article could not be read.";
    const isEmpty = message === "The article has no text.";
    throw new AppError("UNPROCESSABLE", isEmpty ? "No article text was found." : message, {
      reason: isEmpty ? "empty" : "invalid_document",
    });
  }
  const text = articleText(checked.data);
  return db.$transaction((tx) => insertArticle(tx, id, { ...fields, doc: checked.data, text }, actor));
}
