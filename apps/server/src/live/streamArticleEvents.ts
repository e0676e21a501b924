import type { LiveChange, Principal } from "@factmark/core";
import type { SSEStreamingApi } from "hono/streaming";
import type { Db } from "../db/createDatabase";
import { findSessionPrincipal } from "../repositories/sessionRepository";
import { announcePresence } from "./announcePresence";
import { followArticleChanges } from "./followArticleChanges";
import { findConnection, listViewers, newConnectionId, onPresenceChange, PRESENCE_REFRESH_MS } from "./presence";
import { LIVE_QUERY_LIMIT_MS, withinTime } from "./timeLimit";

export interface ArticleEventStreamOptions {
  db: Db;
  articleId: string;
  actor: Principal;
  /** The hashed session id, checked every `refreshMs`: a revoked session's stream closes. */
  sessionId: string;
  /** The change number the client has seen: it is sent every change after it. */
  since: number;
  /** How often the stream re-announces its presence, checks the session and sends a keep-alive (ms). */
  refreshMs?: number;
  /**
   * How long each of its database queries may take (ms). One that has not answered by then ends the stream
   * (the browser reconnects from the last change it was sent), rather than leaving it open and silent.
   */
  queryLimitMs?: number;
}

/**
 * Runs one article event stream until the client leaves or its session ends: sends "hello", then each
 * change to the article after `since` (followArticleChanges: read once per process for all streams),
 * and "presence" whenever who has the article open changes. Announces its own presence while open and
 * its leaving when done. A database query that does not answer within `queryLimitMs` ends it.
 */
export async function streamArticleEvents(stream: SSEStreamingApi, options: ArticleEventStreamOptions): Promise<void> {
  const { db, articleId, actor } = options;
  const refreshMs = options.refreshMs ?? PRESENCE_REFRESH_MS;
  const queryLimitMs = options.queryLimitMs ?? LIVE_QUERY_LIMIT_MS;
  const answer = <T>(query: Promise<T>, what: string) => withinTime(query, queryLimitMs, what);
  const connectionId = newConnectionId();
  const queue: LiveChange[] = [];
  let isPresenceChanged = true;
  let wake: (() => void) | undefined;
  const nudge = () => wake?.();
  let isOpen = true;
  stream.onAbort(() => {
    isOpen = false;
    nudge();
  });
  // The claim the tab is on is set through POST /presence (perhaps on another server process): keep it.
  const announce = (isGone: boolean) =>
    answer(
      announcePresence(db, {
        articleId,
        connectionId,
        account: { id: actor.id, name: actor.name },
        claimId: findConnection(articleId, connectionId)?.claimId ?? null,
        isGone,
      }),
      "Announcing presence",
    );
  const stopPresence = onPresenceChange(articleId, () => {
    isPresenceChanged = true;
    nudge();
  });
  let stopChanges = () => {};
  try {
    // Its id is where the stream starts: an EventSource that reconnects before any change sends it back.
    await stream.writeSSE({
      event: "hello",
      id: String(options.since),
      data: JSON.stringify({ connectionId, changeNumber: options.since }),
    });
    await announce(false);
    stopChanges = await followArticleChanges(
      db,
      articleId,
      options.since,
      (changes) => {
        // A loop, not a spread into push: a catch-up may deliver more changes than a call may take arguments.
        for (const change of changes) queue.push(change);
        nudge();
      },
      { readLimitMs: queryLimitMs },
    );
    let lastRefresh = Date.now();
    while (isOpen && !stream.aborted) {
      for (let change = queue.shift(); change; change = queue.shift()) {
        await stream.writeSSE({ event: "change", id: String(change.changeNumber), data: JSON.stringify(change) });
      }
      if (isPresenceChanged) {
        isPresenceChanged = false;
        await stream.writeSSE({ event: "presence", data: JSON.stringify({ viewers: listViewers(articleId) }) });
      }
      if (Date.now() - lastRefresh >= refreshMs) {
        lastRefresh = Date.now();
        if (!(await answer(findSessionPrincipal(db, options.sessionId, new Date()), "Checking the session"))) {
          await stream.writeSSE({ event: "signed-out", data: "{}" });
          break;
        }
        await announce(false);
        // A comment line: keeps proxies from closing a quiet stream.
        await stream.write(": keep-alive\n\n");
      }
      if (queue.length > 0 || isPresenceChanged) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, Math.max(0, refreshMs - (Date.now() - lastRefresh))).unref?.();
      });
      wake = undefined;
    }
  } finally {
    stopChanges();
    stopPresence();
    await announce(true).catch(() => {});
  }
}
