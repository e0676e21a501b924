import { AppError } from "@factmark/core";
import type { LinkEnd } from "../repositories/linkRepository";

/** Refuses a link (new or restored) to a deleted claim: links are between claims a reviewer can see. */
export function assertLinkable(ends: { fromClaim: LinkEnd; toClaim: LinkEnd }): void {
  for (const [field, end] of Object.entries(ends)) {
    if (end.isDeleted) {
      throw new AppError("UNPROCESSABLE", `The claim "${end.id}" is deleted; restore it before linking it.`, {
        reason: "claim_deleted",
        field: field === "fromClaim" ? "fromClaimId" : "toClaimId",
        claimId: end.id,
      });
    }
  }
}
