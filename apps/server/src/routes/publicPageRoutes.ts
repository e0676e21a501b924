import type { AppDeps } from "../env";
import { createRouter } from "./createRouter";

/** /fact-checks/:slug[/claims/:n][?version=k]: the published fact-checks, open to anyone (B2 fills it). */
export function publicPageRoutes(_deps: AppDeps) {
  return createRouter();
}
