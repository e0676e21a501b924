import type { Claim } from "@factmark/core";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { NoticeProvider } from "../../../components/NoticeProvider";
import { buildClaim } from "../../../test/buildClaim";
import { renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { errorAnswer, stubApi } from "../../../test/stubApi";
import { ClaimConflictDialog } from "../components/ClaimConflictDialog";
import { claimKeys } from "../queryKeys";
import { useClaimActions } from "./useClaimActions";

const TEXT = "Iran sold a limited number of drones.";

function Harness({ claim }: { claim: Claim }) {
  const { changeVerdict, deleteClaim, conflict, resolveConflict } = useClaimActions(claim.articleId);
  return (
    <>
      <button type="button" onClick={() => changeVerdict(claim, "contradicted")}>
        Mark contradicted
      </button>
      <button type="button" onClick={() => deleteClaim(claim)}>
        Delete
      </button>
      {conflict && <ClaimConflictDialog conflict={conflict} onResolve={resolveConflict} />}
    </>
  );
}

describe("useClaimActions on a stale change", () => {
  const mine = buildClaim(TEXT, "limited number", "unverified", { articleId: "article-1", version: 1 });
  const theirs: Claim = { ...mine, verdict: "supported", version: 2 };
  const history = {
    items: [
      {
        id: "e1",
        at: "2026-01-01T00:00:00.000Z",
        by: { id: "r2", name: "Robert Reviewer" },
        action: "claim.verdict_changed",
        claimId: mine.id,
        from: "unverified",
        to: "supported",
      },
    ],
    undoableEventId: "e1",
  };

  function setUp() {
    const api = stubApi({
      [`PATCH /api/claims/${mine.id}`]: [
        errorAnswer(412, "PRECONDITION_FAILED", "Changed.", { current: theirs }),
        { status: 200, body: { ...theirs, verdict: "contradicted", version: 3 } },
      ],
      [`GET /api/claims/${mine.id}/history`]: { status: 200, body: history },
      "GET /api/articles/article-1/claims": { status: 200, body: { items: [theirs], deletedIds: [], cursor: 2 } },
    });
    const view = renderWithQueryClient(
      <NoticeProvider>
        <Harness claim={mine} />
      </NoticeProvider>,
    );
    view.queryClient.setQueryData(claimKeys.ofArticle("article-1"), [mine]);
    return { api, ...view };
  }

  it("shows who changed the claim, their version beside this change, and loses neither", async () => {
    const user = userEvent.setup();
    setUp();
    await user.click(screen.getByRole("button", { name: "Mark contradicted" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Changed by Robert Reviewer" });
    expect(dialog).toHaveTextContent("VerdictSupportedContradicted");
    expect(screen.getByRole("button", { name: "Keep theirs" })).toHaveFocus();
  });

  it("applies this reviewer's change on top of theirs, naming their version", async () => {
    const user = userEvent.setup();
    const { api } = setUp();
    await user.click(screen.getByRole("button", { name: "Mark contradicted" }));
    await user.click(await screen.findByRole("button", { name: "Apply mine on top" }));
    await waitFor(() => expect(api.requestsTo(`PATCH /api/claims/${mine.id}`)).toHaveLength(2));
    const [first, second] = api.requestsTo(`PATCH /api/claims/${mine.id}`);
    expect(first?.headers.get("If-Match")).toBe('"1"');
    expect(second?.headers.get("If-Match")).toBe('"2"');
    expect(second?.body).toEqual({ verdict: "contradicted" });
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });

  it("keeps their version and sends nothing more", async () => {
    const user = userEvent.setup();
    const { api } = setUp();
    await user.click(screen.getByRole("button", { name: "Mark contradicted" }));
    await user.click(await screen.findByRole("button", { name: "Keep theirs" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(api.requestsTo(`PATCH /api/claims/${mine.id}`)).toHaveLength(1);
  });
});

describe("useClaimActions on a delete", () => {
  const claim = buildClaim(TEXT, "limited number", "unverified", { articleId: "article-1" });

  it("says the claim was deleted, offering Undo through the page's notices, which restores it", async () => {
    const user = userEvent.setup();
    const api = stubApi({
      [`DELETE /api/claims/${claim.id}`]: { status: 200, body: claim },
      [`POST /api/claims/${claim.id}/restore`]: { status: 200, body: claim },
      "GET /api/articles/article-1/claims": { status: 200, body: { items: [claim], deletedIds: [], cursor: 2 } },
    });
    const { queryClient } = renderWithQueryClient(
      <NoticeProvider>
        <Harness claim={claim} />
      </NoticeProvider>,
    );
    queryClient.setQueryData(claimKeys.ofArticle("article-1"), [claim]);
    await user.click(screen.getByRole("button", { name: "Delete" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Claim deleted.");
    await user.click(screen.getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Claim restored."));
    expect(api.requestsTo(`POST /api/claims/${claim.id}/restore`)).toHaveLength(1);
    expect(screen.queryByRole("button", { name: "Undo" })).toBeNull();
  });
});
