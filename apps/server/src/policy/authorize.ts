import { type Action, AppError, isAllowed, type Principal } from "@factmark/core";

/**
 * The one permission check: services call it before they read or write. The table of which role may
 * take which action is `ACTION_MINIMUM_ROLE` in core, which the web app reads too to hide what a role
 * cannot do; this is where the server enforces it.
 */
export function authorize(actor: Principal, action: Action): void {
  if (!isAllowed(actor.role, action)) {
    throw new AppError("FORBIDDEN", `Your role (${actor.role}) may not do this (${action}).`, {
      action,
      role: actor.role,
    });
  }
}
