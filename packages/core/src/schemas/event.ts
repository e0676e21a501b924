import { z } from "zod";
import { ZClaim } from "./claim";
import { ZActor, ZId, ZList, ZTimestamp } from "./common";

/** What an entry in the history records. */
export const EVENT_ACTIONS = [
  "article.created",
  "article.updated",
  "article.deleted",
  "claim.created",
  "claim.verdict_changed",
  "claim.speaker_changed",
  "claim.rationale_changed",
  "claim.deleted",
  "claim.restored",
  "claim.reanchored",
  "claim.orphaned",
  "claim.anchor_confirmed",
  "evidence.added",
  "evidence.updated",
  "evidence.removed",
  "link.added",
  "link.removed",
  "claim.undone",
  "article.imported",
  "claim.imported",
] as const;
export const ZEventAction = z.enum(EVENT_ACTIONS);
export type EventAction = z.infer<typeof ZEventAction>;

export const ZEvent = z.object({
  id: ZId,
  at: ZTimestamp,
  by: ZActor,
  action: ZEventAction,
  claimId: z.string().nullable(),
  /** The article's change number of the write that recorded this entry (entries of one write share it). */
  changeNumber: z.number().int().nonnegative().optional(),
  from: z.unknown().optional(),
  to: z.unknown().optional(),
  /** Whether a later "claim.undone" entry reverted this one. */
  isUndone: z.boolean().optional(),
});
export type HistoryEvent = z.infer<typeof ZEvent>;

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
