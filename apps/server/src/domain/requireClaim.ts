import { AppError } from "@factmark/core";
import type { DbClient } from "../repositories/articleRepository";
import { findClaim } from "../repositories/claimRepository";

/** A claim with its selectors and `isDeleted` (deleted ones only with `includeDeleted`); NOT_FOUND otherwise. */
export async function requireClaim(db: DbClient, id: string, options?: { includeDeleted?: boolean }) {
  const claim = await findClaim(db, id, options);
  if (!claim) throw new AppError("NOT_FOUND", `No claim with id "${id}".`);
  return claim;
}
