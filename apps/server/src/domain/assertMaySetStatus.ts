import { AppError, type Claim, claimStatusRefusal, type Principal } from "@factmark/core";

/** Refuses (FORBIDDEN, saying why) a status change `actor` may not make on `claim`: core's claimStatusRefusal. */
export function assertMaySetStatus(actor: Principal, claim: Pick<Claim, "assignee" | "createdBy">): void {
  const refusal = claimStatusRefusal(actor, claim);
  if (refusal === null) return;
  throw new AppError("FORBIDDEN", refusal, { action: "claim.status", role: actor.role, reason: "not_your_claim" });
}
