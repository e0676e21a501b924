import type { Claim, Review, Role } from "@factmark/core";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { buildClaim } from "../../../test/buildClaim";
import { createTestQueryClient, renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { errorAnswer, type StubAnswer, stubApi } from "../../../test/stubApi";
import { useClaimsQuery } from "../../claims/hooks/useClaimsQuery";
import { claimKeys } from "../../claims/queryKeys";
import { ClaimWorkflowPanel } from "./ClaimWorkflowPanel";

const TEXT = "Iran sold a limited number of drones months before the war.";
const ANA = { id: "ana", name: "Ana Reviewer" };
const BO = { id: "bo", name: "Bo Editor" };
const ASSIGNEES = [
  { ...ANA, role: "reviewer" },
  { ...BO, role: "editor" },
];

function review(overrides: Partial<Review>): Review {
  return {
    id: "review-1",
    claimId: "c",
    decision: "approve",
    note: null,
    round: 1,
    by: BO,
    at: "2026-01-02T00:00:00.000Z",
    ...overrides,
  };
}

/** The panel of the claim as the article's cached claims hold it, as the claim's details show it. */
function Panel({ claimId }: { claimId: string }) {
  const claim = useClaimsQuery("article-1").data?.find((item) => item.id === claimId);
  return claim ? <ClaimWorkflowPanel claim={claim} /> : null;
}

/** Renders the panel of `claim` for someone signed in with `role` (their id: `test-<role>`). */
function renderPanel(claim: Claim, role: Role, routes: Record<string, StubAnswer | StubAnswer[]> = {}) {
  const api = stubApi({
    // The first read is whole; later ones find nothing new (a change's answer is in the cache already).
    "GET /api/articles/article-1/claims": ({ query }) => ({
      status: 200,
      body: { items: query.has("since") ? [] : [claim], deletedIds: [], cursor: 1 },
    }),
    "GET /api/assignees": { status: 200, body: { items: ASSIGNEES } },
    "GET /api/settings": { status: 200, body: { requiredApprovals: 1, version: 1 } },
    ...routes,
  });
  const queryClient = createTestQueryClient(role);
  queryClient.setQueryData(claimKeys.ofArticle("article-1"), [claim]);
  renderWithQueryClient(<Panel claimId={claim.id} />, queryClient);
  return api;
}

const me = (role: Role) => ({ id: `test-${role}`, name: `Test ${role}` });

describe("ClaimWorkflowPanel", () => {
  it("shows a viewer the assignee and the latest review, with nothing to change", () => {
    const claim = buildClaim(TEXT, "limited number", "contradicted", {
      status: "changes-requested",
      assignee: ANA,
      latestReview: review({ decision: "request-changes", note: "Cite the UN report." }),
    });
    renderPanel(claim, "viewer");
    const panel = screen.getByRole("region", { name: "Status and review" });
    expect(panel).toHaveTextContent("Assignee Ana Reviewer");
    expect(panel).toHaveTextContent("Changes requested by Bo Editor: Cite the UN report.");
    expect(within(panel).queryByRole("combobox")).toBeNull();
    expect(within(panel).queryByRole("button")).toBeNull();
  });

  it("lets an editor assign the claim, sending the version it read, and shows the new assignee at once", async () => {
    const user = userEvent.setup();
    const claim = buildClaim(TEXT, "limited number", "contradicted", { version: 4 });
    const api = renderPanel(claim, "editor", {
      [`PATCH /api/claims/${claim.id}`]: { status: 200, body: { ...claim, assignee: ANA, version: 5 } },
    });
    const select = screen.getByRole("combobox", { name: "Assignee" });
    expect(select).toHaveDisplayValue("Unassigned");
    await screen.findByRole("option", { name: "Ana Reviewer" });
    await user.selectOptions(select, "Ana Reviewer");
    expect(select).toHaveDisplayValue("Ana Reviewer");
    await waitFor(() => expect(api.requestsTo(`PATCH /api/claims/${claim.id}`)).toHaveLength(1));
    const [patch] = api.requestsTo(`PATCH /api/claims/${claim.id}`);
    expect(patch?.body).toEqual({ assigneeId: "ana" });
    expect(patch?.headers.get("If-Match")).toBe('"4"');
  });

  it("lets the assignee send their claim for review, and not someone else's", async () => {
    const user = userEvent.setup();
    const mine = buildClaim(TEXT, "limited number", "contradicted", {
      status: "in-progress",
      assignee: me("reviewer"),
    });
    const api = renderPanel(mine, "reviewer", {
      [`PATCH /api/claims/${mine.id}`]: { status: 200, body: { ...mine, status: "ready-for-review", version: 2 } },
    });
    expect(screen.queryByRole("combobox", { name: "Assignee" })).toBeNull();
    expect(screen.getByRole("combobox", { name: "Status" })).toHaveDisplayValue("In progress");
    await user.click(screen.getByRole("button", { name: "Send for review" }));
    expect(screen.getByRole("combobox", { name: "Status" })).toHaveDisplayValue("Ready for review");
    expect(screen.queryByRole("button", { name: "Send for review" })).toBeNull();
    await waitFor(() =>
      expect(api.requestsTo(`PATCH /api/claims/${mine.id}`)[0]?.body).toEqual({ status: "ready-for-review" }),
    );
  });

  it("gives a reviewer no status control on a claim assigned to someone else", () => {
    const theirs = buildClaim(TEXT, "limited number", "contradicted", { status: "in-progress", assignee: ANA });
    renderPanel(theirs, "reviewer");
    expect(screen.queryByRole("combobox", { name: "Status" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Send for review" })).toBeNull();
  });

  it("lets another editor approve a claim ready for review", async () => {
    const user = userEvent.setup();
    const claim = buildClaim(TEXT, "limited number", "contradicted", {
      status: "ready-for-review",
      verdictSetBy: ANA,
      version: 3,
    });
    const approved = { ...claim, status: "approved" as const, approvals: 1, version: 4 };
    const api = renderPanel(claim, "editor", {
      [`POST /api/claims/${claim.id}/reviews`]: {
        status: 201,
        body: {
          review: review({ by: me("editor") }),
          claim: { ...approved, latestReview: review({ by: me("editor") }) },
        },
      },
    });
    await user.click(screen.getByRole("button", { name: "Approve" }));
    const panel = screen.getByRole("region", { name: "Status and review" });
    await waitFor(() => expect(panel).toHaveTextContent("Approved by Test editor"));
    expect(screen.getByRole("combobox", { name: "Status" })).toHaveDisplayValue("Approved");
    expect(screen.queryByRole("button", { name: "Approve" })).toBeNull();
    const [post] = api.requestsTo(`POST /api/claims/${claim.id}/reviews`);
    expect(post?.body).toEqual({ decision: "approve" });
    expect(post?.headers.get("If-Match")).toBe('"3"');
  });

  it("offers no approval of a verdict the editor set, and says why", () => {
    const claim = buildClaim(TEXT, "limited number", "contradicted", {
      status: "ready-for-review",
      verdictSetBy: me("editor"),
    });
    renderPanel(claim, "editor");
    expect(screen.queryByRole("button", { name: "Approve" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Request changes" })).toBeNull();
    expect(screen.getByText("You set this verdict; another editor reviews it.")).toBeInTheDocument();
  });

  it("asks for a note before requesting changes, and sends nothing without one", async () => {
    const user = userEvent.setup();
    const claim = buildClaim(TEXT, "limited number", "contradicted", { status: "ready-for-review", verdictSetBy: ANA });
    const api = renderPanel(claim, "editor", {
      [`POST /api/claims/${claim.id}/reviews`]: {
        status: 201,
        body: {
          review: review({ decision: "request-changes", note: "Cite the UN report.", by: me("editor") }),
          claim: {
            ...claim,
            status: "changes-requested",
            version: 2,
            latestReview: review({ decision: "request-changes", note: "Cite the UN report.", by: me("editor") }),
          },
        },
      },
    });
    await user.click(screen.getByRole("button", { name: "Request changes" }));
    const note = screen.getByRole("textbox", { name: "What to change" });
    expect(note).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "Send request" }));
    expect(note).toHaveAttribute("aria-invalid", "true");
    expect(note).toHaveAccessibleDescription(/needs a note/);
    expect(api.requestsTo(`POST /api/claims/${claim.id}/reviews`)).toHaveLength(0);

    await user.type(note, "  Cite the UN report. ");
    await user.click(screen.getByRole("button", { name: "Send request" }));
    const panel = screen.getByRole("region", { name: "Status and review" });
    await waitFor(() => expect(panel).toHaveTextContent("Changes requested by Test editor: Cite the UN report."));
    expect(api.requestsTo(`POST /api/claims/${claim.id}/reviews`)[0]?.body).toEqual({
      decision: "request-changes",
      note: "Cite the UN report.",
    });
  });

  it("shows the server's refusal in the card and keeps the note typed", async () => {
    const user = userEvent.setup();
    const claim = buildClaim(TEXT, "limited number", "contradicted", { status: "ready-for-review", verdictSetBy: ANA });
    renderPanel(claim, "editor", {
      [`POST /api/claims/${claim.id}/reviews`]: errorAnswer(
        403,
        "FORBIDDEN",
        "You set this claim's verdict: another editor must review it.",
      ),
    });
    await user.click(screen.getByRole("button", { name: "Request changes" }));
    await user.type(screen.getByRole("textbox", { name: "What to change" }), "Cite the UN report.");
    await user.click(screen.getByRole("button", { name: "Send request" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "You set this claim's verdict: another editor must review it.",
    );
    expect(screen.getByRole("textbox", { name: "What to change" })).toHaveValue("Cite the UN report.");
  });

  it("shows a claim changed during the review as it is now, and asks to decide again", async () => {
    const user = userEvent.setup();
    const claim = buildClaim(TEXT, "limited number", "contradicted", { status: "ready-for-review", verdictSetBy: ANA });
    const changed = { ...claim, verdict: "supported" as const, version: 2 };
    renderPanel(claim, "editor", {
      [`POST /api/claims/${claim.id}/reviews`]: errorAnswer(412, "PRECONDITION_FAILED", "Stale.", { current: changed }),
      [`GET /api/claims/${claim.id}/history`]: {
        status: 200,
        body: {
          items: [
            {
              id: "e1",
              at: "2026-01-01T00:00:00.000Z",
              by: ANA,
              action: "claim.verdict_changed",
              claimId: claim.id,
              from: "contradicted",
              to: "supported",
            },
          ],
          undoableEventId: "e1",
        },
      },
    });
    await user.click(screen.getByRole("button", { name: "Approve" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Ana Reviewer changed this claim while you were reviewing it. Check it as it is now, then decide.",
    );
  });

  it("shows both versions when someone else changed the claim before an assignment arrived", async () => {
    const user = userEvent.setup();
    const claim = buildClaim(TEXT, "limited number", "contradicted", { version: 1 });
    const theirs = { ...claim, assignee: BO, version: 2 };
    const api = renderPanel(claim, "editor", {
      [`PATCH /api/claims/${claim.id}`]: [
        errorAnswer(412, "PRECONDITION_FAILED", "Stale.", { current: theirs }),
        { status: 200, body: { ...theirs, assignee: ANA, version: 3 } },
      ],
      [`GET /api/claims/${claim.id}/history`]: { status: 200, body: { items: [], undoableEventId: null } },
    });
    await screen.findByRole("option", { name: "Ana Reviewer" });
    await user.selectOptions(screen.getByRole("combobox", { name: "Assignee" }), "Ana Reviewer");
    const dialog = await screen.findByRole("alertdialog", { name: "Changed by Someone else" });
    expect(dialog).toHaveTextContent("AssigneeBo EditorAna Reviewer");
    await user.click(within(dialog).getByRole("button", { name: "Apply mine on top" }));
    await waitFor(() => expect(api.requestsTo(`PATCH /api/claims/${claim.id}`)).toHaveLength(2));
    expect(api.requestsTo(`PATCH /api/claims/${claim.id}`)[1]?.headers.get("If-Match")).toBe('"2"');
  });

  it("counts approvals under a two-person rule", async () => {
    const claim = buildClaim(TEXT, "limited number", "contradicted", {
      status: "ready-for-review",
      verdictSetBy: ANA,
      approvals: 1,
      latestReview: review({ by: BO }),
    });
    renderPanel(claim, "editor", {
      "GET /api/settings": { status: 200, body: { requiredApprovals: 2, version: 3 } },
    });
    const panel = screen.getByRole("region", { name: "Status and review" });
    await waitFor(() => expect(panel).toHaveTextContent("1 of 2 approvals"));
    expect(panel).toHaveTextContent("Approved by Bo Editor");
    expect(screen.getByRole("button", { name: "Approve" })).toBeEnabled();
  });
});
