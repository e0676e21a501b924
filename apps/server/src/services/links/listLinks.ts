import { AppError, type LinkList } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { findLastChangeNumber } from "../../repositories/eventRepository";
import { listLinksChangedSince, listLinksOfArticle } from "../../repositories/linkRepository";

/**
 * The links of an article a reviewer sees (live, between live claims, oldest first), or with `since` the
 * ones that changed after that change number; `cursor` is the article's change number read first, so a
 * change committed meanwhile comes (again) in the next answer. NOT_FOUND when there is no such article.
 */
export async function listLinks(db: Db, articleId: string, since?: number): Promise<LinkList> {
  const cursor = await findLastChangeNumber(db, articleId);
  if (cursor === null) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
  if (since !== undefined) return { ...(await listLinksChangedSince(db, articleId, since)), cursor };
  const items = await listLinksOfArticle(db, articleId);
  if (!items) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
  return { items, cursor };
}
