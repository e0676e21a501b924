import type { Actor, Review, ReviewDecision } from "@factmark/core";
import type { Prisma } from "../generated/prisma/client";
import type { DbClient } from "./articleRepository";
import { changeNumberOf } from "./eventRepository";

/** Who gave a review, as a claim or a review answer names them. */
export const REVIEW_INCLUDE = { reviewer: { select: { id: true, name: true } } } as const;
export type ReviewRow = Prisma.ReviewGetPayload<{ include: typeof REVIEW_INCLUDE }>;

/** A review row as it crosses the wire. */
export function toReview(row: ReviewRow): Review {
  return {
    id: row.id,
    claimId: row.claimId,
    decision: row.decision as ReviewDecision,
    note: row.note,
    round: row.round,
    by: row.reviewer,
    ...(row.originalReviewerName ? { originalReviewerName: row.originalReviewerName } : {}),
    at: row.createdAt.toISOString(),
  };
}

/**
 * How many editors approved a claim in `round`: each counts once, however often they approved. `reviews` are
 * the claim's reviews, any rounds. An imported review counts for the person who originally gave it (one importer
 * brings in every review of an export, which were two people's).
 */
export function countApprovals(
  reviews: readonly (Pick<ReviewRow, "decision" | "round" | "reviewerId"> & { originalReviewerName?: string | null })[],
  round: number,
) {
  const approvers = new Set(
    reviews
      .filter((review) => review.round === round && review.decision === "approve")
      .map((review) =>
        review.originalReviewerName ? `originally:${review.originalReviewerName}` : `account:${review.reviewerId}`,
      ),
  );
  return approvers.size;
}

export interface NewReview {
  id: string;
  claimId: string;
  articleId: string;
  decision: ReviewDecision;
  note: string | null;
  round: number;
}

/** Stores a review, in the transaction that changes its article (its change number stamps the row). */
export async function insertReview(db: DbClient, review: NewReview, actor: Actor, at: Date): Promise<Review> {
  const row = await db.review.create({
    data: {
      ...review,
      reviewerId: actor.id,
      changeNumber: changeNumberOf(db, review.articleId),
      createdAt: at,
    },
  });
  return toReview({ ...row, reviewer: { id: actor.id, name: actor.name } });
}

/** The reviews of a claim in one round, oldest first. */
export async function listReviewsInRound(db: DbClient, claimId: string, round: number): Promise<ReviewRow[]> {
  return db.review.findMany({ where: { claimId, round }, orderBy: { id: "asc" }, include: REVIEW_INCLUDE });
}

/** The reviews of a live claim, oldest first; null when the claim is not there. */
export async function listReviewsOfClaim(db: DbClient, claimId: string): Promise<Review[] | null> {
  const claim = await db.claim.findFirst({
    where: { id: claimId, deletedAt: null, article: { deletedAt: null } },
    select: { reviews: { orderBy: { id: "asc" }, include: REVIEW_INCLUDE } },
  });
  return claim ? claim.reviews.map(toReview) : null;
}
