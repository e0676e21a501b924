import { type Actor, AppError, type Claim, changeEvent, type Selectors } from "@factmark/core";
import type pg from "pg";
import { inArticleTransaction, takeChangeNumber } from "../db/postgresGroupCommit";
import { fromPostgresDateTime, postgresDateTime } from "../db/postgresPool";
import { preconditionFailed } from "../domain/preconditionFailed";
import { CHANGE_CHANNEL } from "../live/changeHints";
import { articleIdOf } from "./articleIdOf";
import { toClaim } from "./claimRepository";
import { eventRowsOf } from "./eventRepository";
import { recentPerClient } from "./recentPerClient";
import {
  alreadyMarked,
  CHANGE_COLUMNS,
  type ClaimUpdatePlan,
  FIND_SAME_RANGE,
  type NewClaimFields,
  newClaimAnswer,
} from "./sqliteClaimWrites";

// insertClaim's Prisma path as prepared statements in one transaction, the same rows in the same formats.
/**
 * lockArticleForChanges' statement: the article's next change number, and with it the article's change lock; no row
 * when there is no such article. On its own: a statement sees the rows committed before it began, so what is read
 * under the lock (the article's version, its claims) is read by the statements after it, never in the same one, or a
 * write committed while this one waited for the lock (a save of the text, a deletion) would go unseen.
 */
export const TAKE_CHANGE_LOCK = `INSERT INTO "ArticleChangeCounter" ("articleId", "lastChangeNumber")
  SELECT "id", 1 FROM "Article" WHERE "id" = $1
  ON CONFLICT ("articleId") DO UPDATE SET "lastChangeNumber" = "ArticleChangeCounter"."lastChangeNumber" + 1
  RETURNING "lastChangeNumber"`;
const FIND_LIVE_VERSION = `SELECT "version" FROM "Article" WHERE "id" = $1 AND "deletedAt" IS NULL`;
const FIND_TEXT = `SELECT "text" FROM "Article" WHERE "id" = $1`;
/** The claim, its "created" entry, and the NOTIFY that tells every server's event streams on commit. */
const INSERT = `WITH "claim" AS (
    INSERT INTO "Claim" ("id", "articleId", "start", "end", "exact", "prefix", "suffix", "verdict", "speaker",
      "rationale", "createdById", "verdictSetById", "changeNumber", "createdAt", "updatedAt")
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)
    RETURNING "isOrphaned", "isAnchorUnconfirmed", "version", "status", "reviewRound"),
  "event" AS (
    INSERT INTO "Event" ("id", "articleId", "changeNumber", "claimId", "actorId", "action", "from", "to", "at")
    VALUES ($15, $2, $13, $1, $11, $16, $17, $18, $14))
  SELECT "claim".*, pg_notify($19, $20) FROM "claim"`;

/** Per pool, the texts read lately by article id, with the version they belong to. */
const recentTexts = recentPerClient<{ version: number; text: string }, pg.Pool>(16);

/**
 * createClaim's write on PostgreSQL as four prepared statements on a connection of the pool Prisma uses, in the
 * transaction of the article's group of writes (inArticleTransaction; see sqliteClaimWrites.ts for the steps, which
 * are the same). Throws NOT_FOUND when there is no such live article; any throw stores nothing.
 */
export function createClaimOnPostgres(
  pool: pg.Pool,
  claim: NewClaimFields,
  place: (text: string, version: number) => Selectors,
  actor: Actor,
): Promise<Claim> {
  return inArticleTransaction(pool, claim.articleId, (client) =>
    insertClaimStatements(pool, client, claim, place, actor),
  );
}

/**
 * The article's next change number, taking its change lock until COMMIT (TAKE_CHANGE_LOCK, or in an article's group
 * that holds it already, none: takeChangeNumber); undefined when no article.
 */
export function takeChangeLock(client: pg.PoolClient, articleId: string): Promise<number | undefined> {
  return takeChangeNumber(client, articleId, async () => {
    const { rows } = await client.query<{ lastChangeNumber: number }>({
      name: "take-change-lock",
      text: TAKE_CHANGE_LOCK,
      values: [articleId],
    });
    return rows[0]?.lastChangeNumber;
  });
}

async function insertClaimStatements(
  pool: pg.Pool,
  client: pg.PoolClient,
  claim: NewClaimFields,
  place: (text: string, version: number) => Selectors,
  actor: Actor,
): Promise<Claim> {
  const changeNumber = await takeChangeLock(client, claim.articleId);
  const live = await client.query<{ version: number }>({
    name: "claim-create-version",
    text: FIND_LIVE_VERSION,
    values: [claim.articleId],
  });
  const version = live.rows[0]?.version;
  if (changeNumber === undefined || version === undefined) {
    throw new AppError("NOT_FOUND", `No article with id "${claim.articleId}".`);
  }
  const selectors = place(await textOf(pool, client, claim.articleId, version), version);
  const { position, quote } = selectors;
  if (claim.fromSuggestion) {
    // Under the change lock (the counter row): two reviewers accepting the same suggestion make one claim.
    const same = await client.query<{ id: string; by: string }>({
      name: "claim-create-same-range",
      text: FIND_SAME_RANGE(["$1", "$2", "$3"]),
      values: [claim.articleId, position.start, position.end],
    });
    const existing = same.rows[0];
    if (existing) throw alreadyMarked(existing);
  }
  const at = new Date();
  // Whoever gives a verdict may not approve it.
  const verdictSetById = claim.verdict === "unverified" ? null : actor.id;
  const events = [
    {
      claimId: claim.id,
      ...changeEvent.claimCreated({ verdict: claim.verdict, selectors, fromSuggestion: claim.fromSuggestion }),
    },
  ];
  const [event] = eventRowsOf(claim.articleId, changeNumber, actor, events, at);
  if (!event) throw new Error("A claim's creation is recorded by one entry.");
  const inserted = await client.query<{
    isOrphaned: boolean;
    isAnchorUnconfirmed: boolean;
    version: number;
    status: string;
    reviewRound: number;
  }>({
    name: "claim-create-insert",
    text: INSERT,
    values: [
      claim.id,
      claim.articleId,
      position.start,
      position.end,
      quote.exact,
      quote.prefix,
      quote.suffix,
      claim.verdict,
      claim.speaker,
      claim.rationale,
      actor.id,
      verdictSetById,
      changeNumber,
      postgresDateTime(at),
      event.id,
      event.action,
      event.from,
      event.to,
      CHANGE_CHANNEL,
      `${claim.articleId}:${changeNumber}`,
    ],
  });
  const defaults = inserted.rows[0];
  if (!defaults) throw new Error("The claim's insert answered no row.");
  return newClaimAnswer(claim, selectors, defaults, { changeNumber, at, actor, verdictSetById });
}

/** The article's text at `version`: from memory while that version is the one kept, else read (and kept). */
async function textOf(pool: pg.Pool, client: pg.PoolClient, articleId: string, version: number): Promise<string> {
  const known = recentTexts.get(pool, articleId);
  if (known?.version === version) return known.text;
  const { rows } = await client.query<{ text: string }>({
    name: "claim-create-text",
    text: FIND_TEXT,
    values: [articleId],
  });
  const text = rows[0]?.text ?? "";
  recentTexts.set(pool, articleId, { version, text });
  return text;
}

// updateClaim's statements (see sqliteClaimWrites.ts `updateClaimInBatch` for the steps, which are the same). Times
// are read as text: the pool reads a `timestamp` column in the process's time zone, Prisma's adapter as UTC.
const FIND_LIVE_CLAIM = `SELECT c."id", c."articleId", c."start", c."end", c."exact", c."prefix", c."suffix",
    c."verdict", c."speaker", c."rationale", c."isOrphaned", c."isAnchorUnconfirmed", c."version", c."changeNumber",
    c."createdAt"::text AS "createdAt", c."updatedAt"::text AS "updatedAt", c."createdById", c."originalAuthorName",
    c."status", c."assigneeId", c."verdictSetById", c."reviewRound", author."name" AS "authorName",
    assignee."name" AS "assigneeName", setter."name" AS "verdictSetByName"
  FROM "Claim" AS c JOIN "Article" AS a ON a."id" = c."articleId"
  LEFT JOIN "Account" AS author ON author."id" = c."createdById"
  LEFT JOIN "Account" AS assignee ON assignee."id" = c."assigneeId"
  LEFT JOIN "Account" AS setter ON setter."id" = c."verdictSetById"
  WHERE c."id" = $1 AND c."deletedAt" IS NULL AND a."deletedAt" IS NULL`;
const FIND_REVIEWS = `SELECT r."id", r."claimId", r."articleId", r."reviewerId", r."originalReviewerName", r."decision",
    r."note", r."round", r."changeNumber", r."createdAt"::text AS "createdAt", a."name" AS "reviewerName"
  FROM "Review" AS r LEFT JOIN "Account" AS a ON a."id" = r."reviewerId"
  WHERE r."claimId" = $1 ORDER BY r."id"`;
/**
 * updateClaim's write on PostgreSQL: the steps of sqliteClaimWrites.ts `updateClaimInBatch`, as prepared statements
 * on a connection of the pool Prisma uses, in the transaction of the claim's article's group of writes
 * (inArticleTransaction). The claim is read before the article's change lock is taken; the lock (the next change
 * number) is then one statement, and the claim's columns (at the version read, while the article is live: checked by
 * a statement begun under the lock, so a deletion committed by the write it waited for is seen), its entries and the
 * NOTIFY that tells every server's event streams on commit are the next; the answer is the row read with the change
 * applied, not read again. `plan` is not given accounts: an update that assigns the claim takes the Prisma path.
 * Throws NOT_FOUND, PRECONDITION_FAILED, or what `plan` throws; any throw stores nothing.
 */
export async function updateClaimOnPostgres(
  pool: pg.Pool,
  actor: Actor,
  id: string,
  expectedVersion: number,
  plan: ClaimUpdatePlan,
): Promise<Claim> {
  const articleId = await articleIdOf(pool, { claimId: id });
  if (articleId === undefined) throw new AppError("NOT_FOUND", `No claim with id "${id}".`);
  return inArticleTransaction(pool, articleId, async (client) => {
    const read = await readLiveClaim(client, id);
    if (!read) throw new AppError("NOT_FOUND", `No claim with id "${id}".`);
    const current = claimOf(read);
    if (current.version !== expectedVersion) throw preconditionFailed("claim", current);
    const { change, events } = plan(current, () => {
      throw new Error("An update that assigns a claim takes the Prisma path on PostgreSQL.");
    });
    if (events.length === 0) return current;
    const changeNumber = await takeChangeLock(client, articleId);
    if (changeNumber === undefined) throw new AppError("NOT_FOUND", `No claim with id "${id}".`);
    // Taken under the lock: entries' times follow their change numbers.
    const at = new Date();
    const storedAt = postgresDateTime(at);
    // $1 the claim, $2 its version, $3 the article, $4 the time, $5 the channel, $6 the change number; then the
    // columns, then the entries.
    const values: unknown[] = [id, expectedVersion, current.articleId, storedAt, CHANGE_CHANNEL, changeNumber];
    const assignments: string[] = [];
    // The statement's name says which columns it sets, one bit each, and how many entries (names are cut at 63 bytes).
    let columnSet = 0;
    const changed: Record<string, unknown> = {};
    CHANGE_COLUMNS.forEach((column, index) => {
      const value = change[column];
      if (value === undefined) return;
      values.push(value instanceof Date ? postgresDateTime(value) : value);
      assignments.push(`"${column}" = $${values.length}`);
      changed[column] = value;
      columnSet |= 1 << index;
    });
    if (change.startsNewReviewRound) {
      assignments.push(`"reviewRound" = "reviewRound" + 1`);
      columnSet |= 1 << CHANGE_COLUMNS.length;
    }
    const rows = eventRowsOf(
      current.articleId,
      0,
      actor,
      events.map((event) => ({ ...event, claimId: id })),
      at,
    );
    const entries = rows.map((row) => {
      values.push(row.id, row.actorId, row.action, row.from, row.to);
      const first = values.length - 4;
      return `($${first}::text, $${first + 1}::text, $${first + 2}::text, $${first + 3}::text, $${first + 4}::text)`;
    });
    const written = await client.query({
      name: `claim-update-${columnSet}-${rows.length}`,
      text: `WITH "claim" AS (
          UPDATE "Claim" SET ${[...assignments, `"changeNumber" = $6`].join(", ")}, "updatedAt" = $4,
            "version" = "version" + 1
          WHERE "id" = $1 AND "version" = $2
            AND EXISTS (SELECT 1 FROM "Article" WHERE "id" = $3 AND "deletedAt" IS NULL) RETURNING "id"),
        "event" AS (
          INSERT INTO "Event" ("id", "articleId", "changeNumber", "claimId", "actorId", "action", "from", "to", "at")
          SELECT "entry"."id", $3, $6, "claim"."id", "entry"."actorId", "entry"."action", "entry"."from", "entry"."to", $4
          FROM (VALUES ${entries.join(", ")}) AS "entry" ("id", "actorId", "action", "from", "to"), "claim")
        SELECT pg_notify($5, $3 || ':' || $6::text) FROM "claim"`,
      values,
    });
    // No row: the claim moved on since it was read (another write got the lock first), or it or its article is gone.
    // The refusal carries the claim as that write left it (read again: each statement sees what is committed).
    if (written.rowCount !== 1) {
      const now = await readLiveClaim(client, id);
      if (!now) throw new AppError("NOT_FOUND", `No claim with id "${id}".`);
      throw preconditionFailed("claim", claimOf(now));
    }
    return claimOf({
      row: {
        ...read.row,
        ...changed,
        changeNumber,
        updatedAt: at,
        version: read.row.version + 1,
        reviewRound: read.row.reviewRound + (change.startsNewReviewRound ? 1 : 0),
        verdictSetByName: change.verdictSetById === undefined ? read.row.verdictSetByName : actor.name,
      },
      reviews: read.reviews,
    });
  });
}

/** A live claim's row as readLiveClaim reads it: its columns, the names of its accounts, its times as Dates. */
interface LiveClaimRead {
  row: Record<string, unknown> & {
    articleId: string;
    version: number;
    reviewRound: number;
    createdById: string;
    assigneeId: string | null;
    verdictSetById: string | null;
    authorName: string | null;
    assigneeName: string | null;
    verdictSetByName: string | null;
  };
  reviews: Record<string, unknown>[];
}

/** A live claim of a live article with its accounts and reviews, read with prepared statements; undefined when none. */
async function readLiveClaim(client: pg.PoolClient, id: string): Promise<LiveClaimRead | undefined> {
  const found = await client.query({ name: "claim-update-find", text: FIND_LIVE_CLAIM, values: [id] });
  const row = found.rows[0];
  if (!row) return undefined;
  const reviews = await client.query({ name: "claim-update-reviews", text: FIND_REVIEWS, values: [id] });
  return {
    row: { ...row, createdAt: fromPostgresDateTime(row.createdAt), updatedAt: fromPostgresDateTime(row.updatedAt) },
    reviews: reviews.rows.map(({ reviewerName, createdAt, ...review }) => ({
      ...review,
      createdAt: fromPostgresDateTime(createdAt),
      reviewer: { id: review.reviewerId, name: reviewerName ?? "Unknown reviewer" },
    })),
  };
}

/** The claim as findClaim answers it, from what readLiveClaim read (with a change applied, or not). */
function claimOf({ row, reviews }: LiveClaimRead): Claim {
  const { authorName, assigneeName, verdictSetByName, ...claim } = row;
  return toClaim({
    ...(claim as unknown as Parameters<typeof toClaim>[0]),
    deletedAt: null,
    createdBy: { id: row.createdById, name: authorName ?? "Unknown reviewer" },
    assignee: row.assigneeId === null ? null : { id: row.assigneeId, name: assigneeName ?? "Unknown reviewer" },
    verdictSetBy:
      row.verdictSetById === null ? null : { id: row.verdictSetById, name: verdictSetByName ?? "Unknown reviewer" },
    reviews: reviews as unknown as Parameters<typeof toClaim>[0]["reviews"],
  });
}
