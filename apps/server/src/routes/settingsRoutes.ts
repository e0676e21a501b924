import type { ApiDeps } from "../env";
import { createRouter } from "./createRouter";

/** /api/settings: the newsroom's settings, and /api/assignees: who can be assigned a claim (A fills it). */
export function settingsRoutes(_deps: ApiDeps) {
  return createRouter();
}
