import { AppError, type SetupRequest, type User } from "@factmark/core";
import { hashPassword } from "../../auth/password";
import type { Db } from "../../db/createDatabase";
import { type StartedSession, startSession } from "../../domain/startSession";
import { claimFirstAdmin, findAccountByEmail, toUser } from "../../repositories/accountRepository";

/**
 * Makes the first admin, allowed only while no account has a password. The seed's local reviewer
 * becomes that admin (its row gets the email, name and password), so everything it did keeps its author.
 * Signs the admin in.
 */
export async function setupFirstAdmin(
  db: Db,
  request: SetupRequest,
  sessionLifetimeMs: number,
): Promise<{ user: User; session: StartedSession }> {
  const { email, password, name } = request;
  const passwordHash = await hashPassword(password);
  const admin = await db.$transaction(async (tx) => {
    const holder = await findAccountByEmail(tx, email);
    if (holder && holder.passwordHash !== null) throw setupDone();
    return claimFirstAdmin(tx, { email, name, passwordHash });
  });
  if (!admin) throw setupDone();
  return { user: toUser(admin), session: await startSession(db, admin.id, sessionLifetimeMs) };
}

function setupDone(): AppError {
  return new AppError("CONFLICT", "Factmark already has an admin. Sign in, or ask an admin for an invite.");
}
