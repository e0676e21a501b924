import { AppError, type Claim } from "@factmark/core";
import type { Db } from "../db/createDatabase";
import type { DbClient } from "../repositories/articleRepository";
import { findClaim } from "../repositories/claimRepository";

/** One live claim; NOT_FOUND otherwise. */
export async function getClaim(db: Db, id: string): Promise<Claim> {
  const { isDeleted: _isDeleted, ...claim } = await requireClaim(db, id);
  return claim;
}

export async function requireClaim(db: DbClient, id: string, options?: { includeDeleted?: boolean }) {
  const claim = await findClaim(db, id, options);
  if (!claim) throw new AppError("NOT_FOUND", `No claim with id "${id}".`);
  return claim;
}
