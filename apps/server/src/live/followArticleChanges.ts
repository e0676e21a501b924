import type { HistoryEvent, LiveChange } from "@factmark/core";
import type { Db } from "../db/createDatabase";
import { listEventsSince } from "../repositories/eventRepository";
import { onChange, onHintsMissed } from "./changeHints";
import { LIVE_QUERY_LIMIT_MS, withinTime } from "./timeLimit";

/** A hint can arrive before its change commits (SQLite): read again after these waits, in ms. */
const REREAD_AFTER_MS = [20, 60, 200, 600];
/**
 * A hint can be lost (PostgreSQL's LISTEN connection dropped and came back): each followed article's log
 * is read this often anyway (ms), so a change is late at worst by this much, never missing.
 */
const READ_ANYWAY_MS = 5000;

/** How a followed article's log is read; the first stream to follow an article sets its feed's. */
export interface FollowTiming {
  /** How often the article's log is read anyway, hint or none (ms). */
  readAnywayMs?: number;
  /**
   * How long one read of the log may take (ms). A read that has not answered by then is given up: the
   * next poll or hint reads again (a stuck read never stops the feed), and a stream's catch-up fails.
   */
  readLimitMs?: number;
}

interface Follower {
  /** The last change number sent to it. */
  cursor: number;
  /**
   * While it catches up on what it missed (its own read), the changes the feed reads meanwhile, in order,
   * sent once the catch-up is; undefined after.
   */
  held: LiveChange[] | undefined;
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
  /**
   * Whether a read was asked for while one was under way (a hint, a poll, hints missed): that read may have
   * seen the log from before the change it is for, so the feed reads once more after it.
   */
  isReadAgain: boolean;
  readLimitMs: number;
  followers: Set<Follower>;
  stopHints(): void;
}

const feeds = new WeakMap<Db, Map<string, ArticleFeed>>();

/**
 * Sends `deliver` every change to the article after change number `since`, in order and each once: first
 * what it missed (its own read), then what the article's shared feed reads as hints come in. However
 * many streams follow an article, each change is read from the log once per server process.
 * Answers the function that stops following; rejects when the catch-up read fails or does not answer
 * within the read limit (the stream ends, and the browser reconnects from where it was).
 */
export async function followArticleChanges(
  db: Db,
  articleId: string,
  since: number,
  deliver: (changes: LiveChange[]) => void,
  timing: FollowTiming = {},
): Promise<() => void> {
  const feed = feedOf(db, articleId, since, timing);
  // Joined first and caught up after, so nothing the feed reads meanwhile is missed; held until then.
  const follower: Follower = { cursor: since, held: [], deliver };
  feed.followers.add(follower);
  let backlog: LiveChange[];
  try {
    backlog = groupByChange(await readLog(feed, since));
  } catch (error) {
    leave(feed, follower);
    throw error;
  }
  const held = follower.held ?? [];
  follower.held = undefined;
  // What it missed, then what the feed read meanwhile: the cursor drops the changes both read.
  sendTo(follower, backlog);
  sendTo(follower, held);
  return () => leave(feed, follower);
}

function feedOf(db: Db, articleId: string, since: number, timing: FollowTiming): ArticleFeed {
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
    isReadAgain: false,
    readLimitMs: timing.readLimitMs ?? LIVE_QUERY_LIMIT_MS,
    followers: new Set(),
    stopHints: () => {},
  };
  const stopHints = onChange(articleId, (hint) => {
    feed.hinted = Math.max(feed.hinted, hint.changeNumber);
    void readFeed(feed);
  });
  const stopMissed = onHintsMissed(() => void readFeed(feed));
  const poll = setInterval(() => void readFeed(feed), timing.readAnywayMs ?? READ_ANYWAY_MS);
  poll.unref();
  feed.stopHints = () => {
    stopHints();
    stopMissed();
    clearInterval(poll);
  };
  byArticle.set(articleId, feed);
  return feed;
}

/** Takes the follower off its feed; the feed's last follower ends the feed. */
function leave(feed: ArticleFeed, follower: Follower): void {
  feed.followers.delete(follower);
  if (feed.followers.size > 0) return;
  feed.stopHints();
  const byArticle = feeds.get(feed.db);
  // Only this feed: a newer one for the article may have taken its place.
  if (byArticle?.get(feed.articleId) === feed) byArticle.delete(feed.articleId);
}

/** The article's log after `since`, or a rejection once it has taken longer than the feed's read limit. */
function readLog(feed: ArticleFeed, since: number): Promise<HistoryEvent[]> {
  return withinTime(
    listEventsSince(feed.db, feed.articleId, since),
    feed.readLimitMs,
    `Reading article ${feed.articleId}'s changes`,
  );
}

/**
 * Reads the article's log after the feed's cursor and sends what is new to every follower; again whenever a read
 * was asked for meanwhile, and again after each of REREAD_AFTER_MS while a hinted number is not read yet. One
 * read at a time per feed: a call during a read makes that read go round once more, never a second read.
 */
async function readFeed(feed: ArticleFeed): Promise<void> {
  if (feed.isReading) {
    feed.isReadAgain = true;
    return;
  }
  feed.isReading = true;
  try {
    for (let attempt = 0; feed.followers.size > 0; attempt += 1) {
      feed.isReadAgain = false;
      // A read past its limit throws: the feed is free again, and the next poll or hint reads anew.
      const changes = groupByChange(await readLog(feed, feed.cursor));
      const last = changes.at(-1);
      if (last) {
        feed.cursor = last.changeNumber;
        for (const follower of feed.followers) {
          // One stream's failure is its own: the others are sent the changes all the same.
          try {
            sendTo(follower, changes);
          } catch (error) {
            console.error(`Sending article ${feed.articleId}'s changes to a stream failed:`, error);
          }
        }
        attempt = -1;
      }
      if (feed.isReadAgain) {
        attempt = -1;
        continue;
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

/** Sends the follower the changes after its cursor; holds them all while it is still catching up. */
function sendTo(follower: Follower, changes: LiveChange[]): void {
  if (follower.held) {
    // A loop, not a spread into push: a long read may hold more changes than a call may take arguments.
    for (const change of changes) follower.held.push(change);
    return;
  }
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
