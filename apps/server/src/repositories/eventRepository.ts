import type { Actor, EventAction, HistoryEvent } from "@factmark/core";
import { timeOrderedId } from "../db/timeOrderedId";
import type { Prisma } from "../generated/prisma/client";
import type { DbClient } from "./articleRepository";

const EVENT_INCLUDE = { actor: { select: { id: true, name: true } } } as const;
type EventRow = Prisma.EventGetPayload<{ include: typeof EVENT_INCLUDE }>;

/** One history entry to record: on a claim, or on the article when `claimId` is null. */
export interface EventInput {
  claimId: string | null;
  action: EventAction;
  from?: unknown;
  to?: unknown;
}

/** A history row as it crosses the wire; `from` and `to` are stored as JSON text. */
export function toHistoryEvent(row: EventRow): HistoryEvent {
  return {
    id: row.id,
    at: row.at.toISOString(),
    by: row.actor,
    action: row.action as EventAction,
    claimId: row.claimId,
    ...(row.from === null ? {} : { from: JSON.parse(row.from) as unknown }),
    ...(row.to === null ? {} : { to: JSON.parse(row.to) as unknown }),
  };
}

/**
 * Records history entries of one article in one statement. Ids are time-ordered and made in
 * the order given, so entries written at the same instant keep that order.
 * Answers the entries as the API shows them.
 */
export async function insertEvents(
  db: DbClient,
  articleId: string,
  actor: Actor,
  events: EventInput[],
  at: Date,
): Promise<HistoryEvent[]> {
  if (events.length === 0) return [];
  const rows = events.map((event) => ({
    id: timeOrderedId(),
    articleId,
    claimId: event.claimId,
    actorId: actor.id,
    action: event.action,
    from: event.from === undefined ? null : JSON.stringify(event.from),
    to: event.to === undefined ? null : JSON.stringify(event.to),
    at,
  }));
  await db.event.createMany({ data: rows });
  return rows.map((row) => toHistoryEvent({ ...row, actor: { id: actor.id, name: actor.name } }));
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
