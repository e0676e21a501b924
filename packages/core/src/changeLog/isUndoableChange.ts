import type { ReadChangeEvent } from "./parseChangeEvent";
import { UNDOABLE_CHANGE_ACTIONS, type UndoableChangeAction, type UndoableChangeEvent } from "./ZChangeEvent";

const UNDOABLE: ReadonlySet<string> = new Set<UndoableChangeAction>(UNDOABLE_CHANGE_ACTIONS);

/** Whether an undo can revert this change: an edit, deletion or restoring of a claim, its evidence or its links. */
export function isUndoableChange(event: ReadChangeEvent): event is UndoableChangeEvent {
  return UNDOABLE.has(event.action);
}
