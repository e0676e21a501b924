import { type Actor, AppError, isAssignableRole, type Role } from "@factmark/core";
import { findAccount } from "../repositories/accountRepository";
import type { DbClient } from "../repositories/articleRepository";

/**
 * The account a claim is to be assigned to: it must exist, be active (not deactivated) and be a reviewer, editor or
 * admin (a viewer cannot work on a claim). UNPROCESSABLE otherwise, naming the field and the reason.
 */
export async function requireAssignee(db: DbClient, accountId: string): Promise<Actor> {
  return checkAssignee(accountId, await findAccount(db, accountId));
}

/**
 * requireAssignee's rule on an account already read (`account`: its row, or null or undefined when there is none),
 * for a writer that reads it with its own statement (sqliteClaimWrites.ts). Throws UNPROCESSABLE as requireAssignee.
 */
export function checkAssignee(
  accountId: string,
  account: { id: string; name: string; role: string; deactivatedAt: unknown } | null | undefined,
): Actor {
  if (!account) {
    throw new AppError("UNPROCESSABLE", `There is no account with id "${accountId}" to assign the claim to.`, {
      field: "assigneeId",
      reason: "unknown_account",
    });
  }
  if (account.deactivatedAt !== null) {
    throw new AppError("UNPROCESSABLE", `${account.name}'s account is deactivated and cannot be assigned a claim.`, {
      field: "assigneeId",
      reason: "deactivated",
    });
  }
  if (!isAssignableRole(account.role as Role)) {
    throw new AppError(
      "UNPROCESSABLE",
      `${account.name} is a ${account.role} and cannot be assigned a claim: assign a reviewer, editor or admin.`,
      { field: "assigneeId", reason: "not_assignable", role: account.role },
    );
  }
  return { id: account.id, name: account.name };
}
