import { AppError, type Principal, type Review } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { authorize } from "../../policy/authorize";
import { listReviewsOfClaim } from "../../repositories/reviewRepository";

/** The reviews of a live claim, every round, oldest first; NOT_FOUND when the claim is not there. */
export async function listReviews(db: Db, actor: Principal, claimId: string): Promise<Review[]> {
  authorize(actor, "article.read");
  const reviews = await listReviewsOfClaim(db, claimId);
  if (!reviews) throw new AppError("NOT_FOUND", `No claim with id "${claimId}".`);
  return reviews;
}
