import type { SearchRequest } from "./api";

/** Query keys of search answers: one per request (its pages inside, each after the previous one's cursor). */
export const searchKeys = {
  all: () => ["search"] as const,
  results: (request: SearchRequest) => [...searchKeys.all(), request] as const,
};
