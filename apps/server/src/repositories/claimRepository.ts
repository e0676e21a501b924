import {
  type Actor,
  AppError,
  type ChangePayload,
  type Claim,
  type ClaimList,
  type ClaimStatus,
  type ClaimWorkflow,
  changeEvent,
  type Selectors,
  type Verdict,
  type WorkItem,
} from "@factmark/core";
import type { Prisma } from "../generated/prisma/client";
import { findAccountsLastChange, readAccountsById } from "./accountRepository";
import { type DbClient, isLiveArticle } from "./articleRepository";
import { batchesOf } from "./batchesOf";
import { changeNumberOf, findLastChangeNumber, insertEvents, lockArticleForChanges } from "./eventRepository";
import { recentPerClient } from "./recentPerClient";
import { countApprovals, REVIEW_INCLUDE, type ReviewRow, toReview } from "./reviewRepository";

const ACTOR_SELECT = { select: { id: true, name: true } } as const;

/** What a claim answer needs besides the claim's row: its author, assignee, who set its verdict, its reviews. */
export const CLAIM_INCLUDE = {
  createdBy: ACTOR_SELECT,
  assignee: ACTOR_SELECT,
  verdictSetBy: ACTOR_SELECT,
  reviews: { orderBy: { id: "asc" }, include: REVIEW_INCLUDE },
} as const;
type ClaimRow = Prisma.ClaimGetPayload<{ include: typeof CLAIM_INCLUDE }>;

/** A claim's selectors as its row's columns (the reverse of toClaim's): offsets in UTF-16 code units. */
export function selectorColumns({ position, quote }: Selectors) {
  return {
    start: position.start,
    end: position.end,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
  };
}

/** A claim row as it crosses the wire. `reviews`: all the claim's reviews, oldest first. */
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
    ...(row.originalAuthorName ? { originalAuthorName: row.originalAuthorName } : {}),
    ...workflowOf(row),
  };
}

/** Where the claim is in review: only the approvals of its current round count. */
function workflowOf(row: ClaimRow): ClaimWorkflow {
  const latest = row.reviews.at(-1);
  return {
    status: row.status as ClaimStatus,
    assignee: row.assignee,
    verdictSetBy: row.verdictSetBy,
    approvals: countApprovals(row.reviews, row.reviewRound),
    latestReview: latest ? toReview(latest) : null,
  };
}

export interface NewClaim {
  id: string;
  articleId: string;
  selectors: Selectors;
  verdict: Verdict;
  speaker: string | null;
  rationale: string;
  /** Accepted from a suggestion: its "created" entry says so. */
  fromSuggestion?: boolean;
}

/** Stores a claim and records its "created" entry; the caller holds the article's change lock. */
export async function insertClaim(db: DbClient, claim: NewClaim, actor: Actor): Promise<Claim> {
  const row = await db.claim.create({
    data: {
      id: claim.id,
      articleId: claim.articleId,
      ...selectorColumns(claim.selectors),
      verdict: claim.verdict,
      speaker: claim.speaker,
      rationale: claim.rationale,
      createdById: actor.id,
      // Whoever gives a verdict may not approve it.
      verdictSetById: claim.verdict === "unverified" ? null : actor.id,
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
  const author = { id: actor.id, name: actor.name };
  return toClaim({
    ...row,
    createdBy: author,
    assignee: null,
    verdictSetBy: row.verdictSetById === null ? null : author,
    reviews: [],
  });
}

/**
 * The live claims of a live article in document order, or with `since` the claims written after that
 * change number (deleted ones as ids); null when the article is not there. `cursor` is the
 * article's last change number read before the claims, so a change committed after this read always
 * comes in the next one (one committed during it may come twice: applying it again changes nothing).
 * A few light queries instead of a nested include: on 2,000 claims Prisma's relation loading
 * cost as much as the claims themselves (see docs/benchmarks.md).
 */
export async function listClaimsOfArticle(db: DbClient, articleId: string, since?: number): Promise<ClaimList | null> {
  const cursor = await findLastChangeNumber(db, articleId);
  if (cursor === null) return null;
  if (since !== undefined) {
    return readClaimList(db, { articleId, since }, cursor);
  }
  // Every change takes the next number in its own transaction: a whole list read after the counter said
  // N holds every change up to N (a review too: it also writes its claim), and stays exact while the counter
  // still says N and no account, whose name the list shows as an author, assignee or reviewer, changed since.
  // When the counter moved on to M, that list plus the claims written after N (read after the counter said
  // M) holds every change up to M: the read and its merge cost what changed, not the article.
  const accountsAt = await findAccountsLastChange(db);
  const known = recentWholeLists.get(db, articleId);
  if (known?.accountsAt === accountsAt && known.list.cursor === cursor) return known.list;
  const list =
    known?.accountsAt === accountsAt && known.list.cursor < cursor
      ? mergeClaimChanges(known.list, await readClaimList(db, { articleId, since: known.list.cursor }, cursor))
      : await readClaimList(db, { articleId }, cursor);
  recentWholeLists.set(db, articleId, { accountsAt, list });
  return list;
}

/**
 * The whole claim lists read lately, each with the accounts' last update it was read at: 50 reviewers
 * opening one article of 2,000 claims then cost one read (35 ms), not 50; after a change, the read of what
 * changed (see listClaimsOfArticle).
 */
const recentWholeLists = recentPerClient<{ accountsAt: string; list: ClaimList }>(8);

/**
 * A whole list with a change set read after it applied: changed claims replaced (moved to their new place
 * when their position changed), new ones inserted, deleted ones dropped, all in document order (start
 * ascending, end descending, id ascending, as the database sorts them). Leaves `whole` as it was, and keeps its
 * unchanged claim objects as they are: the list's JSON reuses what it made of them (claimListPieces), so a claim
 * object in a list is never changed once made.
 */
export function mergeClaimChanges(whole: ClaimList, changes: ClaimList): ClaimList {
  const changedIds = new Set<string>(changes.deletedIds);
  for (const claim of changes.items) changedIds.add(claim.id);
  const written = [...changes.items].sort(compareInDocumentOrder);
  // One pass over the whole list, each written claim put before the first kept one it precedes: one new array.
  const items: Claim[] = [];
  let w = 0;
  for (const keptClaim of whole.items) {
    if (changedIds.has(keptClaim.id)) continue;
    while (w < written.length && compareInDocumentOrder(written[w] as Claim, keptClaim) < 0) {
      items.push(written[w] as Claim);
      w++;
    }
    items.push(keptClaim);
  }
  for (; w < written.length; w++) items.push(written[w] as Claim);
  return { items, deletedIds: [], cursor: changes.cursor };
}

/** Document order: start ascending, then the longer claim first (end descending), then id ascending. */
function compareInDocumentOrder(a: Claim, b: Claim): number {
  const { start: aStart, end: aEnd } = a.selectors.position;
  const { start: bStart, end: bEnd } = b.selectors.position;
  if (aStart !== bStart) return aStart - bStart;
  if (aEnd !== bEnd) return bEnd - aEnd;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Three queries whatever the number of claims: the claims, their reviews, and the accounts they name (authors,
 * assignees, who set each verdict, reviewers).
 */
async function readClaimList(
  db: DbClient,
  { articleId, since }: { articleId: string; since?: number },
  cursor: number,
): Promise<ClaimList> {
  const where: Prisma.ClaimWhereInput =
    since === undefined ? { articleId, deletedAt: null } : { articleId, changeNumber: { gt: since } };
  const rows = await db.claim.findMany({ where, orderBy: [{ start: "asc" }, { end: "desc" }, { id: "asc" }] });
  const live = rows.filter((row) => row.deletedAt === null);
  // The whole list reads the article's reviews by its index; what changed, those of its claims, in batches (a save
  // that moved every claim changed thousands, past SQLite's 999 bound values).
  const reviews: Awaited<ReturnType<typeof db.review.findMany>> = [];
  if (live.length > 0 && since === undefined) {
    reviews.push(...(await db.review.findMany({ where: { articleId }, orderBy: { id: "asc" } })));
  } else {
    for (const batch of batchesOf(live.map((row) => row.id))) {
      reviews.push(...(await db.review.findMany({ where: { claimId: { in: batch } }, orderBy: { id: "asc" } })));
    }
    reviews.sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0));
  }
  const accountIds = new Set<string>();
  for (const row of live) {
    accountIds.add(row.createdById);
    if (row.assigneeId !== null) accountIds.add(row.assigneeId);
    if (row.verdictSetById !== null) accountIds.add(row.verdictSetById);
  }
  for (const review of reviews) accountIds.add(review.reviewerId);
  const accountById = await readAccountsById(db, accountIds);
  const accountOf = (id: string | null) => (id === null ? null : (accountById.get(id) ?? null));
  const reviewsByClaim = new Map<string, ReviewRow[]>();
  for (const review of reviews) {
    const reviewer = accountOf(review.reviewerId) ?? { id: review.reviewerId, name: "Unknown reviewer" };
    const ofClaim = reviewsByClaim.get(review.claimId) ?? [];
    ofClaim.push({ ...review, reviewer });
    reviewsByClaim.set(review.claimId, ofClaim);
  }
  return {
    items: live.map((row) =>
      toClaim({
        ...row,
        createdBy: accountOf(row.createdById) ?? { id: row.createdById, name: "Unknown reviewer" },
        assignee: accountOf(row.assigneeId),
        verdictSetBy: accountOf(row.verdictSetById),
        reviews: reviewsByClaim.get(row.id) ?? [],
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
  const found = await findClaimInReview(db, id, { includeDeleted });
  return found ? { ...found.claim, isDeleted: found.isDeleted } : null;
}

/**
 * A claim as findClaim answers it, with its current review round, which the API does not show: a review is
 * given in it, and only its approvals count.
 */
export async function findClaimInReview(
  db: DbClient,
  id: string,
  { includeDeleted = false } = {},
): Promise<{ claim: Claim; isDeleted: boolean; reviewRound: number } | null> {
  const row = await db.claim.findFirst({
    where: { id, article: { deletedAt: null }, ...(includeDeleted ? {} : { deletedAt: null }) },
    include: CLAIM_INCLUDE,
  });
  return row ? { claim: toClaim(row), isDeleted: row.deletedAt !== null, reviewRound: row.reviewRound } : null;
}

/** What the review rules read of a claim before they change it: its status and version; null when not there. */
export async function findClaimReviewStatus(
  db: DbClient,
  id: string,
): Promise<{ id: string; articleId: string; status: ClaimStatus; version: number } | null> {
  const row = await db.claim.findUnique({
    where: { id },
    select: { id: true, articleId: true, status: true, version: true },
  });
  return row ? { ...row, status: row.status as ClaimStatus } : null;
}

export interface ClaimChange {
  verdict?: Verdict;
  speaker?: string | null;
  rationale?: string;
  deletedAt?: Date | null;
  /** false when a reviewer confirmed the place a save moved the claim to. */
  isAnchorUnconfirmed?: boolean;
  status?: ClaimStatus;
  /** null: nobody. */
  assigneeId?: string | null;
  /** Who set the verdict (a change of verdict is theirs). */
  verdictSetById?: string | null;
  /** Ends the claim's review round: the approvals given so far no longer count. */
  startsNewReviewRound?: boolean;
}

/** A change of one claim, built by core's `changeEvent`: recorded on that claim. */
export type ClaimEventInput = ChangePayload;

/**
 * Applies a change and records its history entries, if the claim is still at `expectedVersion` and its article live.
 * Returns false when another write got there first; throws NOT_FOUND when the article was deleted meanwhile.
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
  const { startsNewReviewRound, ...columns } = change;
  // Under the lock, so a deletion of the article committed by the write this one waited for is seen (PostgreSQL).
  const result = await db.claim.updateMany({
    where: { id: claim.id, version: expectedVersion, article: { deletedAt: null } },
    data: {
      ...columns,
      ...(startsNewReviewRound ? { reviewRound: { increment: 1 } } : {}),
      changeNumber: changeNumberOf(db, claim.articleId),
      updatedAt: at,
      version: { increment: 1 },
    },
  });
  if (result.count !== 1) {
    if (!(await isLiveArticle(db, claim.articleId))) throw new AppError("NOT_FOUND", `No claim with id "${claim.id}".`);
    return false;
  }
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

/**
 * The live claims of live articles assigned to an account and not approved, most recently changed first, at most
 * `limit` of them (the index on assignee and status finds them).
 */
export async function listWorkOfAssignee(db: DbClient, assigneeId: string, limit: number): Promise<WorkItem[]> {
  const rows = await db.claim.findMany({
    where: { assigneeId, status: { not: "approved" }, deletedAt: null, article: { deletedAt: null } },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      exact: true,
      verdict: true,
      status: true,
      updatedAt: true,
      article: { select: { id: true, title: true } },
      reviews: { orderBy: { id: "desc" }, take: 1, include: REVIEW_INCLUDE },
    },
  });
  return rows.map((row) => {
    const latest = row.reviews[0];
    return {
      claimId: row.id,
      article: row.article,
      exact: row.exact,
      verdict: row.verdict as Verdict,
      status: row.status as ClaimStatus,
      latestReview: latest ? toReview(latest) : null,
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}
