import { AppError, type Principal } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { authorize } from "../../policy/authorize";
import { revokeOpenInvite } from "../../repositories/inviteRepository";

/**
 * Revokes a pending invite (admin): its link answers 404 from now on, as a used one does. NOT_FOUND when no
 * invite with this id is pending (used, revoked, expired or unknown alike). One conditional write, so a
 * revoke racing a redemption ends with exactly one of them.
 */
export async function revokeInvite(db: Db, actor: Principal, id: string): Promise<void> {
  authorize(actor, "invite.revoke");
  if (!(await revokeOpenInvite(db, id, new Date()))) {
    throw new AppError("NOT_FOUND", "No pending invite with this id: it was used, revoked or expired.");
  }
}
