import type { PendingInvite, Principal } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { authorize } from "../../policy/authorize";
import { listOpenInvites } from "../../repositories/inviteRepository";

/** The invites nobody has redeemed, revoked or let expire, soonest to expire first (admin). */
export async function listPendingInvites(db: Db, actor: Principal): Promise<PendingInvite[]> {
  authorize(actor, "invite.list");
  return listOpenInvites(db, new Date());
}
