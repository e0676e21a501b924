import { AppError, type Principal, type User } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { preconditionFailed } from "../../domain/preconditionFailed";
import { authorize } from "../../policy/authorize";
import {
  countAdmins,
  findAccount,
  lockAdmins,
  setAccountDeactivatedIfVersion,
  toUser,
} from "../../repositories/accountRepository";
import { revokeOpenInvitesBy } from "../../repositories/inviteRepository";
import { revokeAllSessions } from "../../repositories/sessionRepository";
import { requireStillAdmin } from "./requireStillAdmin";

/**
 * Deactivates an account (admin), if it is still at the version the admin read: every session of it ends at
 * once, the invites it made and nobody redeemed are revoked, it can no longer sign in nor be assigned a claim, and
 * what it did keeps its name in the history.
 * Refused with CONFLICT for oneself, for an account already deactivated, and for the last admin who can sign
 * in (counted under the admins' row locks, so two admins deactivating each other at once leave one).
 */
export async function deactivateUser(db: Db, actor: Principal, id: string, expectedVersion: number): Promise<User> {
  authorize(actor, "user.deactivate");
  if (id === actor.id) {
    throw new AppError("CONFLICT", "You cannot deactivate your own account. Ask another admin.", {
      reason: "self",
    });
  }
  return db.$transaction(async (tx) => {
    await lockAdmins(tx);
    const current = await findAccount(tx, id);
    if (!current) throw new AppError("NOT_FOUND", "No such user.");
    if (current.version !== expectedVersion) throw preconditionFailed("user", toUser(current));
    if (current.deactivatedAt !== null) {
      throw new AppError("CONFLICT", `${current.name}'s account is already deactivated.`, {
        reason: "already_deactivated",
        current: toUser(current),
      });
    }
    const isCountedAdmin = current.role === "admin" && current.passwordHash !== null;
    if (isCountedAdmin && (await countAdmins(tx)) <= 1) {
      throw new AppError("CONFLICT", "This is the last admin. Make someone else an admin first.", {
        reason: "last_admin",
      });
    }
    await requireStillAdmin(tx, actor);
    const now = new Date();
    const updated = await setAccountDeactivatedIfVersion(tx, id, expectedVersion, now);
    if (!updated) throw preconditionFailed("user", toUser(current));
    await revokeAllSessions(tx, id, now);
    await revokeOpenInvitesBy(tx, id, now);
    return toUser(updated);
  });
}
