import { QueryClientProvider } from "@tanstack/react-query";
import { renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { createQueryClient } from "../../../app/AppProviders";
import { errorAnswer, stubApi } from "../../../test/stubApi";
import { historyKeys } from "../../history/queryKeys";
import { useLatestChangeAuthor } from "./useLatestChangeAuthor";

const HISTORY_PATH = "GET /api/claims/claim-1/history";
const CLAIM = { id: "claim-1", articleId: "article-1" };

function entry(name: string) {
  return {
    id: `e-${name}`,
    at: "2026-01-01T00:00:00.000Z",
    by: { id: `id-${name}`, name },
    action: "claim.verdict_changed",
    claimId: "claim-1",
    from: "unverified",
    to: "supported",
  };
}

// The app's own client: its defaults (one retry for queries) must not make this ask twice.
function renderLatestChangeAuthor() {
  const queryClient = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  return { queryClient, ...renderHook(() => useLatestChangeAuthor(), { wrapper }) };
}

describe("useLatestChangeAuthor", () => {
  it("names who made the latest change, asking afresh even with the history cached, and caches the answer", async () => {
    const history = { items: [entry("Robert Reviewer"), entry("Ada Admin")], undoableEventId: "e-Robert Reviewer" };
    const api = stubApi({ [HISTORY_PATH]: { status: 200, body: history } });
    const { result, queryClient } = renderLatestChangeAuthor();
    queryClient.setQueryData(historyKeys.ofClaim(CLAIM), { items: [entry("Ada Admin")], undoableEventId: null });
    await expect(result.current(CLAIM)).resolves.toBe("Robert Reviewer");
    expect(api.requestsTo(HISTORY_PATH)).toHaveLength(1);
    expect(queryClient.getQueryData(historyKeys.ofClaim(CLAIM))).toEqual(history);
  });

  it("answers null, having asked once, when the history cannot be read or is empty", async () => {
    const api = stubApi({
      [HISTORY_PATH]: [
        errorAnswer(500, "INTERNAL", "Broken."),
        { status: 200, body: { items: [], undoableEventId: null } },
      ],
    });
    const { result } = renderLatestChangeAuthor();
    await expect(result.current(CLAIM)).resolves.toBeNull();
    expect(api.requestsTo(HISTORY_PATH)).toHaveLength(1);
    await expect(result.current(CLAIM)).resolves.toBeNull();
  });
});
