import type { ApiDeps } from "../env";
import { createRouter } from "./createRouter";

/** /api/articles/:id/publications: publish, list, retract (B2 fills it). */
export function publicationRoutes(_deps: ApiDeps) {
  return createRouter();
}
