import { AppError, type Evidence, type Principal } from "@factmark/core";
import { inArticleLine } from "../../db/articleWriteLine";
import type { Db } from "../../db/createDatabase";
import { requireVisibleEvidence } from "../../domain/requireVisibleEvidence";
import { setEvidenceDeleted } from "../../domain/setEvidenceDeleted";
import { authorize } from "../../policy/authorize";
import { findEvidence } from "../../repositories/evidenceRepository";

/** Removes a piece of evidence so it can be restored; If-Match is checked when given. Answers it as it was. */
export async function deleteEvidence(
  db: Db,
  actor: Principal,
  id: string,
  expectedVersion?: number,
): Promise<Evidence> {
  authorize(actor, "evidence.delete");
  return inArticleLine(db, { evidenceId: id }, () =>
    db.$transaction(async (tx) => {
      const found = await requireVisibleEvidence(tx, id);
      return setEvidenceDeleted(tx, actor, found, true, new Date(), { expectedVersion, isRecorded: true });
    }),
  );
}

/** Brings back removed evidence (undo); its claim must be live. */
export async function restoreEvidence(
  db: Db,
  actor: Principal,
  id: string,
  expectedVersion?: number,
): Promise<Evidence> {
  authorize(actor, "evidence.delete");
  return inArticleLine(db, { evidenceId: id }, () =>
    db.$transaction(async (tx) => {
      const found = await findEvidence(tx, id);
      if (!found || found.claim.isDeleted) throw new AppError("NOT_FOUND", `No evidence with id "${id}".`);
      return setEvidenceDeleted(tx, actor, found, false, new Date(), { expectedVersion, isRecorded: true });
    }),
  );
}
