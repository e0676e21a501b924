import { type Actor, AppError, type Claim, changeEvent, type Selectors, type Verdict } from "@factmark/core";
import { sqliteDateTime } from "../db/sqliteDateTime";
import type { KeptStatements, SqliteWriter } from "../db/sqliteWriter";
import { announceChange } from "../live/changeHints";
import { selectorColumns, toClaim } from "./claimRepository";
import { eventRowsOf } from "./eventRepository";
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
const TAKE_CHANGE_NUMBER = `INSERT INTO "ArticleChangeCounter" ("articleId", "lastChangeNumber")
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
  const insertEvent = statements.prepare(INSERT_EVENT);
  const events = [
    {
      claimId: claim.id,
      ...changeEvent.claimCreated({ verdict: claim.verdict, selectors, fromSuggestion: claim.fromSuggestion }),
    },
  ];
  for (const row of eventRowsOf(claim.articleId, changeNumber, actor, events, at)) {
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
  const answer = newClaimAnswer(
    claim,
    selectors,
    { ...defaults, isOrphaned: defaults.isOrphaned === 1, isAnchorUnconfirmed: defaults.isAnchorUnconfirmed === 1 },
    { changeNumber, at, actor, verdictSetById },
  );
  return { answer, changeNumber };
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
