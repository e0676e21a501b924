import type { ApiDeps } from "../env";
import { createRouter } from "./createRouter";

/** /api/me: what is assigned to the signed-in account across articles (A fills it). */
export function meRoutes(_deps: ApiDeps) {
  return createRouter();
}
