import type { Role } from "../schemas/account";
import type { Claim } from "../schemas/claim";
import { isAllowed } from "./permissions";

/**
 * Why `actor` may not set the status of `claim`, or null when they may. Every reviewer has the action
 * claim.status, but only on their claims: one assigned to them or, when nobody is assigned, one they marked.
 * Editors and admins, who may assign claims, may move any claim along. The server refuses with this reason
 * (403); the web app hides the controls by it.
 */
export function claimStatusRefusal(
  actor: { id: string; role: Role },
  claim: Pick<Claim, "assignee" | "createdBy">,
): string | null {
  if (!isAllowed(actor.role, "claim.status")) return `Your role (${actor.role}) may not change a claim's status.`;
  if (isAllowed(actor.role, "claim.assign")) return null;
  if (claim.assignee) {
    return claim.assignee.id === actor.id
      ? null
      : `This claim is assigned to ${claim.assignee.name}: only they or an editor may change its status.`;
  }
  return claim.createdBy.id === actor.id
    ? null
    : "This claim is assigned to nobody and you did not mark it: ask an editor to assign it to you first.";
}
