import type { LiveChange } from "@factmark/core";
import type { QueryKey } from "@tanstack/react-query";
import { articleKeys } from "../articles/queryKeys";
import { claimKeys } from "../claims/queryKeys";
import { linkKeys } from "../links/queryKeys";
import { reportKeys } from "../report/queryKeys";

/**
 * What one change to an article makes stale: always its claims (read `?since=` their cursor, so that costs
 * only what changed), speakers, report and the article list's counts; its links and contradictions when
 * links or claims changed (a contradiction shows both claims' verdicts); everything about each claim it
 * names (evidence, history); and the article itself when its text or details changed.
 */
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
  if (kinds.has("article")) keys.push(articleKeys.detail(articleId));
  return keys;
}
