import { AppError, type Principal, type User } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { preconditionFailed } from "../../domain/preconditionFailed";
import { authorize } from "../../policy/authorize";
import { findAccount, setAccountDeactivatedIfVersion, toUser } from "../../repositories/accountRepository";

/**
 * Reactivates a deactivated account (admin), if it is still at the version the admin read: it signs in again
 * with its password (its old sessions stay ended). CONFLICT when it is not deactivated.
 */
export async function reactivateUser(db: Db, actor: Principal, id: string, expectedVersion: number): Promise<User> {
  authorize(actor, "user.deactivate");
  return db.$transaction(async (tx) => {
    const current = await findAccount(tx, id);
    if (!current) throw new AppError("NOT_FOUND", "No such user.");
    if (current.version !== expectedVersion) throw preconditionFailed("user", toUser(current));
    if (current.deactivatedAt === null) {
      throw new AppError("CONFLICT", `${current.name}'s account is not deactivated.`, {
        reason: "not_deactivated",
        current: toUser(current),
      });
    }
    const updated = await setAccountDeactivatedIfVersion(tx, id, expectedVersion, null);
    if (!updated) throw preconditionFailed("user", toUser(current));
    return toUser(updated);
  });
}
