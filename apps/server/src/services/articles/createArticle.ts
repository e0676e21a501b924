import type { Article, ArticleCreate, Principal } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { timeOrderedId } from "../../db/timeOrderedId";
import { storeNewArticle } from "../../domain/storeNewArticle";
import { contentToDoc } from "../../import/contentToDoc";
import { authorize } from "../../policy/authorize";

/**
 * Creates an article from plain text (one paragraph per non-empty line), HTML or Markdown; HTML and
 * Markdown are sanitised down to the editor's schema.
 */
export async function createArticle(
  db: Db,
  actor: Principal,
  input: ArticleCreate,
  id: string = timeOrderedId(),
): Promise<Article> {
  authorize(actor, "article.create");
  return storeNewArticle(
    db,
    actor,
    {
      title: input.title,
      sourceUrl: input.sourceUrl ?? null,
      outlet: input.outlet ?? null,
      author: input.author ?? null,
      publishedAt: input.publishedAt ? new Date(input.publishedAt) : null,
      doc: contentToDoc(input.format, input.content),
    },
    id,
  );
}
