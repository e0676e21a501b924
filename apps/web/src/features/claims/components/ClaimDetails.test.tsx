import type { Claim } from "@factmark/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { buildClaim } from "../../../test/buildClaim";
import { renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { stubApi } from "../../../test/stubApi";
import { ClaimDetails } from "./ClaimDetails";

const TEXT = "Malley said Iran transferred dozens just this summer.";
const ADA = { id: "ada", name: "Ada Admin" };

function renderDetails(claim = buildClaim(TEXT, "transferred dozens just this summer", "contradicted")) {
  // The claim's evidence, history and workflow load beside it; what they answer does not matter here.
  stubApi({});
  return renderWithQueryClient(details(claim));
}

function details(claim: Claim) {
  return (
    <ClaimDetails
      claim={claim}
      claims={[claim]}
      links={[]}
      isLinking={false}
      pickedClaimId={null}
      onPickClaim={vi.fn()}
      onStartLinking={vi.fn()}
      onStopLinking={vi.fn()}
      onSelectClaim={vi.fn()}
      onChange={vi.fn()}
    />
  );
}

describe("ClaimDetails", () => {
  it("says who marked the claim, and when", () => {
    renderDetails(
      buildClaim(TEXT, "transferred dozens just this summer", "contradicted", {
        createdBy: ADA,
        createdAt: "2026-02-03T10:00:00.000Z",
      }),
    );
    expect(screen.getByText(/^Marked by/)).toHaveTextContent("Marked by Ada Admin · 3 Feb 2026");
  });

  it("credits an imported claim to the annotation's author, with the importer after", () => {
    renderDetails(
      buildClaim(TEXT, "transferred dozens just this summer", "contradicted", {
        createdBy: ADA,
        originalAuthorName: "Ana Ruiz",
        createdAt: "2025-11-20T08:30:00.000Z",
      }),
    );
    expect(screen.getByText(/^Marked by/)).toHaveTextContent(
      "Marked by Ana Ruiz (imported by Ada Admin) · 20 Nov 2025",
    );
  });

  it("keeps focus in the speaker field once Enter has saved it and the claim comes back with the speaker", async () => {
    const user = userEvent.setup();
    const claim = buildClaim(TEXT, "transferred dozens just this summer", "contradicted");
    const { rerender, queryClient } = renderDetails(claim);
    const input = screen.getByRole("combobox", { name: "Speaker" });
    await user.type(input, "Ali Bagheri{Enter}");
    const saved = { ...claim, speaker: "Ali Bagheri", version: claim.version + 1 };
    rerender(<QueryClientProvider client={queryClient}>{details(saved)}</QueryClientProvider>);
    expect(screen.getByRole("combobox", { name: "Speaker" })).toHaveFocus();
    expect(screen.getByRole("combobox", { name: "Speaker" })).toHaveValue("Ali Bagheri");
  });

  it("asks once for the article's speakers and the newsroom's settings while the reviewer goes from claim to claim", async () => {
    // The live stream refreshes both after every change (see queryKeysToRefresh), so each selection need not.
    const api = stubApi({
      "GET /api/articles/article-1/speakers": { status: 200, body: { items: ["Robert Malley"] } },
      "GET /api/settings": {
        status: 200,
        body: { requiredApprovals: 1, version: 1, updatedAt: "2026-01-01T00:00:00.000Z" },
      },
    });
    const first = buildClaim(TEXT, "transferred dozens", "contradicted");
    const second = buildClaim(TEXT, "just this summer", "supported");
    const { rerender, queryClient } = renderWithQueryClient(details(first));
    await waitFor(() => expect(api.requestsTo("GET /api/settings")).toHaveLength(1));
    await waitFor(() => expect(api.requestsTo("GET /api/articles/article-1/speakers")).toHaveLength(1));
    for (const claim of [second, first, second]) {
      rerender(<QueryClientProvider client={queryClient}>{null}</QueryClientProvider>);
      rerender(<QueryClientProvider client={queryClient}>{details(claim)}</QueryClientProvider>);
      expect(await screen.findByRole("combobox", { name: "Speaker" })).toBeInTheDocument();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(api.requestsTo("GET /api/articles/article-1/speakers")).toHaveLength(1);
    expect(api.requestsTo("GET /api/settings")).toHaveLength(1);
  });
});
