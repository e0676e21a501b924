import { AppError, linkAnnotationId, type WebAnnotation } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { findLink } from "../../repositories/linkRepository";
import { annotationOf } from "./annotationOf";
import { type AnnotationReadOptions, readArticleAnnotations } from "./readArticleAnnotations";

/**
 * A live link's annotation, alone, with its `@context` (what GET on its exported id answers). NOT_FOUND when the
 * link, either of its claims or its article is deleted, or it was never there: the report leaves such a link out.
 */
export async function getLinkAnnotation(
  db: Db,
  linkId: string,
  options: AnnotationReadOptions,
): Promise<WebAnnotation> {
  const found = await findLink(db, linkId);
  if (!found || found.isDeleted) throw new AppError("NOT_FOUND", `No link with id "${linkId}".`);
  const collection = await readArticleAnnotations(db, found.link.articleId, options);
  return annotationOf(collection, linkAnnotationId(options.serverUrl, linkId), options.serverUrl);
}
