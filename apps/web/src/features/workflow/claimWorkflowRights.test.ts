import type { Claim, Review, Role } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { buildClaim } from "../../test/buildClaim";
import { ALREADY_APPROVED_REASON, claimWorkflowRights, OWN_VERDICT_REASON } from "./claimWorkflowRights";

const TEXT = "Iran sold a limited number of drones.";
const ANA = { id: "ana", name: "Ana Reviewer" };
const BO = { id: "bo", name: "Bo Editor" };

function claimWith(overrides: Partial<Claim>): Claim {
  return buildClaim(TEXT, "limited number", "contradicted", { createdBy: ANA, ...overrides });
}

function as(id: string, role: Role) {
  return { id, role };
}

const approvalBy = (by: { id: string; name: string }): Review => ({
  id: "r1",
  claimId: "c1",
  decision: "approve",
  note: null,
  round: 1,
  by,
  at: "2026-01-01T00:00:00.000Z",
});

describe("claimWorkflowRights", () => {
  it.each([
    ["viewer", false, false],
    ["reviewer", false, true],
    ["editor", true, true],
    ["admin", true, true],
  ] as const)(
    "lets a %s assign: %s; move the status of a claim assigned to them: %s",
    (role, canAssign, canSetStatus) => {
      const rights = claimWorkflowRights(claimWith({ assignee: { id: "me", name: "Me" } }), as("me", role));
      expect(rights.canAssign).toBe(canAssign);
      expect(rights.canSetStatus).toBe(canSetStatus);
    },
  );

  it("lets a reviewer move only their own claims: assigned to them, or unassigned and marked by them", () => {
    expect(claimWorkflowRights(claimWith({ assignee: BO }), as("ana", "reviewer")).canSetStatus).toBe(false);
    expect(claimWorkflowRights(claimWith({ assignee: null }), as("ana", "reviewer")).canSetStatus).toBe(true);
    expect(claimWorkflowRights(claimWith({ assignee: null }), as("cy", "reviewer")).canSetStatus).toBe(false);
    expect(claimWorkflowRights(claimWith({ assignee: BO }), as("cy", "editor")).canSetStatus).toBe(true);
  });

  it("offers a review to an editor only when the claim is ready for review", () => {
    const editor = as("bo", "editor");
    expect(claimWorkflowRights(claimWith({ status: "in-progress", verdictSetBy: ANA }), editor).canReview).toBe(false);
    expect(claimWorkflowRights(claimWith({ status: "ready-for-review", verdictSetBy: ANA }), editor).canReview).toBe(
      true,
    );
    expect(claimWorkflowRights(claimWith({ status: "ready-for-review" }), as("cy", "reviewer")).canReview).toBe(false);
  });

  it("never offers an editor the review of a verdict they set, and says why", () => {
    const rights = claimWorkflowRights(claimWith({ status: "ready-for-review", verdictSetBy: BO }), as("bo", "editor"));
    expect(rights.canReview).toBe(false);
    expect(rights.reviewBlockedReason).toBe(OWN_VERDICT_REASON);
  });

  it("does not offer a second approval to the editor who gave the first", () => {
    const claim = claimWith({
      status: "ready-for-review",
      verdictSetBy: ANA,
      approvals: 1,
      latestReview: approvalBy(BO),
    });
    const rights = claimWorkflowRights(claim, as("bo", "editor"));
    expect(rights).toMatchObject({ canReview: false, reviewBlockedReason: ALREADY_APPROVED_REASON });
    expect(claimWorkflowRights(claim, as("cy", "editor")).canReview).toBe(true);
  });

  it("offers nothing on a claim not stored yet, or to no one signed in", () => {
    const pending = claimWith({ id: "pending-claim-1", status: "ready-for-review" });
    expect(claimWorkflowRights(pending, as("bo", "admin"))).toMatchObject({ canAssign: false, canReview: false });
    expect(claimWorkflowRights(claimWith({}), null)).toMatchObject({ canAssign: false, canSetStatus: false });
  });
});
