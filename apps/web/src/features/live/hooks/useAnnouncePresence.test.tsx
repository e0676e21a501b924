import { renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stubApi } from "../../../test/stubApi";
import { useAnnouncePresence } from "./useAnnouncePresence";

const PRESENCE = "POST /api/articles/article-1/presence";

describe("useAnnouncePresence", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function renderPresence(connectionId: string | null, claimId: string | null) {
    return renderHook((props) => useAnnouncePresence("article-1", props.connectionId, props.claimId), {
      initialProps: { connectionId, claimId },
    });
  }

  it("announces the claim the reviewer settles on, 300 ms after, not the ones passed on the way", async () => {
    const api = stubApi({ [PRESENCE]: { status: 204 } });
    const view = renderPresence("c1", "claim-1");
    await vi.advanceTimersByTimeAsync(100);
    view.rerender({ connectionId: "c1", claimId: "claim-2" });
    await vi.advanceTimersByTimeAsync(299);
    expect(api.requestsTo(PRESENCE)).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(api.requestsTo(PRESENCE).map((request) => request.body)).toEqual([
      { connectionId: "c1", claimId: "claim-2" },
    ]);

    view.rerender({ connectionId: "c1", claimId: null });
    await vi.advanceTimersByTimeAsync(300);
    expect(api.requestsTo(PRESENCE).at(-1)?.body).toEqual({ connectionId: "c1", claimId: null });
  });

  it("waits for the stream, announces nothing new, tells a new stream where it is, and a pending claim as none", async () => {
    const api = stubApi({ [PRESENCE]: { status: 204 } });
    const view = renderPresence(null, "claim-1");
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.requestsTo(PRESENCE)).toHaveLength(0);

    // A new stream is on no claim: only being on one is news to it.
    view.rerender({ connectionId: "c1", claimId: null });
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.requestsTo(PRESENCE)).toHaveLength(0);
    view.rerender({ connectionId: "c1", claimId: "pending-claim-9" });
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.requestsTo(PRESENCE)).toHaveLength(0);

    view.rerender({ connectionId: "c1", claimId: "claim-1" });
    await vi.advanceTimersByTimeAsync(300);
    view.rerender({ connectionId: "c2", claimId: "claim-1" });
    await vi.advanceTimersByTimeAsync(300);
    expect(api.requestsTo(PRESENCE).map((request) => request.body)).toEqual([
      { connectionId: "c1", claimId: "claim-1" },
      { connectionId: "c2", claimId: "claim-1" },
    ]);
  });

  it("lets a failed announcement go", async () => {
    // Unknown routes answer 404: a rejection left unhandled would fail the run.
    const api = stubApi({});
    renderPresence("c1", "claim-1");
    await vi.advanceTimersByTimeAsync(300);
    expect(api.requestsTo(PRESENCE)).toHaveLength(1);
  });
});
