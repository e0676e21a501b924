import type { Assignee, Principal } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { authorize } from "../../policy/authorize";
import { listAssignableAccounts } from "../../repositories/accountRepository";

/** Who a claim may be assigned to: every active reviewer, editor and admin, by name (anyone signed in may ask). */
export async function listAssignees(db: Db, actor: Principal): Promise<Assignee[]> {
  authorize(actor, "article.read");
  return listAssignableAccounts(db);
}
