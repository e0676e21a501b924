import type { PendingInvite, User } from "@factmark/core";
import { unwrap } from "../../lib/ApiError";
import { apiClient, ifMatch } from "../../lib/apiClient";

/** Deactivates an account at the version the admin read: its sessions end, it cannot sign in. */
export function deactivateUser(user: Pick<User, "id" | "version">): Promise<User> {
  return unwrap(apiClient.users[":id"].deactivate.$post({ param: { id: user.id } }, { headers: ifMatch(user) }));
}

/** Lets a deactivated account sign in again. */
export function reactivateUser(user: Pick<User, "id" | "version">): Promise<User> {
  return unwrap(apiClient.users[":id"].reactivate.$post({ param: { id: user.id } }, { headers: ifMatch(user) }));
}

/** The invites nobody has redeemed, revoked or let expire, soonest to expire first. */
export async function fetchPendingInvites(): Promise<PendingInvite[]> {
  const { items } = await unwrap(apiClient.invites.$get());
  return items;
}

/** Revokes a pending invite: its link stops working. */
export async function revokeInvite(invite: Pick<PendingInvite, "id">): Promise<void> {
  await unwrap(apiClient.invites[":id"].$delete({ param: { id: invite.id } }));
}
