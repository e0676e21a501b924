import { hashSecretToken, newSecretToken } from "../auth/secretToken";
import type { Db } from "../db/createDatabase";
import { createSession } from "../repositories/sessionRepository";

export interface StartedSession {
  /** The secret for the cookie; only its hash is stored. */
  token: string;
  expiresAt: Date;
}

/** Signs an account in: a new random token, stored as a session row under its hash. */
export async function startSession(db: Db, accountId: string, lifetimeMs: number): Promise<StartedSession> {
  const token = newSecretToken();
  const expiresAt = new Date(Date.now() + lifetimeMs);
  await createSession(db, { id: hashSecretToken(token), accountId, expiresAt });
  return { token, expiresAt };
}
