import { type Action, isAllowed } from "@factmark/core";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { authorize } from "../policy/authorize";

/**
 * Refuses (403 FORBIDDEN, as `authorize` words it) a request whose role may not take `action` before its body is
 * validated: a viewer's 8 MB document or 150,000-field form costs nothing beyond the session check. Put it in a
 * route's middleware before its validators. When the action depends on what the body asks (an article's PATCH:
 * editing the text or only its conclusion), pass a function of the JSON body and put it after the body policy
 * (acceptJson), which limits the body first: the body is then parsed (cheap) but not validated (the dear part) for a
 * role that may not. A body that is not JSON is left to the validator's 400. The service still authorizes.
 */
export function authorizeFirst(action: Action | ((body: unknown) => Action)): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get("actor");
    if (typeof action === "string") {
      authorize(actor, action);
      return next();
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return next();
    }
    const asked = action(body);
    if (!isAllowed(actor.role, asked)) authorize(actor, asked);
    await next();
  };
}
