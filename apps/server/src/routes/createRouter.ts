import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { rejectInvalidRequest } from "../middleware/rejectInvalidRequest";

/** A sub-app whose routes describe themselves (`.openapi(createRoute({...}), handler)`) and validate the same way. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: rejectInvalidRequest });
}
