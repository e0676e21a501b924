import type { Principal, User } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { authorize } from "../../policy/authorize";
import { listAccounts } from "../../repositories/accountRepository";

/** Every account, oldest first (admin). */
export async function listUsers(db: Db, actor: Principal): Promise<User[]> {
  authorize(actor, "user.list");
  return listAccounts(db);
}
