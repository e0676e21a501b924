import { z } from "zod";
import { CHANGE_ACTIONS, type ChangeEvent, ZChangeEnvelope, ZChangeEvent } from "../changeLog/ZChangeEvent";
import { ZClaim } from "./claim";
import { ZId, ZList } from "./common";

/** What an entry in the history records: every kind of change the change log knows. */
export const EVENT_ACTIONS = CHANGE_ACTIONS;
export const ZEventAction = z.enum(EVENT_ACTIONS);
export type EventAction = z.infer<typeof ZEventAction>;

/**
 * A history entry as it crosses the wire, `from` and `to` not yet typed: some writers and readers still
 * record and read them as `unknown`. Read one with parseChangeEvent, and word it with describeChangeEvent.
 */
export const ZEvent = ZChangeEnvelope.extend({
  action: ZEventAction,
  from: z.unknown().optional(),
  to: z.unknown().optional(),
});
export type HistoryEvent = z.infer<typeof ZEvent>;

/**
 * The same entry with `from` and `to` typed by its action (ZChangeEvent): what HistoryEvent becomes once
 * every writer records through `changeEvent` and every reader reads the typed values.
 */
export const ZTypedHistoryEvent = ZChangeEvent;
export type TypedHistoryEvent = ChangeEvent;

export const ZEventList = ZList(ZEvent);

/** GET /api/claims/:id/history: newest first, and the entry an undo would revert now (null: nothing). */
export const ZClaimHistory = ZEventList.extend({ undoableEventId: ZId.nullable() });
export type ClaimHistory = z.infer<typeof ZClaimHistory>;

/** POST /api/claims/:id/history/undo: optionally the entry the reviewer saw as undoable, so a newer change is not undone by mistake. */
export const ZUndoRequest = z.strictObject({ eventId: ZId.optional() });
export type UndoRequest = z.infer<typeof ZUndoRequest>;

/** What an undo answers: the entry it reverted, the "claim.undone" entry it recorded, and the claim now. */
export const ZUndoResult = z.object({ undone: ZEvent, event: ZEvent, claim: ZClaim });
export type UndoResult = z.infer<typeof ZUndoResult>;
