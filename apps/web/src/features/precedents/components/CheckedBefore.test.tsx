import type { Evidence, Precedent } from "@factmark/core";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { buildClaim } from "../../../test/buildClaim";
import { createTestQueryClient, renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { errorAnswer, stubApi } from "../../../test/stubApi";
import { CheckedBefore } from "./CheckedBefore";

const TEXT = "US envoy Robert Malley said Iran transferred dozens of drones to Russia this summer.";
const CLAIM = buildClaim(TEXT, "Iran transferred dozens of drones to Russia this summer", "unverified", {
  id: "claim-now",
  articleId: "article-now",
  speaker: "Robert Malley",
});
const PRECEDENTS_PATH = "/api/claims/claim-now/precedents";
const EVIDENCE_PATH = "/api/claims/claim-now/evidence";

const MALLEY: Precedent = {
  claim: {
    id: "claim-then",
    quote: "transferred dozens just this summer",
    verdict: "contradicted",
    speaker: "Robert Malley",
    rationale: "Iran's own figures and Ukraine's count of downed Shahed drones put the first deliveries in August.",
    updatedAt: "2026-10-12T09:00:00.000Z",
  },
  article: {
    id: "article-then",
    title: "Iran admits supplying drones",
    createdAt: "2026-10-01T00:00:00.000Z",
    isPublished: true,
  },
  score: 0.82,
  reasons: [
    { kind: "shared-words", text: "shares: transferred, dozens, summer" },
    { kind: "same-speaker", text: "the same speaker: Robert Malley" },
  ],
};

function evidenceAnswer(items: Evidence[] = []) {
  return { status: 200, body: { items } };
}

describe("CheckedBefore", () => {
  it("shows each earlier check's verdict, speaker, article, publication and why it matched, linked to its claim", async () => {
    stubApi({
      [`GET ${PRECEDENTS_PATH}`]: { status: 200, body: { items: [MALLEY] } },
      [`GET ${EVIDENCE_PATH}`]: evidenceAnswer(),
    });
    renderWithQueryClient(<CheckedBefore claim={CLAIM} />);
    const section = screen.getByRole("region", { name: "Checked before" });
    const link = await within(section).findByRole("link", { name: "“transferred dozens just this summer”" });
    expect(link).toHaveAttribute("href", "/articles/article-then?claim=claim-then");
    const item = link.closest("li") as HTMLElement;
    expect(within(item).getByText("Contradicted")).toHaveClass("verdict-badge--contradicted");
    expect(item).toHaveTextContent("Published");
    expect(item).toHaveTextContent("Robert Malley · in “Iran admits supplying drones”");
    const reasons = within(within(item).getByRole("list", { name: "Why it matched" })).getAllByRole("listitem");
    expect(reasons.map((reason) => reason.textContent)).toEqual([
      "shares: transferred, dozens, summer",
      "the same speaker: Robert Malley",
    ]);
  });

  it("adds an earlier check as evidence with the stance chosen, its address, verdict and rationale, then says it is used", async () => {
    const user = userEvent.setup();
    const url = `${window.location.origin}/articles/article-then?claim=claim-then`;
    const stored: Evidence[] = [];
    const api = stubApi({
      [`GET ${PRECEDENTS_PATH}`]: { status: 200, body: { items: [MALLEY] } },
      [`GET ${EVIDENCE_PATH}`]: () => evidenceAnswer(stored),
      [`POST ${EVIDENCE_PATH}`]: ({ body }) => {
        stored.push({
          ...(body as Pick<Evidence, "url" | "title" | "excerpt" | "stance">),
          id: "evidence-9",
          claimId: CLAIM.id,
          version: 1,
          createdAt: "2026-12-01T00:00:00.000Z",
          updatedAt: "2026-12-01T00:00:00.000Z",
          createdBy: { id: "test-reviewer", name: "Test reviewer" },
        });
        return { status: 201, body: stored[0] };
      },
    });
    renderWithQueryClient(<CheckedBefore claim={CLAIM} />, createTestQueryClient("reviewer"));
    await user.click(await screen.findByRole("button", { name: "Use as evidence…" }));
    const ask = screen.getByRole("group", { name: "As evidence, this earlier check…" });
    expect(within(ask).getByRole("button", { name: "Supports" })).toHaveFocus();
    await user.click(within(ask).getByRole("button", { name: "Contradicts" }));
    await waitFor(() => expect(api.requestsTo(`POST ${EVIDENCE_PATH}`)).toHaveLength(1));
    expect(api.requestsTo(`POST ${EVIDENCE_PATH}`)[0]?.body).toEqual({
      url,
      title: "Checked before: Contradicted in “Iran admits supplying drones”",
      excerpt: MALLEY.claim.rationale,
      stance: "contradicts",
    });
    expect(await screen.findByText("Used as evidence")).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Added as evidence.");
    expect(screen.queryByRole("button", { name: "Use as evidence…" })).toBeNull();
  });

  it("says an earlier check is used when the claim already has it as evidence", async () => {
    stubApi({
      [`GET ${PRECEDENTS_PATH}`]: { status: 200, body: { items: [MALLEY] } },
      [`GET ${EVIDENCE_PATH}`]: evidenceAnswer([
        {
          id: "evidence-1",
          claimId: CLAIM.id,
          url: `${window.location.origin}/articles/article-then?claim=claim-then`,
          title: "Checked before",
          excerpt: null,
          stance: "supports",
          version: 1,
          createdAt: "2026-12-01T00:00:00.000Z",
          updatedAt: "2026-12-01T00:00:00.000Z",
          createdBy: { id: "r", name: "Rae Reviewer" },
        },
      ]),
    });
    renderWithQueryClient(<CheckedBefore claim={CLAIM} />, createTestQueryClient("reviewer"));
    expect(await screen.findByText("Used as evidence")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Use as evidence…" })).toBeNull();
  });

  it("offers a viewer no way to use an earlier check as evidence", async () => {
    stubApi({
      [`GET ${PRECEDENTS_PATH}`]: { status: 200, body: { items: [MALLEY] } },
      [`GET ${EVIDENCE_PATH}`]: evidenceAnswer(),
    });
    renderWithQueryClient(<CheckedBefore claim={CLAIM} />, createTestQueryClient("viewer"));
    expect(await screen.findByRole("link", { name: /transferred dozens/ })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Use as evidence/ })).toBeNull();
  });

  it("says when nothing like the claim was checked before, and when the earlier checks could not be loaded", async () => {
    const user = userEvent.setup();
    stubApi({
      [`GET ${PRECEDENTS_PATH}`]: [errorAnswer(503, "BUSY", "Busy."), { status: 200, body: { items: [] } }],
      [`GET ${EVIDENCE_PATH}`]: evidenceAnswer(),
    });
    renderWithQueryClient(<CheckedBefore claim={CLAIM} />);
    expect(screen.getByText("Looking for earlier checks…")).toBeInTheDocument();
    expect(await screen.findByText(/Earlier checks could not be loaded/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("Nothing like this was checked before.")).toBeInTheDocument();
  });
});
