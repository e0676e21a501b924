import { type Actor, changeEvent, type LinkKind, type PlannedClaim } from "@factmark/core";
import { timeOrderedId } from "../db/timeOrderedId";
import type { DbClient } from "./articleRepository";
import { batchesOf, IDS_PER_STATEMENT } from "./batchesOf";
import { selectorColumns } from "./claimRepository";
import { changeNumberOf, type EventInput, insertEvents } from "./eventRepository";

/** What tells an imported claim from one the article has already: its passage, original author and rationale. */
export interface ClaimFingerprint {
  start: number;
  end: number;
  originalAuthorName: string | null;
  rationale: string;
}

/**
 * The fingerprints of an article's live claims, so that importing the same document twice does not mark every
 * passage twice. One query, four columns.
 */
export async function listClaimFingerprints(tx: DbClient, articleId: string): Promise<ClaimFingerprint[]> {
  return tx.claim.findMany({
    where: { articleId, deletedAt: null },
    select: { start: true, end: true, originalAuthorName: true, rationale: true },
  });
}

/** A claim an annotation import stores, with the id it was given. */
export interface AnnotationClaimToInsert {
  id: string;
  claim: PlannedClaim;
}

/**
 * Stores the claims an annotation import made on an existing article, with their evidence, and records one
 * "claim.imported" entry per claim in the article's change log: three statements per WRITE_BATCH claims. Each claim's
 * `createdBy` is the importing account; the annotation's `creator` is kept as `originalAuthorName` and its `created`
 * as the claim's `createdAt` (the import's time when it gave none). The caller runs this inside the transaction that
 * took the article's change lock (lockArticleForChanges), so every row carries that change's number.
 */
export async function insertAnnotationClaims(
  tx: DbClient,
  articleId: string,
  claims: AnnotationClaimToInsert[],
  actor: Actor,
  at: Date,
): Promise<void> {
  for (let start = 0; start < claims.length; start += WRITE_BATCH) {
    await insertClaimBatch(tx, articleId, claims.slice(start, start + WRITE_BATCH), actor, at);
  }
}

/**
 * Claims written per statement group. Prisma builds each statement on the event loop, about 1 ms a row through the
 * PostgreSQL adapter: 5,000 claims in one createMany held every other request for 6 s; in groups of 200, for a fifth
 * of a second at a time, as the database's answer to each group lets the event loop run.
 */
const WRITE_BATCH = 200;

async function insertClaimBatch(
  tx: DbClient,
  articleId: string,
  claims: AnnotationClaimToInsert[],
  actor: Actor,
  at: Date,
): Promise<void> {
  const changeNumber = changeNumberOf(tx, articleId);
  const createdAt = (time: string | null | undefined) => (time ? new Date(time) : at);
  await tx.claim.createMany({
    data: claims.map(({ id, claim }) => ({
      id,
      articleId,
      ...selectorColumns(claim.selectors),
      verdict: claim.verdict,
      speaker: claim.speaker,
      rationale: claim.rationale,
      isOrphaned: claim.isOrphaned,
      isAnchorUnconfirmed: claim.isAnchorUnconfirmed,
      createdById: actor.id,
      originalAuthorName: claim.origin.authorName,
      createdAt: createdAt(claim.origin.at),
      updatedAt: at,
      // The importer brings the verdict in: someone else approves it, as for a verdict they gave.
      verdictSetById: claim.verdict === "unverified" ? null : actor.id,
      changeNumber,
    })),
  });
  const evidence = claims.flatMap(({ id, claim }) =>
    claim.evidence.map((item) => ({
      id: timeOrderedId(),
      claimId: id,
      url: item.url,
      title: item.title,
      excerpt: item.excerpt,
      stance: item.stance,
      createdById: actor.id,
      originalAuthorName: item.origin?.authorName ?? claim.origin.authorName,
      createdAt: createdAt(item.origin?.at ?? claim.origin.at),
      updatedAt: at,
      changeNumber,
    })),
  );
  if (evidence.length > 0) await tx.evidence.createMany({ data: evidence });
  await insertEvents(
    tx,
    articleId,
    actor,
    claims.map(({ id, claim }): EventInput => ({ claimId: id, ...changeEvent.claimImported(claim) })),
    at,
  );
}

/**
 * The live links that touch any of `claimIds`, in either direction, as the pair and kind they hold: what an import's
 * links are checked against, so a pair never gets a second live link of a kind (the unique index would refuse it and
 * fail the whole import). One query.
 */
export async function listLiveLinksTouching(
  tx: DbClient,
  articleId: string,
  claimIds: string[],
): Promise<{ fromClaimId: string; toClaimId: string; kind: LinkKind }[]> {
  // Each id is named twice (either end): batches of half the usual size. A link between two batches is found twice.
  const found = new Map<string, { fromClaimId: string; toClaimId: string; kind: LinkKind }>();
  for (const batch of batchesOf(claimIds, IDS_PER_STATEMENT / 2)) {
    const rows = await tx.link.findMany({
      where: { articleId, deletedAt: null, OR: [{ fromClaimId: { in: batch } }, { toClaimId: { in: batch } }] },
      select: { id: true, fromClaimId: true, toClaimId: true, kind: true },
      orderBy: { id: "asc" },
    });
    for (const { id, ...row } of rows) found.set(id, { ...row, kind: row.kind as LinkKind });
  }
  return [...found.values()];
}
