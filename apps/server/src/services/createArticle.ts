import { type Actor, type Article, type ArticleCreate, articleText, plainTextToDoc } from "@factmark/core";
import type { Db } from "../db/createDatabase";
import { timeOrderedId } from "../db/timeOrderedId";
import { insertArticle } from "../repositories/articleRepository";

/** Creates an article from plain text: one paragraph per non-empty line. */
export async function createArticle(
  db: Db,
  actor: Actor,
  input: ArticleCreate,
  id: string = timeOrderedId(),
): Promise<Article> {
  const doc = plainTextToDoc(input.content);
  return insertArticle(
    db,
    id,
    {
      title: input.title,
      sourceUrl: input.sourceUrl ?? null,
      outlet: input.outlet ?? null,
      author: input.author ?? null,
      publishedAt: input.publishedAt ? new Date(input.publishedAt) : null,
      doc,
      text: articleText(doc),
    },
    actor,
  );
}
