import { AppError, type Principal, type Publication } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { authorize } from "../../policy/authorize";
import { isLiveArticle } from "../../repositories/articleRepository";
import { listPublications } from "../../repositories/publicationRepository";

/** Every published version of a live article's fact-check, newest first (article.read); NOT_FOUND otherwise. */
export async function listArticlePublications(db: Db, actor: Principal, articleId: string): Promise<Publication[]> {
  authorize(actor, "article.read");
  if (!(await isLiveArticle(db, articleId))) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
  return listPublications(db, articleId);
}
