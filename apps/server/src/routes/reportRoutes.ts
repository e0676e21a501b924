import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../env";

/** /api/articles/:id/report (every export format), its model, and /api/articles/import. */
export function reportRoutes(_deps: AppDeps) {
  return new Hono<AppEnv>();
}
