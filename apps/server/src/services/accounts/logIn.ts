import { AppError, type User } from "@factmark/core";
import { decoyPasswordHash, verifyPassword } from "../../auth/password";
import type { Db } from "../../db/createDatabase";
import { type StartedSession, startSession } from "../../domain/startSession";
import { findAccountByEmail, toUser } from "../../repositories/accountRepository";

/**
 * Checks an email and password and signs the account in. Every failure looks the same: one message,
 * and no sooner than `failureFloorMs` after the attempt began, an unknown email verifying a decoy hash
 * as a wrong password would, so neither the answer nor its timing tells whether an account exists.
 * A deactivated account with the right password is told so ("This account is deactivated"), after the same
 * work and delay: only its owner learns it, and they stop doubting their password and ask an admin instead.
 */
export async function logIn(
  db: Db,
  credentials: { email: string; password: string },
  options: { sessionLifetimeMs: number; failureFloorMs: number },
): Promise<{ user: User; session: StartedSession }> {
  const startedAt = Date.now();
  const reviewer = await findAccountByEmail(db, credentials.email);
  const isMatch = await verifyPassword(credentials.password, reviewer?.passwordHash ?? (await decoyPasswordHash()));
  if (!reviewer || reviewer.passwordHash === null || !isMatch) {
    await sleep(options.failureFloorMs - (Date.now() - startedAt));
    throw new AppError("UNAUTHENTICATED", "The email or password is not right.");
  }
  if (reviewer.deactivatedAt !== null) {
    await sleep(options.failureFloorMs - (Date.now() - startedAt));
    throw new AppError("UNAUTHENTICATED", "This account is deactivated. Ask an admin to reactivate it.", {
      reason: "deactivated",
    });
  }
  return { user: toUser(reviewer), session: await startSession(db, reviewer.id, options.sessionLifetimeMs) };
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
