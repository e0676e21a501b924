import { AppError, type PasswordChange, type Principal } from "@factmark/core";
import { hashPassword, verifyPassword } from "../../auth/password";
import { hashSecretToken } from "../../auth/secretToken";
import type { Db } from "../../db/createDatabase";
import { findAccount, setPasswordHash } from "../../repositories/accountRepository";
import { revokeOtherSessions } from "../../repositories/sessionRepository";

/**
 * Changes the signed-in account's password after checking the current one, and signs out every other
 * session of the account (a stolen cookie stops working); the session that asked stays signed in.
 * A wrong current password answers no sooner than `failureFloorMs` after the attempt began, as a failed
 * login does, so whoever holds a stolen session guesses no faster here than at the login.
 */
export async function changePassword(
  db: Db,
  actor: Principal,
  sessionToken: string,
  change: PasswordChange,
  options: { failureFloorMs: number },
): Promise<{ revokedSessions: number }> {
  const startedAt = Date.now();
  const { currentPassword, newPassword } = change;
  const reviewer = await findAccount(db, actor.id);
  if (!reviewer?.passwordHash || !(await verifyPassword(currentPassword, reviewer.passwordHash))) {
    await sleep(options.failureFloorMs - (Date.now() - startedAt));
    throw new AppError("FORBIDDEN", "The current password is not right.");
  }
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    await setPasswordHash(tx, actor.id, passwordHash);
    const revokedSessions = await revokeOtherSessions(tx, actor.id, hashSecretToken(sessionToken), new Date());
    return { revokedSessions };
  });
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
