import { AppError, type Principal } from "@factmark/core";
import { isActiveAdmin } from "../../repositories/accountRepository";
import type { DbClient } from "../../repositories/articleRepository";

/**
 * Refuses (FORBIDDEN) an actor who stopped being an admin who can sign in after their request was
 * authenticated: demoted or deactivated by another admin meanwhile. Call it after lockAdmins, inside the
 * transaction, so the answer holds until the commit.
 */
export async function requireStillAdmin(tx: DbClient, actor: Principal): Promise<void> {
  if (!(await isActiveAdmin(tx, actor.id))) {
    throw new AppError("FORBIDDEN", "You are no longer an admin: another admin changed your account meanwhile.", {
      role: actor.role,
    });
  }
}
