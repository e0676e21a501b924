/**
 * Query keys of the desk's workflow that stand apart from any one article: who can be assigned a claim, and
 * what is assigned to the signed-in account. A claim's own workflow fields come with the claim (claimKeys); the
 * newsroom's approval rule with its settings (publicationKeys.settings).
 */
export const workflowKeys = {
  assignees: () => ["assignees"] as const,
  myWork: () => ["me", "work"] as const,
};
