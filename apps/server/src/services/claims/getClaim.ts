import type { Claim } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { requireClaim } from "../../domain/requireClaim";

/** One live claim; NOT_FOUND otherwise. */
export async function getClaim(db: Db, id: string): Promise<Claim> {
  const { isDeleted: _isDeleted, ...claim } = await requireClaim(db, id);
  return claim;
}
