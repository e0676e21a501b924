import type { ArticleSummary } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { listArticleSummaries } from "../../repositories/articleRepository";

/** Every live article, newest first, with claim counts per verdict. */
export async function listArticles(db: Db): Promise<ArticleSummary[]> {
  return listArticleSummaries(db);
}
