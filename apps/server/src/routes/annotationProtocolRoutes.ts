import type { ApiDeps } from "../env";
import { createRouter } from "./createRouter";

/**
 * The Web Annotation Protocol's read side and Factmark's JSON-LD context (issue 17), outside /api: every exported
 * annotation `id` resolves here.
 */
export function annotationProtocolRoutes(_deps: ApiDeps) {
  return createRouter();
}
