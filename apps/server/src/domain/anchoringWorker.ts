import {
  type AnnotationDocumentEntry,
  findNearestMatch,
  type NearestMatch,
  type PlannedItem,
  planAnnotationEntries,
  type ReanchorResult,
  reanchorAll,
  type Selectors,
} from "@factmark/core";
import { workerTask } from "../work/workerTask";

export { warm } from "../work/warm";

/**
 * The anchoring a request runs on a worker thread of the heavy-work pool (see reanchorArticleClaims.ts,
 * findClaimNearestMatch.ts and importAnnotations.ts, which send them): fuzzy searches through long texts, bounded
 * by core's budgets but still too slow for the event loop.
 */

/** Core's reanchorAll: one result per claim, in order, with one shared search budget. */
export const reanchorClaims = workerTask(
  (input: { claims: { selectors: Selectors }[]; oldText: string; newText: string }): ReanchorResult[] =>
    reanchorAll(input.claims, input.oldText, input.newText),
);

/** Core's findNearestMatch; null when nothing comes close. */
export const findNearestPlace = workerTask(
  (input: { selectors: Selectors; text: string }): NearestMatch | null =>
    findNearestMatch(input.selectors, input.text) ?? null,
);

/**
 * Core's planAnnotationEntries: every annotation of a Web Annotation document, as readAnnotationDocument read it on
 * the main thread, placed on the article's text, in the document's order. The entries are sent, not the document:
 * an annotation nested past MAX_ANNOTATION_DEPTH is left out of them, so the structured clone that carries them here
 * (which recurses) never meets it. Its VALIDATION_FAILED (more evidence than one import holds) arrives on the main
 * thread as the same AppError.
 */
export const planAnnotations = workerTask(
  (input: { text: string; entries: AnnotationDocumentEntry[] }): PlannedItem[] =>
    planAnnotationEntries(input.text, input.entries),
);
