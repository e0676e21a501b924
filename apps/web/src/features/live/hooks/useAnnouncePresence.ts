import { useEffect, useRef } from "react";
import { isPendingId } from "../../../lib/pendingId";
import { reportPresence } from "../api";

/** A reviewer moving through claims is announced where they settle, not at every claim they pass. */
const PRESENCE_DELAY_MS = 300;

/**
 * Tells the others which claim this tab is on (`claimId`, or none) once it has stayed there PRESENCE_DELAY_MS,
 * and again on a new stream (`connectionId`: a reconnect starts on no claim). A claim still being saved is
 * announced as none. Not a mutation: a report in flight must not hold back live refreshes, and a lost one
 * only leaves the others' view a moment behind, so failures are let go.
 */
export function useAnnouncePresence(articleId: string, connectionId: string | null, claimId: string | null): void {
  const claimToAnnounce = claimId !== null && !isPendingId(claimId) ? claimId : null;
  const announced = useRef<{ connectionId: string; claimId: string | null } | null>(null);

  useEffect(() => {
    if (connectionId === null) return;
    const last = announced.current;
    const isKnown = last?.connectionId === connectionId ? last.claimId === claimToAnnounce : claimToAnnounce === null;
    if (isKnown) return;
    const timer = setTimeout(() => {
      announced.current = { connectionId, claimId: claimToAnnounce };
      reportPresence(articleId, { connectionId, claimId: claimToAnnounce }).catch(() => {});
    }, PRESENCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [articleId, connectionId, claimToAnnounce]);
}
