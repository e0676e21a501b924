import { AppError, type NewsroomSpeakerDetail, type Principal } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { authorize } from "../../policy/authorize";
import { findSpeaker, mergeSpeakerRows } from "../../repositories/newsroomSpeakerRepository";
import { readNewsroomSpeaker } from "./getNewsroomSpeaker";
import { inSpeakersTransaction } from "./inSpeakersTransaction";

/**
 * Merges a newsroom speaker into another (claim.edit: reviewers and up), in one transaction: its aliases, and so its
 * claims, become `intoId`'s, which keeps its name and its kind (or takes this one's when it has none); this speaker
 * is deleted. No claim changes: each keeps its spelling. Answers the speaker merged into. VALIDATION_FAILED for a
 * speaker merged into itself; NOT_FOUND when either is not there.
 */
export async function mergeNewsroomSpeaker(
  db: Db,
  actor: Principal,
  id: string,
  intoId: string,
): Promise<NewsroomSpeakerDetail> {
  authorize(actor, "claim.edit");
  if (id === intoId) throw new AppError("VALIDATION_FAILED", "A speaker cannot be merged into itself.");
  return inSpeakersTransaction(db, async (tx) => {
    const from = await findSpeaker(tx, id);
    if (!from) throw new AppError("NOT_FOUND", `No speaker with id "${id}".`);
    const into = await findSpeaker(tx, intoId);
    if (!into) throw new AppError("NOT_FOUND", `No speaker with id "${intoId}" to merge into.`);
    await mergeSpeakerRows(tx, from, into, new Date());
    return readNewsroomSpeaker(tx, intoId);
  });
}
