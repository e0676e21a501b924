import { type AnnotationImportResult, ZAnnotationImportResult } from "@factmark/core";
import { ApiError, unwrap } from "../../lib/ApiError";
import { apiClient } from "../../lib/apiClient";

/**
 * POST /api/articles/:id/annotations/import: adds the annotations of a W3C Web Annotation document (already parsed
 * JSON) to the article, and answers what became of each item. `isStrict`: any item that would not anchor or link
 * refuses the whole document (422), storing nothing.
 */
export async function importAnnotations(
  articleId: string,
  document: unknown,
  { isStrict }: { isStrict: boolean },
): Promise<AnnotationImportResult> {
  const response = apiClient.articles[":id"].annotations.import.$post({
    param: { id: articleId },
    query: isStrict ? { strict: "true" } : {},
    json: document,
  });
  // Checked, not cast: the page lists every item and links each claim by its id.
  const parsed = ZAnnotationImportResult.safeParse(await unwrap(response));
  if (!parsed.success) throw new ApiError(200, "INTERNAL", "The server answered an import this page cannot read.");
  return parsed.data;
}
