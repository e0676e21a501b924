import { type Action, isAllowed } from "@factmark/core";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { authorize } from "../policy/authorize";

/**
 * Refuses (403 FORBIDDEN, as `authorize` words it) a request whose role may do none of `actions`, before its body is
 * read or validated: a viewer's 8 MB document or 150,000-field form costs nothing beyond the session check. Put it
 * first in a route's middleware, before its body policy. The service still authorizes what the body asks for (which
 * of the actions applies may depend on it); this only stops a role that could not be allowed any.
 */
export function authorizeFirst(...actions: [Action, ...Action[]]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get("actor");
    if (!actions.some((action) => isAllowed(actor.role, action))) authorize(actor, actions[0]);
    await next();
  };
}
