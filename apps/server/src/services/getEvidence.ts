import { AppError, type Evidence } from "@factmark/core";
import type { Db } from "../db/createDatabase";
import type { DbClient } from "../repositories/articleRepository";
import { findEvidence } from "../repositories/evidenceRepository";

/** One visible piece of evidence (live, on a live claim); NOT_FOUND otherwise. */
export async function getEvidence(db: Db, id: string): Promise<Evidence> {
  return (await requireVisibleEvidence(db, id)).evidence;
}

export async function requireVisibleEvidence(db: DbClient, id: string) {
  const found = await findEvidence(db, id);
  if (!found || found.isDeleted || found.claim.isDeleted)
    throw new AppError("NOT_FOUND", `No evidence with id "${id}".`);
  return found;
}
