import type { QueryFunctionContext, QueryKey } from "@tanstack/react-query";
import { nextPaint } from "./afterNextPaint";

/**
 * A query function that, while its query has no data yet, sends its request once the next frame is painted: a
 * query first asked for as its component mounts in a click (a claim's details, as the claim is selected) then
 * keeps the browser's work to send it (about 2–5 ms a request) out of the click's frame, and the request still
 * leaves about one frame (~16 ms) later. With data in the cache (a refetch, after a change) it asks at once, and in
 * a hidden tab too, which paints no frame until it is shown.
 */
export function firstFetchAfterPaint<T>(fetch: () => Promise<T>) {
  return ({ client, queryKey }: QueryFunctionContext<QueryKey>): Promise<T> =>
    client.getQueryData(queryKey) === undefined && document.visibilityState === "visible"
      ? nextPaint().then(fetch)
      : fetch();
}
