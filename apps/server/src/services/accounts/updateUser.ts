import { AppError, type Principal, type User, type UserUpdate } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { preconditionFailed } from "../../domain/preconditionFailed";
import { authorize } from "../../policy/authorize";
import {
  countAdmins,
  findAccount,
  lockAdmins,
  toUser,
  updateAccountIfVersion,
} from "../../repositories/accountRepository";
import { requireStillAdmin } from "./requireStillAdmin";

/**
 * Changes an account's role or name (admin), if it is still at the version the admin read. The last
 * admin who can sign in keeps the role, so Factmark is never left without one. A new role applies to
 * the account's next request: sessions read the role from the account each time.
 *
 * Role changes are serialised: each takes the admins' row locks (lockAdmins) before it counts, so two
 * admins demoting each other on two servers at once leave one admin (the second gets CONFLICT), and an
 * admin demoted or deactivated while their request was on its way is refused (FORBIDDEN).
 */
export async function updateUser(
  db: Db,
  actor: Principal,
  id: string,
  expectedVersion: number,
  update: UserUpdate,
): Promise<User> {
  authorize(actor, "user.edit");
  const change = update;
  return db.$transaction(async (tx) => {
    if (change.role !== undefined) await lockAdmins(tx);
    const current = await findAccount(tx, id);
    if (!current) throw new AppError("NOT_FOUND", "No such user.");
    if (current.version !== expectedVersion) throw preconditionFailed("user", toUser(current));
    const isDemotingAnAdmin = current.role === "admin" && change.role !== undefined && change.role !== "admin";
    const isCountedAdmin = current.passwordHash !== null && current.deactivatedAt === null;
    if (isDemotingAnAdmin && isCountedAdmin && (await countAdmins(tx)) <= 1) {
      throw new AppError("CONFLICT", "This is the last admin. Make someone else an admin first.");
    }
    if (change.role !== undefined) await requireStillAdmin(tx, actor);
    const updated = await updateAccountIfVersion(tx, id, expectedVersion, change);
    if (!updated) throw preconditionFailed("user", toUser(current));
    return toUser(updated);
  });
}
