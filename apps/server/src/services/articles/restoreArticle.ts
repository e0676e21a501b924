import { AppError, type Article, changeEvent, type Principal } from "@factmark/core";
import { inArticleLine } from "../../db/articleWriteLine";
import type { Db } from "../../db/createDatabase";
import { preconditionFailed } from "../../domain/preconditionFailed";
import { authorize } from "../../policy/authorize";
import {
  findArticle,
  findDeletedArticle,
  insertArticleEvent,
  restoreArticleIfVersion,
} from "../../repositories/articleRepository";
import { lockArticleForChanges } from "../../repositories/eventRepository";

/**
 * Brings a deleted article back, whole: deleting only hid it, so its claims, links, evidence and history return as
 * they were. Recorded as "article.restored" in its change log. NOT_FOUND when no deleted article has this id (a live
 * one included: there is nothing to restore); If-Match, when given, must name the deleted version.
 */
export async function restoreArticle(db: Db, actor: Principal, id: string, expectedVersion?: number): Promise<Article> {
  authorize(actor, "article.delete");
  return inArticleLine(db, { articleId: id }, () =>
    db.$transaction(async (tx) => {
      await lockArticleForChanges(tx, id);
      const deleted = await findDeletedArticle(tx, id);
      if (!deleted) throw new AppError("NOT_FOUND", `No deleted article with id "${id}".`);
      const version = expectedVersion ?? deleted.version;
      if (deleted.version !== version) throw preconditionFailed("article", deleted);
      if (!(await restoreArticleIfVersion(tx, id, version))) throw preconditionFailed("article", deleted);
      await insertArticleEvent(tx, id, actor, changeEvent.articleRestored(deleted));
      const restored = await findArticle(tx, id);
      if (!restored) throw new Error(`The article "${id}" was restored but cannot be read.`);
      return restored;
    }),
  );
}
