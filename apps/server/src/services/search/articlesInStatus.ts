import { ARTICLE_LIST_PROGRESS_STATUSES, type ArticleListStatus, isArticleInStatus } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { listLiveArticleStandings } from "../../repositories/articleRepository";

/**
 * The ids of the live articles standing in `status` (core's isArticleInStatus, as the articles list decides it, on
 * the standings the list counts: listLiveArticleStandings). For the search's status filter, which needs no more of
 * an article than where it stands.
 */
export async function articlesInStatus(db: Db, status: ArticleListStatus): Promise<string[]> {
  // Published and retracted are a second axis, the publication's alone: no claim need be counted for them.
  const isProgress = (ARTICLE_LIST_PROGRESS_STATUSES as readonly string[]).includes(status);
  const standings = await listLiveArticleStandings(db, { withProgress: isProgress });
  return [...standings].filter(([, standing]) => isArticleInStatus(standing, status)).map(([id]) => id);
}
