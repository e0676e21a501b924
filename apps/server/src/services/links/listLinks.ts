import { AppError, type Link } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { listLinksOfArticle } from "../../repositories/linkRepository";

/** The links of an article a reviewer sees: live, between live claims, oldest first. */
export async function listLinks(db: Db, articleId: string): Promise<Link[]> {
  const links = await listLinksOfArticle(db, articleId);
  if (!links) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
  return links;
}
