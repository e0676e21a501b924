import type { Role } from "../schemas/account";

/**
 * Every action the policy decides, with the least role that may take it. Roles are ordered:
 * viewer < reviewer < editor < admin, and each may do what the ones below it may.
 * The server's policy (apps/server/src/policy) enforces this table; the web app reads it to hide what a role cannot do.
 */
export const ACTION_MINIMUM_ROLE = {
  /** Read articles, claims, links, evidence, history. */
  "article.read": "viewer",
  /** Download or view the report in any format. */
  "report.export": "viewer",
  "claim.create": "reviewer",
  /** Verdict, speaker, rationale, selectors; undo a change. */
  "claim.edit": "reviewer",
  /** Delete a claim and restore it. */
  "claim.delete": "reviewer",
  /**
   * Set a claim's status up to ready-for-review. A reviewer may do it on a claim assigned to them (or, when
   * unassigned, one they made); editors on any claim (the service checks whose claim it is).
   */
  "claim.status": "reviewer",
  /** Assign a claim to a reviewer, editor or admin, or unassign it. */
  "claim.assign": "editor",
  /** Approve a claim or request changes (never on a verdict one set oneself). */
  "claim.review": "editor",
  "link.create": "reviewer",
  /** Remove a link and restore it. */
  "link.delete": "reviewer",
  "evidence.create": "reviewer",
  "evidence.edit": "reviewer",
  /** Remove evidence and restore it. */
  "evidence.delete": "reviewer",
  "article.create": "editor",
  /** Import from a file, a URL or a report export. */
  "article.import": "editor",
  "article.edit": "editor",
  "article.delete": "editor",
  /** Write the article's conclusion (summary and overall rating) and its speakers' kinds. */
  "article.conclude": "editor",
  /** Publish the fact-check, or a corrected version of it. */
  "article.publish": "editor",
  /** Retract a published fact-check, with a note. */
  "article.retract": "admin",
  "user.list": "admin",
  /** Change a user's role or name. */
  "user.edit": "admin",
  /** Deactivate an account (it can no longer sign in; its sessions end) or reactivate it. */
  "user.deactivate": "admin",
  "invite.create": "admin",
  /** See the invites nobody has redeemed yet. */
  "invite.list": "admin",
  /** Revoke a pending invite: its link stops working. */
  "invite.revoke": "admin",
  /** The newsroom's settings: the approvals each claim needs (one, or two for a two-person rule). */
  "settings.edit": "admin",
} as const satisfies Record<string, Role>;

export type Action = keyof typeof ACTION_MINIMUM_ROLE;
export const ACTIONS = Object.keys(ACTION_MINIMUM_ROLE) as Action[];

const ROLE_RANK: Record<Role, number> = { viewer: 0, reviewer: 1, editor: 2, admin: 3 };

/** Whether a role may take an action. */
export function isAllowed(role: Role, action: Action): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[ACTION_MINIMUM_ROLE[action]];
}
