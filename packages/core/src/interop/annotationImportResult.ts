import { z } from "zod";

/**
 * What became of one slot of an imported Web Annotation document, in the document's order:
 * - `anchored`: a claim was made on the passage (`claimId`);
 * - `orphaned`: its quote is not in the article (or not in one place); a claim was kept as an orphan (`claimId`), for
 *   a reviewer to attach, as a claim orphaned by an edit is;
 * - `linked`: a link annotation whose two ends are claims of this article (annotations of the same document that
 *   were anchored, or claims the article has, named by their exported id `…/annotations/claims/<claimId>`); the
 *   link was stored (`linkId`);
 * - `skipped`: nothing was stored (not about text, a reply, a link whose ends are not both claims here or that the
 *   pair holds already, a page given only by its address, a field Factmark cannot keep).
 * `reason` says why in words: which selector placed it, when the quote won over a disagreeing position, what was
 * wrong.
 */
export const ZAnnotationImportItem = z.object({
  /** Where it is in the document: "" for a lone annotation, "3", "first.next.items.0", "rows.2". */
  path: z.string(),
  /** The annotation's own `id`, when it has one. */
  annotationId: z.string().nullable(),
  outcome: z.enum(["anchored", "orphaned", "linked", "skipped"]),
  /** The claim an anchored or orphaned item made; null otherwise. */
  claimId: z.string().nullable(),
  /** The link a linked item made; null otherwise. */
  linkId: z.string().nullable(),
  reason: z.string(),
});
export type AnnotationImportItem = z.infer<typeof ZAnnotationImportItem>;

/** The answer of `POST /api/articles/:id/annotations/import`: counts, then every item in the document's order. */
export const ZAnnotationImportResult = z.object({
  articleId: z.string(),
  anchored: z.number().int().nonnegative(),
  orphaned: z.number().int().nonnegative(),
  linked: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  items: z.array(ZAnnotationImportItem),
});
export type AnnotationImportResult = z.infer<typeof ZAnnotationImportResult>;

export const ZAnnotationImportQuery = z.object({
  /** "true": any item that would be orphaned or skipped refuses the whole import (422 naming each), nothing stored. */
  strict: z.enum(["true", "false"]).optional(),
});
