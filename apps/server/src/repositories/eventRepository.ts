import { type Actor, type ChangePayload, type HistoryEvent, parseChangeEvent } from "@factmark/core";
import { isPostgres } from "../db/createDatabase";
import { timeOrderedId } from "../db/timeOrderedId";
import type { Prisma } from "../generated/prisma/client";
import { announceChange, CHANGE_CHANNEL, type ChangeHint } from "../live/changeHints";
import type { DbClient } from "./articleRepository";

const EVENT_INCLUDE = { actor: { select: { id: true, name: true } } } as const;
type EventWithActor = Prisma.EventGetPayload<{ include: typeof EVENT_INCLUDE }>;

/**
 * One change-log entry to record: on a claim, or on the article when `claimId` is null, and what changed,
 * built by core's `changeEvent` so each kind is stored in the one shape its schema reads back.
 */
export type EventInput = { claimId: string | null } & ChangePayload;

/**
 * A history row as it crosses the wire: its `from` and `to` (stored as JSON text) read by parseChangeEvent
 * into the typed event. Rows of every shape ever stored read; one that fits none is answered as
 * "unreadable", never dropped and never an error.
 */
export function toHistoryEvent(row: Omit<EventWithActor, "articleId" | "actorId">): HistoryEvent {
  return parseChangeEvent({
    id: row.id,
    at: row.at.toISOString(),
    by: row.actor,
    ...(row.originalActorName ? { originalActorName: row.originalActorName } : {}),
    action: row.action,
    claimId: row.claimId,
    changeNumber: row.changeNumber,
    ...(row.from === null ? {} : { from: JSON.parse(row.from) as unknown }),
    ...(row.to === null ? {} : { to: JSON.parse(row.to) as unknown }),
  });
}

/** Per transaction, the change number each article it locked took: what its writes are stamped with. */
const changeNumbers = new WeakMap<object, Map<string, number>>();

/**
 * Starts a change to an article: takes its next change number and, with it, the article's change lock.
 * The first statement of every transaction that writes to an article (its text or details, claims, links,
 * evidence). The counter row's lock lines up the article's writers, so their numbers commit in order, and
 * no writer can hold a claim's row while it waits for the counter that another, holding the counter, needs
 * that row after (a deadlock on PostgreSQL). An upsert, so an article whose counter row is not there yet
 * gets one; for an article id that is not there it does nothing and answers null, so a caller may start the
 * change before it has read the article. Taken twice in one transaction, answers the same number.
 * Must run inside `db.$transaction`; on PostgreSQL that transaction runs inside the article's line
 * (db/articleWriteLine.ts `inArticleLine`), so a burst of one article's writes does not hold every connection of
 * the pool while it waits here.
 */
export async function lockArticleForChanges(tx: DbClient, articleId: string): Promise<number | null> {
  assertTransaction(tx);
  const taken = changeNumbers.get(tx)?.get(articleId);
  if (taken !== undefined) return taken;
  const [counter] = await tx.$queryRaw<{ lastChangeNumber: number }[]>`
    INSERT INTO "ArticleChangeCounter" ("articleId", "lastChangeNumber")
    SELECT "id", 1 FROM "Article" WHERE "id" = ${articleId}
    ON CONFLICT ("articleId") DO UPDATE SET "lastChangeNumber" = "ArticleChangeCounter"."lastChangeNumber" + 1
    RETURNING "lastChangeNumber"`;
  if (!counter) return null;
  const changeNumber = Number(counter.lastChangeNumber);
  const numbers = changeNumbers.get(tx) ?? new Map<string, number>();
  numbers.set(articleId, changeNumber);
  changeNumbers.set(tx, numbers);
  return changeNumber;
}

/**
 * The change number this transaction took for the article, which every row it writes there is stamped
 * with. Throws (a programming error, not a 4xx) when the transaction did not start the change first:
 * no write path can forget to number what it writes.
 */
export function changeNumberOf(tx: DbClient, articleId: string): number {
  const changeNumber = changeNumbers.get(tx)?.get(articleId);
  if (changeNumber === undefined) {
    throw new Error(`Take lockArticleForChanges(tx, "${articleId}") first in the transaction that writes to it.`);
  }
  return changeNumber;
}

/**
 * Records entries in an article's change log: the one way any change to an article is written down.
 * Entries carry the transaction's change number (lockArticleForChanges) and are stored in one statement.
 * Ids are time-ordered and made in the order given, so entries written at the same instant keep that
 * order. Answers the entries as the API shows them.
 */
export async function insertEvents(
  tx: DbClient,
  articleId: string,
  actor: Actor,
  events: EventInput[],
  at: Date,
): Promise<HistoryEvent[]> {
  if (events.length === 0) return [];
  const changeNumber = changeNumberOf(tx, articleId);
  const rows = eventRowsOf(articleId, changeNumber, actor, events, at);
  await tx.event.createMany({ data: rows });
  await announceAfterCommit(tx, { articleId, changeNumber });
  return rows.map((row) =>
    toHistoryEvent({ ...row, originalActorName: null, actor: { id: actor.id, name: actor.name } }),
  );
}

/** A change-log row as stored, `from` and `to` as JSON text. */
export interface EventRow {
  id: string;
  articleId: string;
  changeNumber: number;
  claimId: string | null;
  actorId: string;
  action: string;
  from: string | null;
  to: string | null;
  at: Date;
}

/**
 * The rows recording `events`, stamped with one change number and instant: what insertEvents stores, and
 * what a hot write's statement batch stores in its place (sqliteClaimWrites.ts).
 */
export function eventRowsOf(
  articleId: string,
  changeNumber: number,
  actor: Actor,
  events: EventInput[],
  at: Date,
): EventRow[] {
  return events.map((event) => ({
    id: timeOrderedId(),
    articleId,
    changeNumber,
    claimId: event.claimId,
    actorId: actor.id,
    action: event.action,
    from: "from" in event ? JSON.stringify(event.from) : null,
    to: "to" in event ? JSON.stringify(event.to) : null,
    at,
  }));
}

/**
 * Tells the article's event streams about a change. PostgreSQL delivers a NOTIFY on commit, to every server
 * process; SQLite has one process, told at once (a stream that reads before the commit tries again).
 */
async function announceAfterCommit(tx: DbClient, hint: ChangeHint): Promise<void> {
  if (isPostgres(tx)) {
    await tx.$executeRaw`SELECT pg_notify(${CHANGE_CHANNEL}, ${`${hint.articleId}:${hint.changeNumber}`})`;
  } else {
    setImmediate(() => announceChange(hint));
  }
}

function assertTransaction(db: DbClient): void {
  if ("$transaction" in db) throw new Error("Changes to an article are written inside db.$transaction.");
}

/** The article's last change number; 0 before its first change, null when there is no such live article. */
export async function findLastChangeNumber(db: DbClient, articleId: string): Promise<number | null> {
  const [row] = await db.$queryRaw<{ lastChangeNumber: number | null }[]>`
    SELECT c."lastChangeNumber" FROM "Article" AS a
    LEFT JOIN "ArticleChangeCounter" AS c ON c."articleId" = a."id"
    WHERE a."id" = ${articleId} AND a."deletedAt" IS NULL`;
  return row ? Number(row.lastChangeNumber ?? 0) : null;
}

/** An article's change-log entries after change number `since`, oldest first (the event stream's page). */
export async function listEventsSince(db: DbClient, articleId: string, since: number): Promise<HistoryEvent[]> {
  const rows = await db.event.findMany({
    where: { articleId, changeNumber: { gt: since } },
    orderBy: [{ changeNumber: "asc" }, { id: "asc" }],
    include: EVENT_INCLUDE,
  });
  return rows.map(toHistoryEvent);
}

/** A claim (deleted ones too) and its whole history, newest first, in one query; null when there is no such claim. */
export async function findClaimHistory(
  db: DbClient,
  claimId: string,
): Promise<{ isDeleted: boolean; events: HistoryEvent[] } | null> {
  const row = await db.claim.findFirst({
    where: { id: claimId, article: { deletedAt: null } },
    select: {
      deletedAt: true,
      events: { orderBy: [{ at: "desc" }, { id: "desc" }], include: EVENT_INCLUDE },
    },
  });
  return row ? { isDeleted: row.deletedAt !== null, events: row.events.map(toHistoryEvent) } : null;
}

/** The change-log entries `actorId` recorded on a claim with one of `actions`, oldest first. */
export async function listClaimEventsBy(
  db: DbClient,
  claimId: string,
  actorId: string,
  actions: readonly string[],
): Promise<HistoryEvent[]> {
  const rows = await db.event.findMany({
    where: { claimId, actorId, action: { in: [...actions] } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    include: EVENT_INCLUDE,
  });
  return rows.map(toHistoryEvent);
}
