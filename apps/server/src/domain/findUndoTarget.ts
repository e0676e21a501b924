import type { EventAction, HistoryEvent } from "@factmark/core";
import { z } from "zod";

/** The changes an undo can revert. Creation is not one of them: deleting the claim does that. */
export const UNDOABLE_ACTIONS: ReadonlySet<EventAction> = new Set<EventAction>([
  "claim.verdict_changed",
  "claim.speaker_changed",
  "claim.rationale_changed",
  "claim.deleted",
  "claim.restored",
  "evidence.added",
  "evidence.updated",
  "evidence.removed",
  "link.added",
  "link.removed",
]);

/** What a "claim.undone" entry records in `from`: the entry it reverted. */
export const ZUndoneReference = z.object({ eventId: z.string(), action: z.string() });

/** The ids of the entries that a "claim.undone" entry has reverted. */
export function undoneEventIds(events: readonly HistoryEvent[]): Set<string> {
  const ids = new Set<string>();
  for (const event of events) {
    if (event.action !== "claim.undone") continue;
    const reference = ZUndoneReference.safeParse(event.from);
    if (reference.success) ids.add(reference.data.eventId);
  }
  return ids;
}

/**
 * The entry an undo reverts now: the newest undoable entry not yet undone. Undos pop a stack, so
 * repeated undos walk back through the history. While the claim is deleted, only its deletion can
 * be undone (restoring it), since nothing else about it is in view.
 */
export function findUndoTarget(events: readonly HistoryEvent[], isClaimDeleted: boolean): HistoryEvent | undefined {
  const undone = undoneEventIds(events);
  return events.find(
    (event) =>
      UNDOABLE_ACTIONS.has(event.action) &&
      !undone.has(event.id) &&
      (!isClaimDeleted || event.action === "claim.deleted"),
  );
}
