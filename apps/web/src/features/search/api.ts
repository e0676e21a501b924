import type { SearchFilter, SearchResults } from "@factmark/core";
import { unwrap } from "../../lib/ApiError";
import { apiClient } from "../../lib/apiClient";

/** One page of GET /api/search's answers for `filter`, after `cursor` (the previous page's) when given. */
export async function fetchSearchResults(filter: SearchRequest, cursor?: string): Promise<SearchResults> {
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(filter)) {
    if (value !== undefined && value !== "") query[name] = String(value);
  }
  if (cursor) query.cursor = cursor;
  return unwrap(apiClient.search.$get({ query }));
}

/** What the search page asks: the words and filters of its address (the page size and cursor are the API's). */
export type SearchRequest = Omit<Partial<SearchFilter>, "cursor" | "limit"> & { q: string };
