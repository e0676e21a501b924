import { AppError, changeEvent, type Principal } from "@factmark/core";
import { inArticleLine } from "../../db/articleWriteLine";
import type { Db } from "../../db/createDatabase";
import { preconditionFailed } from "../../domain/preconditionFailed";
import { authorize } from "../../policy/authorize";
import { findArticle, insertArticleEvent, updateArticleIfVersion } from "../../repositories/articleRepository";
import { lockArticleForChanges } from "../../repositories/eventRepository";

/**
 * Deletes an article (kept in the database, gone from every list); If-Match is checked when given. A published
 * fact-check is withdrawn by a retraction, which its public pages then show (they stay up, deleted or not): while it
 * is published and not retracted, the article cannot be deleted (CONFLICT), so deleting is never a way around it.
 */
export async function deleteArticle(db: Db, actor: Principal, id: string, expectedVersion?: number): Promise<void> {
  authorize(actor, "article.delete");
  await inArticleLine(db, { articleId: id }, () =>
    db.$transaction(async (tx) => {
      await lockArticleForChanges(tx, id);
      const current = await findArticle(tx, id);
      if (!current) throw new AppError("NOT_FOUND", `No article with id "${id}".`);
      const version = expectedVersion ?? current.version;
      if (current.version !== version) throw preconditionFailed("article", current);
      if (current.publication.latestVersion > 0 && current.publication.retractedAt === null) {
        throw new AppError(
          "CONFLICT",
          `This fact-check is published (${current.publication.url}): an admin retracts it before the article can be deleted.`,
        );
      }
      const isDeleted = await updateArticleIfVersion(tx, id, version, { deletedAt: new Date() });
      if (!isDeleted) throw preconditionFailed("article", current);
      await insertArticleEvent(tx, id, actor, changeEvent.articleDeleted(current));
    }),
  );
}
