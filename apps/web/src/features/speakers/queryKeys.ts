import { claimKeys } from "../claims/queryKeys";

/**
 * Query keys of an article's speakers with their claim counts: inside the claims' speakers key, so whatever refreshes
 * the speakers (a change heard live, a claim saved) refreshes the counts too.
 */
export const speakerKeys = {
  counts: (articleId: string) => [...claimKeys.speakers(articleId), "counts"] as const,
};

/** Query keys of the newsroom's speakers (across articles): every list and record under one prefix, refreshed together. */
export const newsroomSpeakerKeys = {
  all: () => ["newsroom-speakers"] as const,
  list: (q: string) => [...newsroomSpeakerKeys.all(), "list", q] as const,
  detail: (id: string) => [...newsroomSpeakerKeys.all(), "detail", id] as const,
};
