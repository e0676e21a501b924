import { type Actor, AppError, type Evidence, type EvidenceStance } from "@factmark/core";
import type { Prisma } from "../generated/prisma/client";
import { type DbClient, isLiveArticle } from "./articleRepository";
import { changeNumberOf } from "./eventRepository";

const EVIDENCE_INCLUDE = { createdBy: { select: { id: true, name: true } } } as const;
type EvidenceRow = Prisma.EvidenceGetPayload<{ include: typeof EVIDENCE_INCLUDE }>;

/** An evidence row as it crosses the wire. */
export function toEvidence(row: EvidenceRow): Evidence {
  return {
    id: row.id,
    claimId: row.claimId,
    url: row.url,
    title: row.title,
    excerpt: row.excerpt,
    stance: row.stance as EvidenceStance,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: row.createdBy,
    ...(row.originalAuthorName ? { originalAuthorName: row.originalAuthorName } : {}),
  };
}

export interface EvidenceFields {
  url: string;
  title: string | null;
  excerpt: string | null;
  stance: EvidenceStance;
}

/** Stores evidence on a claim of article `articleId`, in the transaction that changes that article. */
export async function insertEvidence(
  db: DbClient,
  articleId: string,
  evidence: EvidenceFields & { id: string; claimId: string },
  actor: Actor,
  at: Date,
): Promise<Evidence> {
  const row = await db.evidence.create({
    data: {
      ...evidence,
      changeNumber: changeNumberOf(db, articleId),
      createdById: actor.id,
      createdAt: at,
      updatedAt: at,
    },
    include: EVIDENCE_INCLUDE,
  });
  return toEvidence(row);
}

/** The live evidence of a live claim, oldest first; null when the claim is not there. */
export async function listEvidenceOfClaim(db: DbClient, claimId: string): Promise<Evidence[] | null> {
  const claim = await db.claim.findFirst({
    where: { id: claimId, deletedAt: null, article: { deletedAt: null } },
    select: {
      evidence: {
        where: { deletedAt: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: EVIDENCE_INCLUDE,
      },
    },
  });
  return claim ? claim.evidence.map(toEvidence) : null;
}

/**
 * Evidence of a live article, deleted or not, with what its rules need of its claim;
 * null when there is none.
 */
export async function findEvidence(
  db: DbClient,
  id: string,
): Promise<{
  evidence: Evidence;
  isDeleted: boolean;
  claim: { id: string; articleId: string; isDeleted: boolean };
} | null> {
  const row = await db.evidence.findFirst({
    where: { id, claim: { article: { deletedAt: null } } },
    include: { ...EVIDENCE_INCLUDE, claim: { select: { id: true, articleId: true, deletedAt: true } } },
  });
  if (!row) return null;
  return {
    evidence: toEvidence(row),
    isDeleted: row.deletedAt !== null,
    claim: { id: row.claim.id, articleId: row.claim.articleId, isDeleted: row.claim.deletedAt !== null },
  };
}

export type EvidenceChange = Partial<EvidenceFields> & { deletedAt?: Date | null };

/**
 * Applies a change if the evidence is still at `expectedVersion` and its article live; false when another write got
 * there first; throws NOT_FOUND when the article was deleted meanwhile.
 */
export async function updateEvidenceIfVersion(
  db: DbClient,
  articleId: string,
  id: string,
  expectedVersion: number,
  change: EvidenceChange,
  at: Date,
): Promise<boolean> {
  // Under the article's lock, so a deletion of the article committed by the write this one waited for is seen.
  const result = await db.evidence.updateMany({
    where: { id, version: expectedVersion, claim: { article: { deletedAt: null } } },
    data: { ...change, changeNumber: changeNumberOf(db, articleId), updatedAt: at, version: { increment: 1 } },
  });
  if (result.count === 1) return true;
  if (!(await isLiveArticle(db, articleId))) throw new AppError("NOT_FOUND", `No evidence with id "${id}".`);
  return false;
}
