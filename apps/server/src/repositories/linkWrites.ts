import type { Actor, Link } from "@factmark/core";
import type pg from "pg";
import { inArticleTransaction } from "../db/postgresGroupCommit";
import { postgresDateTime } from "../db/postgresPool";
import { sqliteDateTime } from "../db/sqliteDateTime";
import type { SqliteWriter } from "../db/sqliteWriter";
import { announceChange, CHANGE_CHANNEL } from "../live/changeHints";
import { type EventInput, eventRowsOf } from "./eventRepository";
import type { LinkEnd, NewLink } from "./linkRepository";
import { takeChangeLock } from "./postgresClaimWrites";
import { insertEventRows, TAKE_CHANGE_NUMBER } from "./sqliteClaimWrites";

/**
 * What createLink decides from the ends it is given (the claims among the two the link names that belong to the live
 * article, or null when there is no such article): the link's two ends, or a refusal it throws (NOT_FOUND,
 * UNPROCESSABLE); and the history entries of the link once made (services/links/createLink.ts).
 */
export interface LinkCreatePlan {
  ends(found: LinkEnd[] | null): { fromClaim: LinkEnd; toClaim: LinkEnd };
  events(link: Link, ends: { fromClaim: LinkEnd; toClaim: LinkEnd }): EventInput[];
}

/**
 * The claims `$2` and `$3` of the live article `$1` (deleted ones too): one row per claim found, or one row of
 * nulls when the article is live and neither is its claim; no row when there is no such live article.
 */
const FIND_LINK_ENDS = ([article, first, second]: [string, string, string]) => `SELECT c."id", c."exact",
    c."deletedAt" IS NOT NULL AS "isDeleted"
  FROM "Article" AS a LEFT JOIN "Claim" AS c ON c."articleId" = a."id" AND c."id" IN (${first}, ${second})
  WHERE a."id" = ${article} AND a."deletedAt" IS NULL`;
/** Bound as (first claim, second claim, article): `?` placeholders bind in the order they appear. */
const FIND_LINK_ENDS_SQLITE = FIND_LINK_ENDS(["?", "?", "?"]);
/** The columns Prisma's create sends; `deletedAt` and `originalAuthorName` take the schema's defaults (null). */
const INSERT_LINK = `INSERT INTO "Link" ("id", "articleId", "fromClaimId", "toClaimId", "kind", "note", "changeNumber",
  "createdById", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

type EndRow = { id: string | null; exact: string | null; isDeleted: number | boolean | null };

function linkEndsOf(rows: EndRow[]): LinkEnd[] | null {
  if (rows.length === 0) return null;
  return rows.flatMap(({ id, exact, isDeleted }) =>
    id === null || exact === null ? [] : [{ id, exact, isDeleted: Boolean(isDeleted) }],
  );
}

/** The link's own columns, in the order both inserts bind them first: id, article, from, to, kind, note. */
function linkValues(link: NewLink): (string | null)[] {
  return [link.id, link.articleId, link.fromClaimId, link.toClaimId, link.kind, link.note];
}

/** The new link as the API answers it: the author is the actor (no account row is read), no import's author. */
function newLinkAnswer(link: NewLink, actor: Actor, at: Date): Link {
  return { ...link, createdAt: at.toISOString(), createdBy: { id: actor.id, name: actor.name } };
}

/**
 * createLink's write on SQLite in one batch of kept statements (see sqliteWriter.ts), the steps of its Prisma path:
 * reads the ends (`plan.ends` refuses what cannot be linked), takes the article's next change number, stores the link
 * and its entry on each claim, commits and tells the article's event streams. A pair already linked as this kind is
 * refused by the unique index `Link_live_pair_kind_key` (SQLITE_CONSTRAINT_UNIQUE: linkRepository.ts
 * isDuplicateLiveLink); any throw stores nothing.
 */
export async function createLinkInBatch(
  writer: SqliteWriter,
  link: NewLink,
  plan: LinkCreatePlan,
  actor: Actor,
): Promise<Link> {
  const { answer, changeNumber } = await writer.transaction((statements) => {
    const found = statements
      .prepare(FIND_LINK_ENDS_SQLITE)
      .all(link.fromClaimId, link.toClaimId, link.articleId) as EndRow[];
    const ends = plan.ends(linkEndsOf(found));
    const counter = statements.prepare(TAKE_CHANGE_NUMBER).get(link.articleId) as { lastChangeNumber: number };
    const at = new Date();
    statements.prepare(INSERT_LINK).run(...linkValues(link), counter.lastChangeNumber, actor.id, sqliteDateTime(at));
    const made = newLinkAnswer(link, actor, at);
    insertEventRows(statements, link.articleId, counter.lastChangeNumber, actor, plan.events(made, ends), at);
    return { answer: made, changeNumber: counter.lastChangeNumber };
  });
  announceChange({ articleId: link.articleId, changeNumber });
  return answer;
}

/**
 * The link, its entries and the NOTIFY that tells every server's event streams on commit, in one statement.
 * $1 id, $2 article, $3 from, $4 to, $5 kind, $6 note, $7 actor, $8 time, $9 channel, $10 change number, then 5 values
 * an entry.
 */
const INSERT_LINK_POSTGRES = (entries: number) => `WITH "link" AS (
    INSERT INTO "Link" ("id", "articleId", "fromClaimId", "toClaimId", "kind", "note", "changeNumber", "createdById",
      "createdAt")
    VALUES ($1, $2, $3, $4, $5, $6, $10, $7, $8) RETURNING "id"),
  "event" AS (
    INSERT INTO "Event" ("id", "articleId", "changeNumber", "claimId", "actorId", "action", "from", "to", "at")
    SELECT "entry"."id", $2, $10, "entry"."claimId", $7, "entry"."action", "entry"."from", "entry"."to", $8
    FROM (VALUES ${Array.from({ length: entries }, (_, index) => {
      const first = 11 + index * 5;
      return `($${first}::text, $${first + 1}::text, $${first + 2}::text, $${first + 3}::text, $${first + 4}::text)`;
    }).join(", ")}) AS "entry" ("id", "claimId", "action", "from", "to"), "link")
  SELECT pg_notify($9, $2 || ':' || $10::text) FROM "link"`;

/**
 * createLink's write on PostgreSQL as prepared statements on the pool Prisma uses, in the transaction of the article's
 * group of writes (inArticleTransaction): the article's change lock (its next change number), then the ends read
 * under it (`plan.ends` refuses what cannot be linked; read by a statement of their own, so a claim or the article
 * deleted by a write this one waited for is seen), then the link, its entries and the NOTIFY in one statement. A pair already linked as this kind is refused by the unique index
 * (23505); any throw stores nothing.
 */
export function createLinkOnPostgres(pool: pg.Pool, link: NewLink, plan: LinkCreatePlan, actor: Actor): Promise<Link> {
  return inArticleTransaction(pool, link.articleId, async (client) => {
    const changeNumber = await takeChangeLock(client, link.articleId);
    const found = await client.query<EndRow>({
      name: "link-create-ends",
      text: FIND_LINK_ENDS(["$1", "$2", "$3"]),
      values: [link.articleId, link.fromClaimId, link.toClaimId],
    });
    const ends = plan.ends(changeNumber === undefined ? null : linkEndsOf(found.rows));
    const at = new Date();
    const made = newLinkAnswer(link, actor, at);
    const rows = eventRowsOf(link.articleId, 0, actor, plan.events(made, ends), at);
    await client.query({
      name: `link-create-${rows.length}`,
      text: INSERT_LINK_POSTGRES(rows.length),
      values: [
        ...linkValues(link),
        actor.id,
        postgresDateTime(at),
        CHANGE_CHANNEL,
        changeNumber,
        ...rows.flatMap((row) => [row.id, row.claimId, row.action, row.from, row.to]),
      ],
    });
    return made;
  });
}
