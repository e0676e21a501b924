import { type Actor, AppError, type Article, type ArticleUpdate } from "@factmark/core";
import type { Db } from "../db/createDatabase";
import { findArticle, insertArticleEvent, updateArticleIfVersion } from "../repositories/articleRepository";
import { preconditionFailed } from "./preconditionFailed";

/** Changes an article's metadata, if the caller read the current version. */
export async function updateArticle(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  input: ArticleUpdate,
): Promise<Article> {
  return db.$transaction(async (tx) => {
    const current = await findArticle(tx, id);
    if (!current) throw new AppError("NOT_FOUND", `No article with id "${id}".`);
    if (current.version !== expectedVersion) throw preconditionFailed("article", current);
    const change = {
      ...input,
      publishedAt: input.publishedAt === undefined ? undefined : input.publishedAt ? new Date(input.publishedAt) : null,
    };
    const isUpdated = await updateArticleIfVersion(tx, id, expectedVersion, change);
    if (!isUpdated) throw preconditionFailed("article", current);
    const from = Object.fromEntries(Object.keys(input).map((key) => [key, current[key as keyof Article]]));
    await insertArticleEvent(tx, id, actor, "article.updated", from, input);
    const updated = await findArticle(tx, id);
    if (!updated) throw new AppError("NOT_FOUND", `No article with id "${id}".`);
    return updated;
  });
}
