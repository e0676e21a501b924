import { hashSecretToken } from "../../auth/secretToken";
import type { Db } from "../../db/createDatabase";
import { revokeSession } from "../../repositories/sessionRepository";

/** Revokes the session a cookie names: the token stops working at once, on every server. */
export async function logOut(db: Db, sessionToken: string | undefined): Promise<void> {
  if (sessionToken) await revokeSession(db, hashSecretToken(sessionToken), new Date());
}
