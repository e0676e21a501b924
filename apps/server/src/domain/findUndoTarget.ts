import { type HistoryEvent, isUndoableChange, UNDOABLE_CHANGE_ACTIONS } from "@factmark/core";

// The events come read by parseChangeEvent (toHistoryEvent), so an undo row of any age is a typed
// "claim.undone" naming what it reverted: old rows `{ eventId, action }`, newer ones with the values too.

const UNDOABLE: ReadonlySet<string> = new Set(UNDOABLE_CHANGE_ACTIONS);

/** The ids of the entries that a "claim.undone" entry has reverted. */
export function undoneEventIds(events: readonly HistoryEvent[]): Set<string> {
  const ids = new Set<string>();
  for (const event of events) {
    if (event.action === "claim.undone") ids.add(event.from.eventId);
  }
  return ids;
}

/**
 * The entry an undo reverts now: the newest undoable entry not yet undone. Undos pop a stack, so
 * repeated undos walk back through the history. While the claim is deleted, only its deletion can
 * be undone (restoring it), since nothing else about it is in view. A row stored with an undoable
 * action whose values do not read stays in its place on the stack: the undo refuses it rather than
 * revert an older change past it.
 */
export function findUndoTarget(events: readonly HistoryEvent[], isClaimDeleted: boolean): HistoryEvent | undefined {
  const undone = undoneEventIds(events);
  return events.find((event) => {
    const action = event.action === "unreadable" ? event.storedAction : event.action;
    const isUndoable = isUndoableChange(event) || UNDOABLE.has(action);
    return isUndoable && !undone.has(event.id) && (!isClaimDeleted || action === "claim.deleted");
  });
}
