import { creditName, type Review } from "@factmark/core";

/** A review in a line: "Approved by Bo", or "Changes requested by Bo: the date is wrong". */
export function describeReview(review: Pick<Review, "decision" | "note" | "by" | "originalReviewerName">): string {
  const by = creditName(review.by, review.originalReviewerName);
  if (review.decision === "approve") return `Approved by ${by}`;
  return review.note ? `Changes requested by ${by}: ${review.note}` : `Changes requested by ${by}`;
}

/** "1 of 2 approvals" under a two-person rule; null when one approval is all a claim needs. */
export function describeApprovals(approvals: number, requiredApprovals: number): string | null {
  if (requiredApprovals <= 1) return null;
  return `${Math.min(approvals, requiredApprovals)} of ${requiredApprovals} approvals`;
}
