import { claimKeys } from "../claims/queryKeys";

/**
 * Query keys of an article's speakers with their claim counts: inside the claims' speakers key, so whatever refreshes
 * the speakers (a change heard live, a claim saved) refreshes the counts too.
 */
export const speakerKeys = {
  counts: (articleId: string) => [...claimKeys.speakers(articleId), "counts"] as const,
};
