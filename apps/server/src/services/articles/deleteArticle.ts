import { AppError, changeEvent, type Principal } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { preconditionFailed } from "../../domain/preconditionFailed";
import { authorize } from "../../policy/authorize";
import { findArticle, insertArticleEvent, updateArticleIfVersion } from "../../repositories/articleRepository";
import { lockArticleForChanges } from "../../repositories/eventRepository";

/** Deletes an article (kept in the database, gone from every list); If-Match is checked when given. */
export async function deleteArticle(db: Db, actor: Principal, id: string, expectedVersion?: number): Promise<void> {
  authorize(actor, "article.delete");
  await db.$transaction(async (tx) => {
    await lockArticleForChanges(tx, id);
    const current = await findArticle(tx, id);
    if (!current) throw new AppError("NOT_FOUND", `No article with id "${id}".`);
    const version = expectedVersion ?? current.version;
    if (current.version !== version) throw preconditionFailed("article", current);
    const isDeleted = await updateArticleIfVersion(tx, id, version, { deletedAt: new Date() });
    if (!isDeleted) throw preconditionFailed("article", current);
    await insertArticleEvent(tx, id, actor, changeEvent.articleDeleted(current));
  });
}
