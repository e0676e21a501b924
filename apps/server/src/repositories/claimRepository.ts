import {
  type Actor,
  type ChangePayload,
  type Claim,
  type ClaimList,
  changeEvent,
  type Selectors,
  UNTOUCHED_CLAIM_WORKFLOW,
  type Verdict,
} from "@factmark/core";
import { Prisma } from "../generated/prisma/client";
import type { DbClient } from "./articleRepository";
import { changeNumberOf, findLastChangeNumber, insertEvents, lockArticleForChanges } from "./eventRepository";
import { recentPerClient } from "./recentPerClient";

export const CLAIM_INCLUDE = { createdBy: { select: { id: true, name: true } } } as const;
type ClaimRow = Prisma.ClaimGetPayload<{ include: typeof CLAIM_INCLUDE }>;

/** A claim row as it crosses the wire. */
export function toClaim(row: ClaimRow): Claim {
  return {
    id: row.id,
    articleId: row.articleId,
    selectors: {
      position: { start: row.start, end: row.end },
      quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    },
    verdict: row.verdict as Verdict,
    speaker: row.speaker,
    rationale: row.rationale,
    isOrphaned: row.isOrphaned,
    isAnchorUnconfirmed: row.isAnchorUnconfirmed,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: row.createdBy,
    // Stopgap until the workflow's reads land: every claim reads as untouched.
    ...UNTOUCHED_CLAIM_WORKFLOW,
  };
}

export interface NewClaim {
  id: string;
  articleId: string;
  selectors: Selectors;
  verdict: Verdict;
  speaker: string | null;
  rationale: string;
}

/** Stores a claim and records its "created" entry; the caller holds the article's change lock. */
export async function insertClaim(db: DbClient, claim: NewClaim, actor: Actor): Promise<Claim> {
  const { position, quote } = claim.selectors;
  const row = await db.claim.create({
    data: {
      id: claim.id,
      articleId: claim.articleId,
      start: position.start,
      end: position.end,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      verdict: claim.verdict,
      speaker: claim.speaker,
      rationale: claim.rationale,
      createdById: actor.id,
      changeNumber: changeNumberOf(db, claim.articleId),
    },
  });
  await insertEvents(
    db,
    claim.articleId,
    actor,
    [{ claimId: claim.id, ...changeEvent.claimCreated(claim) }],
    row.createdAt,
  );
  // The author is the actor: no read back of the account row.
  return toClaim({ ...row, createdBy: { id: actor.id, name: actor.name } });
}

/**
 * The live claims of a live article in document order, or with `since` the claims written after that
 * change number (deleted ones as ids); null when the article is not there. `cursor` is the
 * article's last change number read before the claims, so a change committed after this read always
 * comes in the next one (one committed during it may come twice: applying it again changes nothing).
 * Two light queries instead of a nested include: on 2,000 claims Prisma's relation loading
 * cost as much as the claims themselves (see docs/benchmarks.md).
 */
export async function listClaimsOfArticle(db: DbClient, articleId: string, since?: number): Promise<ClaimList | null> {
  const cursor = await findLastChangeNumber(db, articleId);
  if (cursor === null) return null;
  if (since !== undefined) {
    return readClaimList(db, { articleId, changeNumber: { gt: since } }, cursor);
  }
  // Every change takes the next number in its own transaction: a whole list read after the counter said
  // N holds every change up to N, and stays exact while the counter still says N (and no account, whose
  // name the list shows as an author, changed since).
  const [accounts] = await db.$queryRaw<{ changedAt: unknown }[]>`
    SELECT MAX("updatedAt") AS "changedAt" FROM "Account"`;
  const changedAt = accounts?.changedAt;
  const readAt = `${cursor}:${changedAt instanceof Date ? changedAt.toISOString() : String(changedAt)}`;
  const known = recentWholeLists.get(db, articleId);
  if (known?.readAt === readAt) return known.list;
  const list = await readClaimList(db, { articleId, deletedAt: null }, cursor);
  recentWholeLists.set(db, articleId, { readAt, list });
  return list;
}

/**
 * The whole claim lists read lately, each with the state it was read at: 50 reviewers opening one
 * article of 2,000 claims then cost one read (35 ms), not 50.
 */
const recentWholeLists = recentPerClient<{ readAt: string; list: ClaimList }>(8);

async function readClaimList(db: DbClient, where: Prisma.ClaimWhereInput, cursor: number): Promise<ClaimList> {
  const rows = await db.claim.findMany({ where, orderBy: [{ start: "asc" }, { end: "desc" }, { id: "asc" }] });
  const live = rows.filter((row) => row.deletedAt === null);
  const authorIds = [...new Set(live.map((row) => row.createdById))];
  const authors =
    authorIds.length === 0
      ? []
      : await db.$queryRaw<{ id: string; name: string }[]>`
          SELECT "id", "name" FROM "Account" WHERE "id" IN (${Prisma.join(authorIds)})`;
  const authorById = new Map(authors.map((author) => [author.id, author]));
  return {
    items: live.map((row) =>
      toClaim({
        ...row,
        createdBy: authorById.get(row.createdById) ?? { id: row.createdById, name: "Unknown reviewer" },
      }),
    ),
    deletedIds: rows.filter((row) => row.deletedAt !== null).map((row) => row.id),
    cursor,
  };
}

/** A claim whose article is live; deleted claims only when asked for (restoring needs them). */
export async function findClaim(
  db: DbClient,
  id: string,
  { includeDeleted = false } = {},
): Promise<(Claim & { isDeleted: boolean }) | null> {
  const row = await db.claim.findFirst({
    where: { id, article: { deletedAt: null }, ...(includeDeleted ? {} : { deletedAt: null }) },
    include: CLAIM_INCLUDE,
  });
  return row ? { ...toClaim(row), isDeleted: row.deletedAt !== null } : null;
}

export interface ClaimChange {
  verdict?: Verdict;
  speaker?: string | null;
  rationale?: string;
  deletedAt?: Date | null;
  /** false when a reviewer confirmed the place a save moved the claim to. */
  isAnchorUnconfirmed?: boolean;
}

/** A change of one claim, built by core's `changeEvent`: recorded on that claim. */
export type ClaimEventInput = ChangePayload;

/**
 * Applies a change and records its history entries, if the claim is still at `expectedVersion`.
 * Returns false when another write got there first.
 */
export async function updateClaimIfVersion(
  db: DbClient,
  claim: Pick<Claim, "id" | "articleId">,
  expectedVersion: number,
  change: ClaimChange,
  events: ClaimEventInput[],
  actor: Actor,
  at: Date,
): Promise<boolean> {
  await lockArticleForChanges(db, claim.articleId);
  const result = await db.claim.updateMany({
    where: { id: claim.id, version: expectedVersion },
    data: { ...change, changeNumber: changeNumberOf(db, claim.articleId), updatedAt: at, version: { increment: 1 } },
  });
  if (result.count !== 1) return false;
  await insertEvents(
    db,
    claim.articleId,
    actor,
    events.map((event) => ({ ...event, claimId: claim.id })),
    at,
  );
  return true;
}

/** The speakers named on an article's live claims, A to Z; null when the article is not there. */
export async function listSpeakersOfArticle(db: DbClient, articleId: string): Promise<string[] | null> {
  const article = await db.article.findFirst({
    where: { id: articleId, deletedAt: null },
    select: {
      claims: { where: { deletedAt: null, speaker: { not: null } }, select: { speaker: true }, distinct: ["speaker"] },
    },
  });
  if (!article) return null;
  return article.claims
    .flatMap((claim) => (claim.speaker ? [claim.speaker] : []))
    .sort((left, right) => left.localeCompare(right));
}
