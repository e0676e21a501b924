import { type Actor, AppError, type Claim, changeEvent, type Selectors } from "@factmark/core";
import type pg from "pg";
import { postgresDateTime } from "../db/postgresPool";
import { CHANGE_CHANNEL } from "../live/changeHints";
import { eventRowsOf } from "./eventRepository";
import { recentPerClient } from "./recentPerClient";
import { alreadyMarked, FIND_SAME_RANGE, type NewClaimFields, newClaimAnswer } from "./sqliteClaimWrites";

// insertClaim's Prisma path as three prepared statements in one transaction, the same rows in the same formats.
/**
 * lockArticleForChanges' statement (the article's next change number, and with it the article's change lock),
 * then, under that lock, the live article's version; no row when there is no such article.
 */
const START = `WITH "counter" AS (
    INSERT INTO "ArticleChangeCounter" ("articleId", "lastChangeNumber")
    SELECT "id", 1 FROM "Article" WHERE "id" = $1
    ON CONFLICT ("articleId") DO UPDATE SET "lastChangeNumber" = "ArticleChangeCounter"."lastChangeNumber" + 1
    RETURNING "lastChangeNumber")
  SELECT "counter"."lastChangeNumber", "Article"."version" FROM "counter"
  JOIN "Article" ON "Article"."id" = $1 AND "Article"."deletedAt" IS NULL`;
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
 * createClaim's write on PostgreSQL in one transaction of three prepared statements on a connection of the pool
 * Prisma uses (see sqliteClaimWrites.ts for the steps, which are the same). Throws NOT_FOUND when there is no
 * such live article; any throw stores nothing.
 */
export async function createClaimOnPostgres(
  pool: pg.Pool,
  claim: NewClaimFields,
  place: (text: string, version: number) => Selectors,
  actor: Actor,
): Promise<Claim> {
  const client = await pool.connect();
  let answer: Claim;
  try {
    answer = await insertClaimStatements(pool, client, claim, place, actor);
  } catch (error) {
    // A connection whose ROLLBACK failed is broken: the pool drops it instead of lending it again.
    const rollbackError = await client.query("ROLLBACK").then(
      () => undefined,
      (failure: Error) => failure,
    );
    client.release(rollbackError);
    throw error;
  }
  client.release();
  return answer;
}

async function insertClaimStatements(
  pool: pg.Pool,
  client: pg.PoolClient,
  claim: NewClaimFields,
  place: (text: string, version: number) => Selectors,
  actor: Actor,
): Promise<Claim> {
  await client.query("BEGIN");
  const { rows } = await client.query<{ lastChangeNumber: number; version: number }>({
    name: "claim-create-start",
    text: START,
    values: [claim.articleId],
  });
  const started = rows[0];
  if (!started) throw new AppError("NOT_FOUND", `No article with id "${claim.articleId}".`);
  const changeNumber = started.lastChangeNumber;
  const selectors = place(await textOf(pool, client, claim.articleId, started.version), started.version);
  const { position, quote } = selectors;
  if (claim.fromSuggestion) {
    // Under the change lock (START's counter row): two reviewers accepting the same suggestion make one claim.
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
  await client.query("COMMIT");
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
