import { type Action, isAllowed, type User } from "@factmark/core";

/**
 * Whether a user may take an action, by the same table the server enforces (core's ACTION_MINIMUM_ROLE).
 * Use it to hide what a role cannot do; the server refuses it anyway.
 */
export function can(user: Pick<User, "role"> | null | undefined, action: Action): boolean {
  return user ? isAllowed(user.role, action) : false;
}
