import { ARTICLE_LIST_STATUSES, SEARCH_KINDS, VERDICTS, ZSearchQuery } from "@factmark/core";
import { readChoice } from "../../lib/readChoice";
import type { SearchRequest } from "./api";

/** The search page's path; its words and filters are the address's query (see readSearchRequest). */
export const SEARCH_PATH = "/search";

/** The search page's address for `q` (no filters): where the header's box leads. */
export function searchAddress(q: string): string {
  return `${SEARCH_PATH}?${new URLSearchParams({ q })}`;
}

/** The URL parameters the search page keeps its filters in (`article` is the API's `articleId`). */
export const SEARCH_FILTER_PARAMETERS = ["kind", "verdict", "speaker", "status", "from", "to", "article"] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What the search page's address asks for: `q` and the filters, each kept only when it is one the API takes (an
 * unknown verdict in a pasted address is no filter, not an error). `problem` says, in the API's own words (the
 * core schema's), what makes the request one the server would refuse (a `from` after `to`); `isAsked` is whether
 * there is anything to search for at all.
 */
export function readSearchRequest(params: URLSearchParams): {
  request: SearchRequest;
  isAsked: boolean;
  problem: string | null;
} {
  const text = (name: string) => params.get(name)?.trim() ?? "";
  const day = (name: string) => (DAY.test(text(name)) ? text(name) : "");
  const request: SearchRequest = { q: text("q") };
  const kind = readChoice(params.get("kind"), SEARCH_KINDS);
  const verdict = readChoice(params.get("verdict"), VERDICTS);
  const status = readChoice(params.get("status"), ARTICLE_LIST_STATUSES);
  if (kind) request.kind = kind;
  if (verdict) request.verdict = verdict;
  if (text("speaker")) request.speaker = text("speaker");
  if (status) request.status = status;
  if (day("from")) request.from = day("from");
  if (day("to")) request.to = day("to");
  if (text("article")) request.articleId = text("article");
  const parsed = ZSearchQuery.safeParse(request);
  const isAsked = Object.values(request).some(Boolean);
  return {
    request,
    isAsked,
    problem: parsed.success ? null : (parsed.error.issues[0]?.message ?? "Check the filters."),
  };
}
