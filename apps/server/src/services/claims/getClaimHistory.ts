import { AppError, type ClaimHistory } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { findUndoTarget, undoneEventIds } from "../../domain/findUndoTarget";
import { findClaimHistory } from "../../repositories/eventRepository";

/**
 * A claim's history, newest first, each entry marked when it was undone, and the entry an undo
 * would revert now. Deleted claims have a history too: that is where their deletion is undone.
 */
export async function getClaimHistory(db: Db, claimId: string): Promise<ClaimHistory> {
  const found = await findClaimHistory(db, claimId);
  if (!found) throw new AppError("NOT_FOUND", `No claim with id "${claimId}".`);
  const undone = undoneEventIds(found.events);
  return {
    items: found.events.map((event) => ({ ...event, isUndone: undone.has(event.id) })),
    undoableEventId: findUndoTarget(found.events, found.isDeleted)?.id ?? null,
  };
}
