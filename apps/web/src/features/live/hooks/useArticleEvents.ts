import { type Actor, type Viewer, ZLiveChange, ZLiveHello, ZLivePresence } from "@factmark/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { articleKeys } from "../../articles/queryKeys";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser";
import { recheckSession } from "../../auth/recheckSession";
import { claimCursors } from "../../claims/claimCursors";
import { openArticleEvents } from "../api";
import { createIdleRefresher } from "../createIdleRefresher";
import { queryKeysToRefresh } from "../queryKeysToRefresh";

/** Someone else's latest change to a claim, seen while the article was open here. */
export interface ClaimChangeNote {
  by: Actor;
  /** When this page heard of it. */
  at: string;
}

/** What the article's event stream tells the page. */
export interface ArticleLive {
  /** This tab's stream, as POST /presence names it; null until the stream is open. */
  connectionId: string | null;
  /** Who else has the article open (never the signed-in reviewer), and the claims they are on. */
  others: readonly Viewer[];
  /** By claim id, the latest change someone else made to it while the article was open here. */
  changesByOthers: ReadonlyMap<string, ClaimChangeNote>;
}

const NO_VIEWERS: readonly Viewer[] = [];
const NO_CHANGES: ReadonlyMap<string, ClaimChangeNote> = new Map();

/** Nothing live: no stream, no one else. */
export const NO_LIVE: ArticleLive = { connectionId: null, others: NO_VIEWERS, changesByOthers: NO_CHANGES };

/** A core zod schema, as reading an event needs it. */
interface EventSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** An event's JSON data read with its core schema; null when it is not what the schema says. */
function readEvent<T>(schema: EventSchema<T>, event: Event): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse((event as MessageEvent<string>).data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Keeps an open article up to date with what others do to it, through its event stream while mounted. Each
 * change refreshes what it touched, the claims through `?since=` their cursor (see queryKeysToRefresh), never
 * while one of the reviewer's own changes is in flight (see createIdleRefresher); its own changes, from this
 * tab or another, come back too and cost a read of nothing new. A "signed-out" does what a 401 does.
 */
export function useArticleEvents(articleId: string): ArticleLive {
  const queryClient = useQueryClient();
  const { user } = useCurrentUser();
  const myId = user?.id ?? null;
  // The stream stays open across a change of who is signed in; the handlers read who it is now.
  const myIdRef = useRef(myId);
  myIdRef.current = myId;
  const [connectionId, setConnectionId] = useState<string | null>(null);
  const [viewers, setViewers] = useState<readonly Viewer[]>(NO_VIEWERS);
  const [changesByOthers, setChangesByOthers] = useState<ReadonlyMap<string, ClaimChangeNote>>(NO_CHANGES);

  useEffect(() => {
    // A browser (or test) without Server-Sent Events still works, refreshing on focus only.
    if (typeof EventSource === "undefined") return;
    const refresher = createIdleRefresher(queryClient);
    const source = openArticleEvents(articleId);
    let lastChangeNumber = 0;

    source.addEventListener("hello", (event) => {
      const hello = readEvent(ZLiveHello, event);
      if (!hello) return;
      setConnectionId(hello.connectionId);
      // Changes made between reading the claims and opening the stream come in no "change": read them all.
      const cursor = claimCursors.get(queryClient, articleId);
      if (cursor !== undefined && Math.max(cursor, lastChangeNumber) < hello.changeNumber) {
        refresher.refresh([articleKeys.ofArticle(articleId)]);
      }
    });
    source.addEventListener("change", (event) => {
      const change = readEvent(ZLiveChange, event);
      if (!change) return;
      lastChangeNumber = Math.max(lastChangeNumber, change.changeNumber);
      refresher.refresh(queryKeysToRefresh(articleId, change));
      if (change.by.id === myIdRef.current || change.claimIds.length === 0) return;
      const note: ClaimChangeNote = { by: change.by, at: new Date().toISOString() };
      setChangesByOthers((previous) => {
        const next = new Map(previous);
        for (const claimId of change.claimIds) next.set(claimId, note);
        return next;
      });
    });
    source.addEventListener("presence", (event) => {
      const presence = readEvent(ZLivePresence, event);
      if (presence) setViewers(presence.viewers);
    });
    source.addEventListener("signed-out", () => {
      source.close();
      void recheckSession(queryClient);
    });
    source.addEventListener("error", () => {
      // Closed for good means the server refused the stream (401, say), not a dropped connection.
      if (source.readyState === source.CLOSED) void recheckSession(queryClient);
    });

    return () => {
      source.close();
      refresher.stop();
      setConnectionId(null);
      setViewers(NO_VIEWERS);
    };
  }, [articleId, queryClient]);

  const others = useMemo(
    () => (viewers.some((viewer) => viewer.id === myId) ? viewers.filter((viewer) => viewer.id !== myId) : viewers),
    [viewers, myId],
  );
  return useMemo(() => ({ connectionId, others, changesByOthers }), [connectionId, others, changesByOthers]);
}
