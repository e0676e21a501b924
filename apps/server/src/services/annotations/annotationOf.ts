import { type AnnotationCollection, AppError, standaloneAnnotation, type WebAnnotation } from "@factmark/core";

/**
 * The annotation whose id is `id` in an article's collection, alone with its `@context`; NOT_FOUND when the
 * collection does not have it (a claim or link the report leaves out).
 */
export function annotationOf(collection: AnnotationCollection, id: string, serverUrl: string): WebAnnotation {
  const item = collection.first.items.find((candidate) => candidate.id === id);
  if (!item) throw new AppError("NOT_FOUND", `No annotation ${id}.`);
  return standaloneAnnotation(item, serverUrl);
}
