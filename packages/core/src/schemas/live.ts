import { z } from "zod";
import { ZActor, ZId } from "./common";

/**
 * The article's event stream (GET /api/articles/:id/events, Server-Sent Events). Each SSE event's `event`
 * field names its kind and `data` holds the JSON below:
 * - "hello": the stream is open; `connectionId` names this tab for POST /presence.
 * - "change": one change to the article, in change-number order; the SSE `id` is its change number, so a
 *   client that reconnects with `Last-Event-ID` is sent every change after it and none twice.
 * - "presence": who has the article open now, and the claims they are on.
 * - "signed-out": the session ended (logout, password change, expiry); the stream closes.
 */
export const ZLiveHello = z.object({
  connectionId: z.string(),
  /** The article's change number when the stream opened (or the one it resumed from). */
  changeNumber: z.number().int().nonnegative(),
});
export type LiveHello = z.infer<typeof ZLiveHello>;

export const ZLiveChange = z.object({
  changeNumber: z.number().int().positive(),
  /** The change-log actions the change recorded, in order (see ZChangePayload). */
  actions: z.array(z.string()),
  /** The claims it touched (their own changes, or their links and evidence). */
  claimIds: z.array(ZId),
  by: ZActor,
});
export type LiveChange = z.infer<typeof ZLiveChange>;

export const ZViewer = z.object({
  id: ZId,
  name: z.string(),
  /** The claims this person's open tabs are on; empty while just reading. */
  claimIds: z.array(ZId),
});
export type Viewer = z.infer<typeof ZViewer>;

export const ZLivePresence = z.object({ viewers: z.array(ZViewer) });
export type LivePresence = z.infer<typeof ZLivePresence>;

/** POST /api/articles/:id/presence: the claim a tab (its stream's connectionId) is on now, or none. */
export const ZPresenceUpdate = z.strictObject({
  connectionId: z.string().min(1).max(100),
  claimId: ZId.nullable(),
});
export type PresenceUpdate = z.infer<typeof ZPresenceUpdate>;
