import { AppError } from "@factmark/core";
import type { DbClient } from "../repositories/articleRepository";
import { findEvidence } from "../repositories/evidenceRepository";

/** Evidence that is live and on a live claim, with its claim; NOT_FOUND otherwise. */
export async function requireVisibleEvidence(db: DbClient, id: string) {
  const found = await findEvidence(db, id);
  if (!found || found.isDeleted || found.claim.isDeleted)
    throw new AppError("NOT_FOUND", `No evidence with id "${id}".`);
  return found;
}
