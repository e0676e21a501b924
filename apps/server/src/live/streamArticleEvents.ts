import type { HistoryEvent, LiveChange, Principal } from "@factmark/core";
import type { SSEStreamingApi } from "hono/streaming";
import type { Db } from "../db/createDatabase";
import { listEventsSince } from "../repositories/eventRepository";
import { findSessionPrincipal } from "../repositories/sessionRepository";
import { announcePresence } from "./announcePresence";
import { type ChangeHint, onChange } from "./changeHints";
import { findConnection, listViewers, newConnectionId, onPresenceChange, PRESENCE_REFRESH_MS } from "./presence";

/** A hint can arrive before its change commits (SQLite): read again after these waits, in ms. */
const REREAD_AFTER_MS = [20, 60, 200, 600];

export interface ArticleEventStreamOptions {
  db: Db;
  articleId: string;
  actor: Principal;
  /** The hashed session id, checked on every wake: a revoked session's stream closes. */
  sessionId: string;
  /** The change number the client has seen: it is sent every change after it. */
  since: number;
  /** How often the stream re-announces its presence, checks the session and sends a keep-alive (ms). */
  refreshMs?: number;
}

/**
 * Runs one article event stream until the client leaves or its session ends: sends "hello", then each
 * change read from the article's change log after `since` (told of new ones by hints, never trusting
 * them for content), and "presence" whenever who has the article open changes. Announces its own
 * presence while open and its leaving when done.
 */
export async function streamArticleEvents(stream: SSEStreamingApi, options: ArticleEventStreamOptions): Promise<void> {
  const { db, articleId, actor } = options;
  const refreshMs = options.refreshMs ?? PRESENCE_REFRESH_MS;
  const connectionId = newConnectionId();
  let cursor = options.since;
  let wake: (() => void) | undefined;
  let pendingHint = 0;
  let isPresenceChanged = true;
  const nudge = () => wake?.();
  const stopChanges = onChange(articleId, (hint: ChangeHint) => {
    pendingHint = Math.max(pendingHint, hint.changeNumber);
    nudge();
  });
  const stopPresence = onPresenceChange(articleId, () => {
    isPresenceChanged = true;
    nudge();
  });
  let isOpen = true;
  stream.onAbort(() => {
    isOpen = false;
    nudge();
  });
  // The claim the tab is on is set through POST /presence (perhaps on another server process): keep it.
  const announce = (isGone: boolean) =>
    announcePresence(db, {
      articleId,
      connectionId,
      account: { id: actor.id, name: actor.name },
      claimId: findConnection(articleId, connectionId)?.claimId ?? null,
      isGone,
    });
  const sendChanges = async () => {
    const events = await listEventsSince(db, articleId, cursor);
    for (const change of groupByChange(events)) {
      await stream.writeSSE({ event: "change", id: String(change.changeNumber), data: JSON.stringify(change) });
      cursor = change.changeNumber;
    }
  };
  try {
    await stream.writeSSE({ event: "hello", data: JSON.stringify({ connectionId, changeNumber: cursor }) });
    await announce(false);
    await sendChanges();
    let lastRefresh = Date.now();
    while (isOpen && !stream.aborted) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, Math.max(0, refreshMs - (Date.now() - lastRefresh))).unref?.();
      });
      wake = undefined;
      if (!isOpen || stream.aborted) break;
      if (!(await findSessionPrincipal(db, options.sessionId, new Date()))) {
        await stream.writeSSE({ event: "signed-out", data: "{}" });
        break;
      }
      if (pendingHint > cursor) {
        await sendChanges();
        for (const waitMs of REREAD_AFTER_MS) {
          if (pendingHint <= cursor || !isOpen) break;
          await stream.sleep(waitMs);
          await sendChanges();
        }
      }
      if (isPresenceChanged) {
        isPresenceChanged = false;
        await stream.writeSSE({ event: "presence", data: JSON.stringify({ viewers: listViewers(articleId) }) });
      }
      if (Date.now() - lastRefresh >= refreshMs) {
        lastRefresh = Date.now();
        await announce(false);
        // A comment line: keeps proxies from closing a quiet stream.
        await stream.write(": keep-alive\n\n");
      }
    }
  } finally {
    stopChanges();
    stopPresence();
    await announce(true).catch(() => {});
  }
}

/** The log entries after a change number, one "change" per change number. */
function groupByChange(events: HistoryEvent[]): LiveChange[] {
  const changes = new Map<number, LiveChange>();
  for (const event of events) {
    const changeNumber = event.changeNumber ?? 0;
    const change = changes.get(changeNumber) ?? { changeNumber, actions: [], claimIds: [], by: event.by };
    change.actions.push(event.action);
    if (event.claimId && !change.claimIds.includes(event.claimId)) change.claimIds.push(event.claimId);
    changes.set(changeNumber, change);
  }
  return [...changes.values()];
}
