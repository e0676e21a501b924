import { z } from "zod";
import { type ReadChangeEvent, ZReadChangeEvent } from "../changeLog/parseChangeEvent";
import { CHANGE_ACTIONS } from "../changeLog/ZChangeEvent";
import { ZClaim } from "./claim";
import { ZId, ZList } from "./common";

/**
 * What a history entry says it records: every kind of change the change log knows, and "unreadable",
 * a stored row this code cannot read (see parseChangeEvent).
 */
export const EVENT_ACTIONS = [...CHANGE_ACTIONS, "unreadable"] as const;
export const ZEventAction = z.enum(EVENT_ACTIONS);
export type EventAction = z.infer<typeof ZEventAction>;

/**
 * A history entry as it crosses the wire: the change event, `from` and `to` typed by its action
 * (ZChangeEvent), or a row no shape fits, kept as unreadable so a history or report is never short of
 * it. The server reads its rows with parseChangeEvent; describeChangeEvent words them.
 */
export const ZEvent = ZReadChangeEvent;
export type HistoryEvent = ReadChangeEvent;

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
