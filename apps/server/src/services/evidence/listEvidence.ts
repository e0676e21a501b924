import { AppError, type Evidence } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { listEvidenceOfClaim } from "../../repositories/evidenceRepository";

/** The live evidence of a live claim, oldest first. */
export async function listEvidence(db: Db, claimId: string): Promise<Evidence[]> {
  const evidence = await listEvidenceOfClaim(db, claimId);
  if (!evidence) throw new AppError("NOT_FOUND", `No claim with id "${claimId}".`);
  return evidence;
}
