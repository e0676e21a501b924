import { AppError, type InviteAccept, type InviteInfo, type Role, type User } from "@factmark/core";
import { hashPassword } from "../../auth/password";
import { hashSecretToken } from "../../auth/secretToken";
import type { Db } from "../../db/createDatabase";
import { type StartedSession, startSession } from "../../domain/startSession";
import { createAccount, findAccountByEmail, toUser } from "../../repositories/accountRepository";
import { findOpenInvite, markInviteUsed } from "../../repositories/inviteRepository";

/** What an open invite offers, for the accept page; a used, expired or unknown token is NOT_FOUND alike. */
export async function getInvite(db: Db, token: string): Promise<InviteInfo> {
  const invite = await findOpenInvite(db, hashSecretToken(token), new Date());
  if (!invite) throw inviteGone();
  return { role: invite.role as Role, email: invite.email, expiresAt: invite.expiresAt.toISOString() };
}

/**
 * Redeems an invite: makes the account with the invite's role and signs it in. The invite is marked used
 * in the same transaction, by a conditional write, so a link makes one account even when raced.
 */
export async function acceptInvite(
  db: Db,
  token: string,
  request: InviteAccept,
  sessionLifetimeMs: number,
): Promise<{ user: User; session: StartedSession }> {
  const { name, password, email: givenEmail } = request;
  const id = hashSecretToken(token);
  const invite = await findOpenInvite(db, id, new Date());
  if (!invite) throw inviteGone();
  const email = invite.email ?? givenEmail;
  if (!email) throw new AppError("VALIDATION_FAILED", "Give the email address you will sign in with.");
  if (invite.email && givenEmail && givenEmail !== invite.email) {
    throw new AppError("VALIDATION_FAILED", "This invite is for another email address.");
  }
  const passwordHash = await hashPassword(password);
  const reviewer = await db.$transaction(async (tx) => {
    if (await findAccountByEmail(tx, email)) {
      throw new AppError("CONFLICT", "Someone already has an account with this email. Sign in instead.");
    }
    if (!(await markInviteUsed(tx, id, new Date()))) throw inviteGone();
    return createAccount(tx, { name, email, role: invite.role as Role, passwordHash });
  });
  return { user: toUser(reviewer), session: await startSession(db, reviewer.id, sessionLifetimeMs) };
}

function inviteGone(): AppError {
  return new AppError("NOT_FOUND", "This invite link is not valid: it was used, it expired, or it never existed.");
}
