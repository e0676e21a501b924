import {
  findNearestMatch,
  type NearestMatch,
  type PlannedItem,
  planAnnotationImport,
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
 * Core's planAnnotationImport: every annotation of a Web Annotation document read and placed on the article's text,
 * in the document's order. Its VALIDATION_FAILED (a document of no Web Annotation shape, over the limits) arrives
 * on the main thread as the same AppError.
 */
export const planAnnotations = workerTask((input: { text: string; document: unknown }): PlannedItem[] =>
  planAnnotationImport(input.text, input.document),
);
