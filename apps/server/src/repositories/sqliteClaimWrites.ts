import { type Actor, AppError, type Claim, changeEvent, type Selectors, type Verdict } from "@factmark/core";
import { sqliteDateTime } from "../db/sqliteDateTime";
import type { KeptStatements, SqliteWriter } from "../db/sqliteWriter";
import { preconditionFailed } from "../domain/preconditionFailed";
import { announceChange } from "../live/changeHints";
import { type ClaimChange, type ClaimEventInput, selectorColumns, toClaim } from "./claimRepository";
import { type EventInput, eventRowsOf } from "./eventRepository";
import { recentPerClient } from "./recentPerClient";

/** What a new claim holds besides its place, which is found on the article's text under the lock. */
export interface NewClaimFields {
  id: string;
  articleId: string;
  verdict: Verdict;
  speaker: string | null;
  rationale: string;
  /** Accepted from a suggestion: its "created" entry says so. */
  fromSuggestion?: boolean;
}

// The statements of insertClaim's Prisma path, kept prepared: the same rows, in the same formats.
/** lockArticleForChanges' statement: the article's next change number; none when there is no such article. */
export const TAKE_CHANGE_NUMBER = `INSERT INTO "ArticleChangeCounter" ("articleId", "lastChangeNumber")
  SELECT "id", 1 FROM "Article" WHERE "id" = ?
  ON CONFLICT ("articleId") DO UPDATE SET "lastChangeNumber" = "ArticleChangeCounter"."lastChangeNumber" + 1
  RETURNING "lastChangeNumber"`;
const FIND_LIVE_VERSION = `SELECT "version" FROM "Article" WHERE "id" = ? AND "deletedAt" IS NULL`;
const FIND_TEXT = `SELECT "text" FROM "Article" WHERE "id" = ?`;
/** The columns Prisma's create sends; the rest take the schema's defaults, read back. */
const INSERT_CLAIM = `INSERT INTO "Claim" ("id", "articleId", "start", "end", "exact", "prefix", "suffix", "verdict",
  "speaker", "rationale", "createdById", "verdictSetById", "changeNumber", "createdAt", "updatedAt")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  RETURNING "isOrphaned", "isAnchorUnconfirmed", "version", "status", "reviewRound"`;
/** A live claim on exactly this range, with who marked it: what a claim accepted from a suggestion may not repeat. */
export const FIND_SAME_RANGE = (placeholders: [string, string, string]) => `SELECT "Claim"."id",
    COALESCE("Claim"."originalAuthorName", "Account"."name") AS "by"
  FROM "Claim" JOIN "Account" ON "Account"."id" = "Claim"."createdById"
  WHERE "Claim"."articleId" = ${placeholders[0]} AND "Claim"."start" = ${placeholders[1]}
    AND "Claim"."end" = ${placeholders[2]} AND "Claim"."deletedAt" IS NULL
  ORDER BY "Claim"."createdAt" LIMIT 1`;
const FIND_SAME_RANGE_SQLITE = FIND_SAME_RANGE(["?", "?", "?"]);
const INSERT_EVENT = `INSERT INTO "Event" ("id", "articleId", "changeNumber", "claimId", "actorId", "action", "from",
  "to", "at") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * The refusal of a second claim from the same suggestion: CONFLICT naming the live claim already on its exact
 * range and who marked it (`details: {reason: "already_marked", claimId, by}`), so a reviewer who accepted it a
 * moment after another is told so instead of making a duplicate.
 */
export function alreadyMarked(existing: { id: string; by: string }): AppError {
  return new AppError("CONFLICT", `Already marked by ${existing.by}: this suggestion is claim ${existing.id}.`, {
    reason: "already_marked",
    claimId: existing.id,
    by: existing.by,
  });
}

/** The columns a new claim's row takes from the schema's defaults, as read back from its insert. */
export interface NewClaimDefaults {
  isOrphaned: boolean;
  isAnchorUnconfirmed: boolean;
  version: number;
  status: string;
  reviewRound: number;
}

/**
 * A claim just inserted by a statement batch (SQLite or PostgreSQL), as the API answers it: its fields, its
 * place, the defaults its insert read back, and who made it when. The author is the actor: no account row is read.
 */
export function newClaimAnswer(
  claim: NewClaimFields,
  { position, quote }: Selectors,
  defaults: NewClaimDefaults,
  {
    changeNumber,
    at,
    actor,
    verdictSetById,
  }: { changeNumber: number; at: Date; actor: Actor; verdictSetById: string | null },
): Claim {
  const author = { id: actor.id, name: actor.name };
  return toClaim({
    ...claim,
    ...selectorColumns({ position, quote }),
    ...defaults,
    changeNumber,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    originalAuthorName: null,
    createdById: actor.id,
    assigneeId: null,
    verdictSetById,
    createdBy: author,
    assignee: null,
    verdictSetBy: verdictSetById === null ? null : author,
    reviews: [],
  });
}

/** Per connection (its text statement), the texts read lately by article id, with the version they belong to. */
const recentTexts = recentPerClient<{ version: number; text: string }, object>(16);

/**
 * createClaim's write on SQLite in one batch of kept statements (see sqliteWriter.ts): takes the article's
 * next change number (its change lock), reads its text (kept by version), places the selectors with
 * `place` (which may throw UNPROCESSABLE, or PRECONDITION_FAILED for another version than the client read), refuses a claim from a suggestion whose exact range a live claim holds
 * already (CONFLICT, see alreadyMarked), stores the claim and its "created" entry, commits, and tells the
 * article's event streams. Throws NOT_FOUND when there is no such live article; any throw stores nothing.
 */
export async function createClaimInBatch(
  writer: SqliteWriter,
  claim: NewClaimFields,
  place: (text: string, version: number) => Selectors,
  actor: Actor,
): Promise<Claim> {
  const { answer, changeNumber } = await writer.transaction((statements) =>
    insertClaimStatements(statements, claim, place, actor),
  );
  announceChange({ articleId: claim.articleId, changeNumber });
  return answer;
}

function insertClaimStatements(
  statements: KeptStatements,
  claim: NewClaimFields,
  place: (text: string, version: number) => Selectors,
  actor: Actor,
): { answer: Claim; changeNumber: number } {
  const counter = statements.prepare(TAKE_CHANGE_NUMBER).get(claim.articleId) as
    | { lastChangeNumber: number }
    | undefined;
  const live = statements.prepare(FIND_LIVE_VERSION).get(claim.articleId) as { version: number } | undefined;
  if (!counter || !live) throw new AppError("NOT_FOUND", `No article with id "${claim.articleId}".`);
  const changeNumber = counter.lastChangeNumber;
  const selectors = place(textOf(statements, claim.articleId, live.version), live.version);
  const { position, quote } = selectors;
  if (claim.fromSuggestion) {
    // Under the change lock: two reviewers accepting the same suggestion at once make one claim.
    const existing = statements.prepare(FIND_SAME_RANGE_SQLITE).get(claim.articleId, position.start, position.end) as
      | { id: string; by: string }
      | undefined;
    if (existing) throw alreadyMarked(existing);
  }
  const at = new Date();
  const storedAt = sqliteDateTime(at);
  // Whoever gives a verdict may not approve it.
  const verdictSetById = claim.verdict === "unverified" ? null : actor.id;
  const defaults = statements
    .prepare(INSERT_CLAIM)
    .get(
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
      storedAt,
      storedAt,
    ) as { isOrphaned: number; isAnchorUnconfirmed: number; version: number; status: string; reviewRound: number };
  const events = [
    {
      claimId: claim.id,
      ...changeEvent.claimCreated({ verdict: claim.verdict, selectors, fromSuggestion: claim.fromSuggestion }),
    },
  ];
  insertEventRows(statements, claim.articleId, changeNumber, actor, events, at);
  const answer = newClaimAnswer(
    claim,
    selectors,
    { ...defaults, isOrphaned: defaults.isOrphaned === 1, isAnchorUnconfirmed: defaults.isAnchorUnconfirmed === 1 },
    { changeNumber, at, actor, verdictSetById },
  );
  return { answer, changeNumber };
}

/** Records `events` of an article under one change number and instant, as insertEvents does (eventRowsOf). */
export function insertEventRows(
  statements: KeptStatements,
  articleId: string,
  changeNumber: number,
  actor: Actor,
  events: EventInput[],
  at: Date,
): void {
  const insertEvent = statements.prepare(INSERT_EVENT);
  for (const row of eventRowsOf(articleId, changeNumber, actor, events, at)) {
    insertEvent.run(
      row.id,
      row.articleId,
      row.changeNumber,
      row.claimId,
      row.actorId,
      row.action,
      row.from,
      row.to,
      sqliteDateTime(row.at),
    );
  }
}

/** The article's text at `version`: from memory while that version is the one kept, else read (and kept). */
function textOf(statements: KeptStatements, articleId: string, version: number): string {
  const findText = statements.prepare(FIND_TEXT);
  const known = recentTexts.get(findText, articleId);
  if (known?.version === version) return known.text;
  const { text } = findText.get(articleId) as { text: string };
  recentTexts.set(findText, articleId, { version, text });
  return text;
}

// updateClaim's statements: the claim as findClaim reads it (live, of a live article), with its accounts and reviews.
const FIND_LIVE_CLAIM = `SELECT c."id", c."articleId", c."start", c."end", c."exact", c."prefix", c."suffix",
    c."verdict", c."speaker", c."rationale", c."isOrphaned", c."isAnchorUnconfirmed", c."version", c."changeNumber",
    c."createdAt", c."updatedAt", c."deletedAt", c."createdById", c."originalAuthorName", c."status", c."assigneeId",
    c."verdictSetById", c."reviewRound"
  FROM "Claim" AS c JOIN "Article" AS a ON a."id" = c."articleId"
  WHERE c."id" = ? AND c."deletedAt" IS NULL AND a."deletedAt" IS NULL`;
const FIND_ACCOUNTS = `SELECT "id", "name" FROM "Account" WHERE "id" IN (?, ?, ?)`;
const FIND_REVIEWS = `SELECT r."id", r."claimId", r."articleId", r."reviewerId", r."originalReviewerName", r."decision",
    r."note", r."round", r."changeNumber", r."createdAt", a."name" AS "reviewerName"
  FROM "Review" AS r LEFT JOIN "Account" AS a ON a."id" = r."reviewerId"
  WHERE r."claimId" = ? ORDER BY r."id"`;
const FIND_ACCOUNT = `SELECT "id", "name", "role", "deactivatedAt" FROM "Account" WHERE "id" = ?`;

/** An account as an assignment checks it (domain/requireAssignee.ts `checkAssignee`). */
export interface AccountForAssignment {
  id: string;
  name: string;
  role: string;
  deactivatedAt: string | null;
}

/** What an update writes and records, planned from the claim as it is (services/claims/updateClaim.ts). */
export type ClaimUpdatePlan = (
  current: Claim,
  findAccount: (id: string) => AccountForAssignment | undefined,
) => { change: ClaimChange; events: ClaimEventInput[] };

/**
 * updateClaim's write on SQLite in one batch of kept statements (see sqliteWriter.ts), the steps of its Prisma
 * path: reads the live claim (NOT_FOUND when there is none, or its article is deleted), refuses a stale
 * `expectedVersion` (PRECONDITION_FAILED with the current claim), asks `plan` what changes (it may throw, e.g.
 * FORBIDDEN or UNPROCESSABLE), and, when anything does, takes the article's next change number, writes the
 * columns with the next version, records the entries, commits and tells the article's event streams. Answers the
 * claim as GET /api/claims/:id then does; as it was when nothing changed. Any throw stores nothing.
 */
export async function updateClaimInBatch(
  writer: SqliteWriter,
  actor: Actor,
  id: string,
  expectedVersion: number,
  plan: ClaimUpdatePlan,
): Promise<Claim> {
  const { answer, hint } = await writer.transaction((statements) => {
    const current = readLiveClaim(statements, id);
    if (!current) throw new AppError("NOT_FOUND", `No claim with id "${id}".`);
    if (current.version !== expectedVersion) throw preconditionFailed("claim", current);
    const { change, events } = plan(
      current,
      (accountId) => statements.prepare(FIND_ACCOUNT).get(accountId) as AccountForAssignment | undefined,
    );
    // A save that changes nothing is no change: no version, no change number, nothing for others to hear.
    if (events.length === 0) return { answer: current, hint: null };
    const counter = statements.prepare(TAKE_CHANGE_NUMBER).get(current.articleId) as
      | { lastChangeNumber: number }
      | undefined;
    if (!counter) throw new AppError("NOT_FOUND", `No claim with id "${id}".`);
    const changeNumber = counter.lastChangeNumber;
    const at = new Date();
    const { sql, values } = updateStatementOf(change);
    const result = statements.prepare(sql).run(...values, changeNumber, sqliteDateTime(at), id, expectedVersion);
    if (result.changes !== 1) throw preconditionFailed("claim", current);
    insertEventRows(
      statements,
      current.articleId,
      changeNumber,
      actor,
      events.map((event) => ({ ...event, claimId: id })),
      at,
    );
    const updated = readLiveClaim(statements, id);
    if (!updated) throw new Error(`Claim "${id}" was not there after its update.`);
    return { answer: updated, hint: { articleId: current.articleId, changeNumber } };
  });
  if (hint) announceChange(hint);
  return answer;
}

/** The claim's columns a ClaimChange writes, in the order the UPDATE binds them (here and on PostgreSQL). */
export const CHANGE_COLUMNS = [
  "verdict",
  "speaker",
  "rationale",
  "deletedAt",
  "isAnchorUnconfirmed",
  "status",
  "assigneeId",
  "verdictSetById",
] as const satisfies readonly (keyof ClaimChange)[];

/**
 * The UPDATE that writes `change` at the version read, as updateClaimIfVersion's Prisma query does (the columns
 * given, a new review round when it starts one, the change number, the time, the next version), and the values of
 * its columns in SQLite's formats; the change number, time, id and version are bound after them. One statement per
 * set of columns, kept.
 */
function updateStatementOf(change: ClaimChange): { sql: string; values: (string | number | null)[] } {
  const assignments: string[] = [];
  const values: (string | number | null)[] = [];
  for (const column of CHANGE_COLUMNS) {
    const value = change[column];
    if (value === undefined) continue;
    assignments.push(`"${column}" = ?`);
    values.push(value instanceof Date ? sqliteDateTime(value) : typeof value === "boolean" ? Number(value) : value);
  }
  if (change.startsNewReviewRound) assignments.push(`"reviewRound" = "reviewRound" + 1`);
  const sql = `UPDATE "Claim" SET ${assignments.join(", ")}${assignments.length > 0 ? ", " : ""}"changeNumber" = ?,
    "updatedAt" = ?, "version" = "version" + 1 WHERE "id" = ? AND "version" = ?`;
  return { sql, values };
}

interface LiveClaimRow {
  id: string;
  articleId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  verdict: string;
  speaker: string | null;
  rationale: string;
  isOrphaned: number;
  isAnchorUnconfirmed: number;
  version: number;
  changeNumber: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  createdById: string;
  originalAuthorName: string | null;
  status: string;
  assigneeId: string | null;
  verdictSetById: string | null;
  reviewRound: number;
}

interface ReviewWithNameRow {
  id: string;
  claimId: string;
  articleId: string;
  reviewerId: string;
  originalReviewerName: string | null;
  decision: string;
  note: string | null;
  round: number;
  changeNumber: number;
  createdAt: string;
  reviewerName: string | null;
}

/** A live claim of a live article as findClaim answers it, read with kept statements; undefined when there is none. */
function readLiveClaim(statements: KeptStatements, id: string): Claim | undefined {
  const row = statements.prepare(FIND_LIVE_CLAIM).get(id) as LiveClaimRow | undefined;
  if (!row) return undefined;
  const accounts = statements.prepare(FIND_ACCOUNTS).all(row.createdById, row.assigneeId, row.verdictSetById) as {
    id: string;
    name: string;
  }[];
  const accountOf = (accountId: string | null) => accounts.find((account) => account.id === accountId) ?? null;
  const reviews = (statements.prepare(FIND_REVIEWS).all(id) as ReviewWithNameRow[]).map(
    ({ reviewerName, createdAt, ...review }) => ({
      ...review,
      createdAt: new Date(createdAt),
      reviewer: { id: review.reviewerId, name: reviewerName ?? "Unknown reviewer" },
    }),
  );
  return toClaim({
    ...row,
    isOrphaned: row.isOrphaned === 1,
    isAnchorUnconfirmed: row.isAnchorUnconfirmed === 1,
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
    deletedAt: row.deletedAt === null ? null : new Date(row.deletedAt),
    createdBy: accountOf(row.createdById) ?? { id: row.createdById, name: "Unknown reviewer" },
    assignee: accountOf(row.assigneeId),
    verdictSetBy: accountOf(row.verdictSetById),
    reviews,
  });
}
