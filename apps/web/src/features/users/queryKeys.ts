import { authKeys } from "../auth/queryKeys";

/** Query keys of what admins manage beside the accounts (which live under authKeys.users()). */
export const usersKeys = {
  pendingInvites: () => [...authKeys.all, "invites", "pending"] as const,
};
