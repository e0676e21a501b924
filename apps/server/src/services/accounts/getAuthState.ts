import type { AuthState, Principal } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { findAccount, hasAccountWithPassword, toUser } from "../../repositories/accountRepository";

/** Who is signed in (null when no one), and whether the first admin must still be created. */
export async function getAuthState(db: Db, actor: Principal | undefined): Promise<AuthState> {
  const row = actor ? await findAccount(db, actor.id) : null;
  const user = row ? toUser(row) : null;
  return { user, isSetupRequired: user === null && !(await hasAccountWithPassword(db)) };
}
