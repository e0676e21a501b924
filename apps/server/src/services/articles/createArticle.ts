import type { Article, ArticleCreate, Principal } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { timeOrderedId } from "../../db/timeOrderedId";
import { storeNewArticle } from "../../domain/storeNewArticle";
import { convertContent } from "../../import/runConversion";
import { authorize } from "../../policy/authorize";

/**
 * Creates an article from plain text (one paragraph per non-empty line), HTML or Markdown; HTML and
 * Markdown are sanitised down to the editor's schema, on a worker thread with a deadline (convertContent). Errors:
 * PAYLOAD_TOO_LARGE (413) past an import or article limit, UNPROCESSABLE (422) past the deadline or with no text.
 */
export async function createArticle(
  db: Db,
  actor: Principal,
  input: ArticleCreate,
  id: string = timeOrderedId(),
): Promise<Article> {
  authorize(actor, "article.create");
  const doc = await convertContent(input.format, input.content);
  return storeNewArticle(
    db,
    actor,
    {
      title: input.title,
      sourceUrl: input.sourceUrl ?? null,
      outlet: input.outlet ?? null,
      author: input.author ?? null,
      publishedAt: input.publishedAt ? new Date(input.publishedAt) : null,
      doc,
    },
    id,
  );
}
