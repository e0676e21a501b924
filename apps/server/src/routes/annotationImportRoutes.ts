import type { ApiDeps } from "../env";
import { createRouter } from "./createRouter";

/** Importing foreign Web Annotations onto an existing article (issue 17): `POST /api/articles/:id/annotations/import`. */
export function annotationImportRoutes(_deps: ApiDeps) {
  return createRouter();
}
