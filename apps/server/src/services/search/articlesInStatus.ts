import { type ArticleListStatus, isArticleInStatus } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { listLiveArticleStandings } from "../../repositories/articleRepository";

/**
 * The ids of the live articles standing in `status` (core's isArticleInStatus, as the articles list decides it, on
 * the standings the list counts: listLiveArticleStandings). For the search's status filter, which needs no more of
 * an article than where it stands.
 */
export async function articlesInStatus(db: Db, status: ArticleListStatus): Promise<string[]> {
  const standings = await listLiveArticleStandings(db);
  return [...standings].filter(([, standing]) => isArticleInStatus(standing, status)).map(([id]) => id);
}
