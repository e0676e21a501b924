import { type ArticleListFilter, type ArticleSummary, isArticleInStatus, type Principal } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { authorize } from "../../policy/authorize";
import { listArticleSummaries } from "../../repositories/articleRepository";

/**
 * The articles, newest first, with claim counts per verdict, narrowed by the list's filter: `q` in the title, outlet
 * or text; `has` a live claim of that verdict (or an orphan); `status` where it stands. `deleted` lists the deleted
 * articles instead, most recently deleted first: only those who may delete (and restore) see them (FORBIDDEN).
 */
export async function listArticles(
  db: Db,
  actor: Principal,
  filter: ArticleListFilter = {},
): Promise<ArticleSummary[]> {
  if (filter.deleted) authorize(actor, "article.delete");
  const summaries = await listArticleSummaries(db, { isDeleted: filter.deleted ?? false, text: filter.q || undefined });
  const { has, status } = filter;
  return summaries.filter(
    (summary) =>
      (has === undefined || (has === "orphaned" ? summary.orphanCount > 0 : summary.counts[has] > 0)) &&
      (status === undefined || isArticleInStatus(summary, status)),
  );
}
