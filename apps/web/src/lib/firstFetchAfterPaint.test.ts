import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it, vi } from "vitest";
import { firstFetchAfterPaint } from "./firstFetchAfterPaint";

const KEY = ["evidence", "claim-1"];

/** Starts a fetch of KEY through `queryFn` and answers whether the request was sent before any frame was drawn. */
async function isSentBeforeAnyFrame(client: QueryClient, request: () => Promise<string>): Promise<boolean> {
  let hasFramed = false;
  requestAnimationFrame(() => {
    hasFramed = true;
  });
  let wasSentBeforeFrame: boolean | undefined;
  const fetched = client.fetchQuery({
    queryKey: KEY,
    queryFn: firstFetchAfterPaint(() => {
      wasSentBeforeFrame = !hasFramed;
      return request();
    }),
    staleTime: 0,
  });
  // Settled queries answer from their cache: this one is stale (staleTime 0), so it asks anew.
  await fetched;
  return wasSentBeforeFrame as boolean;
}

describe("firstFetchAfterPaint", () => {
  it("sends a query's first request once the next frame is painted", async () => {
    const client = new QueryClient();
    const request = vi.fn(async () => "first");
    expect(await isSentBeforeAnyFrame(client, request)).toBe(false);
    expect(request).toHaveBeenCalledTimes(1);
    expect(client.getQueryData(KEY)).toBe("first");
  });

  it("sends a refetch at once when the query has data already", async () => {
    const client = new QueryClient();
    client.setQueryData(KEY, "cached");
    const request = vi.fn(async () => "fresh");
    expect(await isSentBeforeAnyFrame(client, request)).toBe(true);
    expect(client.getQueryData(KEY)).toBe("fresh");
  });

  it("sends a first request at once from a hidden tab, which paints no frame until it is shown", async () => {
    const visibility = vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    try {
      const client = new QueryClient();
      const request = vi.fn(async () => "first");
      expect(await isSentBeforeAnyFrame(client, request)).toBe(true);
    } finally {
      visibility.mockRestore();
    }
  });
});
