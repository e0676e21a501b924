import { MY_WORK_LIMIT, type Principal, type WorkItem } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { authorize } from "../../policy/authorize";
import { listWorkOfAssignee } from "../../repositories/claimRepository";

/**
 * "My work": the live claims assigned to the signed-in account that are not approved yet, across articles, the
 * most recently changed first, each with its article's id and title; at most MY_WORK_LIMIT (500) of them.
 */
export async function listMyWork(db: Db, actor: Principal): Promise<WorkItem[]> {
  authorize(actor, "article.read");
  return listWorkOfAssignee(db, actor.id, MY_WORK_LIMIT);
}
