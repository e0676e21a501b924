import type { Actor, Claim, ClaimUpdate } from "@factmark/core";

/** What an optimistic change needs to know besides the claim: who makes it, and who can be assigned. */
export interface ClaimUpdateContext {
  /** The signed-in account: a new verdict is theirs. */
  me: Actor | null;
  /** The people a claim can be assigned to, to name an assignee by id. */
  assignees: readonly Actor[];
}

/**
 * A claim as the server will answer a change, to show it at once: `assigneeId` becomes the assignee's name,
 * a new verdict is set by `me`, and a new verdict or rationale on a claim in review or approved sends it back to
 * ready for review with no approvals yet (a new round). The server's answer then replaces it.
 */
export function applyClaimUpdate(claim: Claim, change: ClaimUpdate, context: ClaimUpdateContext): Claim {
  const { assigneeId, ...fields } = change;
  const next: Claim = { ...claim, ...fields };
  if (assigneeId !== undefined) next.assignee = assigneeNamed(assigneeId, claim, context);
  const isNewVerdict = change.verdict !== undefined && change.verdict !== claim.verdict;
  const isNewRationale = change.rationale !== undefined && change.rationale !== claim.rationale;
  if (isNewVerdict) next.verdictSetBy = context.me ?? claim.verdictSetBy;
  if (
    (isNewVerdict || isNewRationale) &&
    change.status === undefined &&
    (claim.status === "approved" || claim.status === "ready-for-review")
  ) {
    next.status = "ready-for-review";
    next.approvals = 0;
  }
  return next;
}

function assigneeNamed(assigneeId: string | null, claim: Claim, context: ClaimUpdateContext): Actor | null {
  if (assigneeId === null) return null;
  if (claim.assignee?.id === assigneeId) return claim.assignee;
  const known = context.assignees.find((person) => person.id === assigneeId);
  if (known) return { id: known.id, name: known.name };
  if (context.me?.id === assigneeId) return context.me;
  // Named once the server answers.
  return { id: assigneeId, name: "…" };
}
