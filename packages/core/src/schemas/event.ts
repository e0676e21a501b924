import { z } from "zod";
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
  "evidence.added",
  "evidence.updated",
  "evidence.removed",
  "link.added",
  "link.removed",
] as const;
export const ZEventAction = z.enum(EVENT_ACTIONS);
export type EventAction = z.infer<typeof ZEventAction>;

export const ZEvent = z.object({
  id: ZId,
  at: ZTimestamp,
  by: ZActor,
  action: ZEventAction,
  claimId: z.string().nullable(),
  from: z.unknown().optional(),
  to: z.unknown().optional(),
});
export type HistoryEvent = z.infer<typeof ZEvent>;

export const ZEventList = ZList(ZEvent);
