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
  "user.list": "admin",
  /** Change a user's role or name. */
  "user.edit": "admin",
  "invite.create": "admin",
  "settings.edit": "admin",
} as const satisfies Record<string, Role>;

export type Action = keyof typeof ACTION_MINIMUM_ROLE;
export const ACTIONS = Object.keys(ACTION_MINIMUM_ROLE) as Action[];

const ROLE_RANK: Record<Role, number> = { viewer: 0, reviewer: 1, editor: 2, admin: 3 };

/** Whether a role may take an action. */
export function isAllowed(role: Role, action: Action): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[ACTION_MINIMUM_ROLE[action]];
}
