import { AppError, changeEvent, type Principal, type Publication, type PublicationRetract } from "@factmark/core";
import { inArticleLine } from "../../db/articleWriteLine";
import type { Db } from "../../db/createDatabase";
import { authorize } from "../../policy/authorize";
import { findArticle, insertArticleEvent, updateArticleIfVersion } from "../../repositories/articleRepository";
import { lockArticleForChanges } from "../../repositories/eventRepository";
import { findLatestPublication, retractPublication as storeRetraction } from "../../repositories/publicationRepository";

/**
 * Retracts an article's published fact-check (article.retract, admins), with a note saying why: the latest version
 * is marked retracted, and every public page of every version says so from then on, instead of disappearing. The
 * article moves to its next version (its answer says it is retracted) and `article.retracted` is recorded, in one
 * transaction. Publishing again makes a new version, which is not retracted.
 *
 * Errors: FORBIDDEN; NOT_FOUND; CONFLICT (409) when the fact-check was never published or is already retracted.
 */
export async function retractArticlePublication(
  db: Db,
  actor: Principal,
  articleId: string,
  input: PublicationRetract,
): Promise<Publication> {
  authorize(actor, "article.retract");
  return inArticleLine(db, { articleId }, () =>
    db.$transaction(async (tx) => {
      await lockArticleForChanges(tx, articleId);
      const article = await findArticle(tx, articleId);
      if (!article) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
      const latest = await findLatestPublication(tx, articleId);
      if (!latest) throw new AppError("CONFLICT", "This fact-check was never published: there is nothing to retract.");
      if (latest.retractedAt) {
        throw new AppError(
          "CONFLICT",
          `This fact-check was already retracted on ${latest.retractedAt.toISOString().slice(0, 10)}.`,
        );
      }
      const retracted = await storeRetraction(tx, latest.id, { at: new Date(), byId: actor.id, note: input.note });
      await updateArticleIfVersion(tx, articleId, article.version, {});
      await insertArticleEvent(tx, articleId, actor, changeEvent.articleRetracted(latest, input.note));
      return retracted;
    }),
  );
}
