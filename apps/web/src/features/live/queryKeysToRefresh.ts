import type { LiveChange } from "@factmark/core";
import type { QueryKey } from "@tanstack/react-query";
import { articleKeys } from "../articles/queryKeys";
import { claimKeys } from "../claims/queryKeys";
import { linkKeys } from "../links/queryKeys";
import { reportKeys } from "../report/queryKeys";
import { suggestionKeys } from "../suggestions/queryKeys";
import { workflowKeys } from "../workflow/queryKeys";

/**
 * What one change to an article makes stale: always its claims (read `?since=` their cursor, so that costs
 * only what changed), speakers, report and the article list's counts; its links and contradictions when
 * links or claims changed (a contradiction shows both claims' verdicts); everything about each claim it
 * names (evidence, history); "My work" when a claim's assignee, status or review changed; and the article
 * itself (its details, conclusion and publication state, and with it the list of its publications) when an
 * article-level change happened; its suggestions when claims, links or the article changed (another reviewer
 * accepting or linking a suggestion takes it off everyone's list).
 */
/** The changes that can add a claim to someone's "My work" or take it off. */
const WORK_ACTIONS = new Set([
  "claim.assigned",
  "claim.status_changed",
  "claim.review_reopened",
  "claim.reviewed",
  "claim.deleted",
  "claim.restored",
]);

export function queryKeysToRefresh(articleId: string, change: Pick<LiveChange, "actions" | "claimIds">): QueryKey[] {
  const kinds = new Set(change.actions.map((action) => action.split(".")[0]));
  const keys: QueryKey[] = [
    claimKeys.ofArticle(articleId),
    claimKeys.speakers(articleId),
    reportKeys.model(articleId),
    articleKeys.list(),
  ];
  if (kinds.has("claim") || kinds.has("link")) keys.push(linkKeys.ofArticle(articleId));
  for (const id of change.claimIds) keys.push(claimKeys.ofClaim({ id, articleId }));
  if (change.actions.some((action) => WORK_ACTIONS.has(action))) keys.push(workflowKeys.myWork());
  if (kinds.has("article")) keys.push(articleKeys.detail(articleId));
  // What is suggested moves with every claim, link and text change (asked again by ETag: a 304 when it did not).
  if (kinds.has("claim") || kinds.has("link") || kinds.has("article")) keys.push(suggestionKeys.ofArticle(articleId));
  return keys;
}
