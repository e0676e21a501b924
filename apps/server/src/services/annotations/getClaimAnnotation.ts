import { AppError, claimAnnotationId, type WebAnnotation } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { findClaim } from "../../repositories/claimRepository";
import { annotationOf } from "./annotationOf";
import { type AnnotationReadOptions, readArticleAnnotations } from "./readArticleAnnotations";

/**
 * A live claim's annotation, alone, with its `@context` (what GET on its exported id answers). NOT_FOUND when the
 * claim or its article is deleted or was never there.
 */
export async function getClaimAnnotation(
  db: Db,
  claimId: string,
  options: AnnotationReadOptions,
): Promise<WebAnnotation> {
  const claim = await findClaim(db, claimId);
  if (!claim) throw new AppError("NOT_FOUND", `No claim with id "${claimId}".`);
  const collection = await readArticleAnnotations(db, claim.articleId, options);
  return annotationOf(collection, claimAnnotationId(options.serverUrl, claimId), options.serverUrl);
}
