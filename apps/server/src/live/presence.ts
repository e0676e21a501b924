import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import type { Actor, Viewer } from "@factmark/core";

/**
 * Who has an article open, and which claim each is looking at. Never stored: each open event stream
 * is a viewer, announced when it opens, again every PRESENCE_REFRESH_MS while it stays open, and when it
 * closes. A viewer not heard from for PRESENCE_EXPIRY_MS (its process died) is gone. On PostgreSQL the
 * announcements travel by NOTIFY to every process (listenForChanges); on SQLite, in this process only.
 */
export const PRESENCE_REFRESH_MS = 10_000;
export const PRESENCE_EXPIRY_MS = 25_000;
/** The PostgreSQL channel presence announcements travel on (JSON of a PresenceAnnouncement). */
export const PRESENCE_CHANNEL = "factmark_presence";

export interface PresenceAnnouncement {
  articleId: string;
  /** One open event stream (one tab). */
  connectionId: string;
  account: Pick<Actor, "id" | "name">;
  claimId: string | null;
  isGone: boolean;
}

interface Seen {
  announcement: PresenceAnnouncement;
  lastSeen: number;
}

const viewersByArticle = new Map<string, Map<string, Seen>>();
const changes = new EventEmitter();
changes.setMaxListeners(0);

/** How often viewers not heard from are dropped, and their article's streams told (ms). */
const SWEEP_MS = 5000;
let sweeper: NodeJS.Timeout | undefined;

/** Drops the viewers not heard from for PRESENCE_EXPIRY_MS (their process died) and tells their articles' streams. */
export function sweepPresence(now = Date.now()): void {
  for (const [articleId, viewers] of viewersByArticle) {
    let isChanged = false;
    for (const [connectionId, seen] of viewers) {
      if (now - seen.lastSeen <= PRESENCE_EXPIRY_MS) continue;
      viewers.delete(connectionId);
      isChanged = true;
    }
    if (viewers.size === 0) viewersByArticle.delete(articleId);
    if (isChanged) changes.emit(articleId);
  }
}

/** Applies an announcement (from this process or another) and tells the article's streams if anything changed. */
export function applyPresence(announcement: PresenceAnnouncement, now = Date.now()): void {
  if (!sweeper) {
    sweeper = setInterval(() => sweepPresence(), SWEEP_MS);
    sweeper.unref();
  }
  const { articleId, connectionId } = announcement;
  const viewers = viewersByArticle.get(articleId) ?? new Map<string, Seen>();
  const before = viewers.get(connectionId)?.announcement;
  if (announcement.isGone) viewers.delete(connectionId);
  else viewers.set(connectionId, { announcement, lastSeen: now });
  if (viewers.size === 0) viewersByArticle.delete(articleId);
  else viewersByArticle.set(articleId, viewers);
  const isSame = before !== undefined && !announcement.isGone && before.claimId === announcement.claimId;
  if (!isSame) changes.emit(articleId);
}

/** The article's viewers now, one per person, in name order; drops (and reports) those not heard from. */
export function listViewers(articleId: string, now = Date.now()): Viewer[] {
  const viewers = viewersByArticle.get(articleId);
  if (!viewers) return [];
  const byAccount = new Map<string, Viewer>();
  for (const [connectionId, seen] of viewers) {
    if (now - seen.lastSeen > PRESENCE_EXPIRY_MS) {
      viewers.delete(connectionId);
      continue;
    }
    const { account, claimId } = seen.announcement;
    const viewer = byAccount.get(account.id) ?? { id: account.id, name: account.name, claimIds: [] };
    if (claimId !== null && !viewer.claimIds.includes(claimId)) viewer.claimIds.push(claimId);
    byAccount.set(account.id, viewer);
  }
  return [...byAccount.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Calls `listener` whenever the article's viewers may have changed; answers the function that stops it. */
export function onPresenceChange(articleId: string, listener: () => void): () => void {
  changes.on(articleId, listener);
  return () => changes.off(articleId, listener);
}

export function newConnectionId(): string {
  return randomUUID();
}

/** The announcement a connection last made, wherever it is open; undefined when it is not (or no longer) known. */
export function findConnection(articleId: string, connectionId: string): PresenceAnnouncement | undefined {
  return viewersByArticle.get(articleId)?.get(connectionId)?.announcement;
}

/** The connection's announcement as it travels; null when a payload is not one. */
export function parsePresencePayload(payload: string | undefined): PresenceAnnouncement | null {
  try {
    const value = JSON.parse(payload ?? "") as Partial<PresenceAnnouncement>;
    if (typeof value.articleId !== "string" || typeof value.connectionId !== "string") return null;
    if (typeof value.account?.id !== "string" || typeof value.account?.name !== "string") return null;
    return {
      articleId: value.articleId,
      connectionId: value.connectionId,
      account: { id: value.account.id, name: value.account.name },
      claimId: typeof value.claimId === "string" ? value.claimId : null,
      isGone: value.isGone === true,
    };
  } catch {
    return null;
  }
}
