import type { HistoryEvent, LiveChange } from "@factmark/core";
import type { Db } from "../db/createDatabase";
import { listEventsSince } from "../repositories/eventRepository";
import { onChange } from "./changeHints";

/** A hint can arrive before its change commits (SQLite): read again after these waits, in ms. */
const REREAD_AFTER_MS = [20, 60, 200, 600];
/**
 * A hint can be lost (PostgreSQL's LISTEN connection dropped and came back): each followed article's log
 * is read this often anyway (ms), so a change is late at worst by this much, never missing.
 */
const READ_ANYWAY_MS = 5000;

interface Follower {
  /** The last change number sent to it. */
  cursor: number;
  deliver(changes: LiveChange[]): void;
}

/** One article's changes as this process reads them: one read of its log per change, for all its streams. */
interface ArticleFeed {
  db: Db;
  articleId: string;
  /** The last change number read. */
  cursor: number;
  /** The highest change number a hint announced. */
  hinted: number;
  isReading: boolean;
  followers: Set<Follower>;
  stopHints(): void;
}

const feeds = new WeakMap<Db, Map<string, ArticleFeed>>();

/**
 * Sends `deliver` every change to the article after change number `since`, in order and each once: first
 * what it missed (its own read), then what the article's shared feed reads as hints come in. However
 * many streams follow an article, each change is read from the log once per server process.
 * Answers the function that stops following.
 */
export async function followArticleChanges(
  db: Db,
  articleId: string,
  since: number,
  deliver: (changes: LiveChange[]) => void,
): Promise<() => void> {
  const feed = feedOf(db, articleId, since);
  // Joined first and caught up after, so nothing the feed reads meanwhile is missed; held until then.
  const held: LiveChange[] = [];
  let isCatchingUp = true;
  const follower: Follower = {
    cursor: since,
    deliver: (changes) => {
      if (!isCatchingUp) return deliver(changes);
      // A loop, not a spread into push: a long catch-up may hold more changes than a call may take arguments.
      for (const change of changes) held.push(change);
    },
  };
  feed.followers.add(follower);
  let backlog: LiveChange[];
  try {
    backlog = groupByChange(await listEventsSince(db, articleId, since));
  } catch (error) {
    feed.followers.delete(follower);
    throw error;
  } finally {
    isCatchingUp = false;
  }
  // Straight to `deliver`: the follower is no longer held back.
  sendTo({ ...follower, deliver }, backlog);
  follower.cursor = Math.max(follower.cursor, backlog.at(-1)?.changeNumber ?? since);
  sendTo(follower, held);
  return () => {
    feed.followers.delete(follower);
    if (feed.followers.size > 0) return;
    feed.stopHints();
    feeds.get(db)?.delete(articleId);
  };
}

function feedOf(db: Db, articleId: string, since: number): ArticleFeed {
  const byArticle = feeds.get(db) ?? new Map<string, ArticleFeed>();
  feeds.set(db, byArticle);
  const existing = byArticle.get(articleId);
  if (existing) return existing;
  const feed: ArticleFeed = {
    db,
    articleId,
    cursor: since,
    hinted: since,
    isReading: false,
    followers: new Set(),
    stopHints: () => {},
  };
  const stopHints = onChange(articleId, (hint) => {
    feed.hinted = Math.max(feed.hinted, hint.changeNumber);
    void readFeed(feed);
  });
  const poll = setInterval(() => void readFeed(feed), READ_ANYWAY_MS);
  poll.unref();
  feed.stopHints = () => {
    stopHints();
    clearInterval(poll);
  };
  byArticle.set(articleId, feed);
  return feed;
}

async function readFeed(feed: ArticleFeed): Promise<void> {
  if (feed.isReading) return;
  feed.isReading = true;
  try {
    for (let attempt = 0; feed.followers.size > 0; attempt += 1) {
      const changes = groupByChange(await listEventsSince(feed.db, feed.articleId, feed.cursor));
      const last = changes.at(-1);
      if (last) {
        feed.cursor = last.changeNumber;
        for (const follower of feed.followers) sendTo(follower, changes);
        attempt = -1;
      }
      if (feed.hinted <= feed.cursor) break;
      const waitMs = REREAD_AFTER_MS[attempt];
      // A number announced and never committed (its transaction rolled back) is given up on.
      if (waitMs === undefined) {
        feed.hinted = feed.cursor;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  } catch (error) {
    console.error(`Reading article ${feed.articleId}'s changes failed:`, error);
  } finally {
    feed.isReading = false;
  }
}

function sendTo(follower: Follower, changes: LiveChange[]): void {
  const fresh = changes.filter((change) => change.changeNumber > follower.cursor);
  const last = fresh.at(-1);
  if (!last) return;
  follower.cursor = last.changeNumber;
  follower.deliver(fresh);
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
