import { describe, expect, it } from "vitest";
import { buildClaim } from "../../test/buildClaim";
import { applyClaimUpdate } from "./applyClaimUpdate";

const TEXT = "Iran sold a limited number of drones.";
const ME = { id: "me", name: "Ana Reviewer" };
const BO = { id: "bo", name: "Bo Editor" };
const CONTEXT = { me: ME, assignees: [ME, BO] };

describe("applyClaimUpdate", () => {
  it("names the assignee picked by id, and shows nobody for null", () => {
    const claim = buildClaim(TEXT, "limited number");
    expect(applyClaimUpdate(claim, { assigneeId: "bo" }, CONTEXT).assignee).toEqual(BO);
    expect(applyClaimUpdate({ ...claim, assignee: BO }, { assigneeId: null }, CONTEXT).assignee).toBeNull();
    expect(applyClaimUpdate(claim, { assigneeId: "bo" }, CONTEXT)).not.toHaveProperty("assigneeId");
  });

  it("moves the status as asked", () => {
    const claim = buildClaim(TEXT, "limited number");
    expect(applyClaimUpdate(claim, { status: "ready-for-review" }, CONTEXT).status).toBe("ready-for-review");
  });

  it("makes a new verdict mine, and sends an approved claim back to review with no approvals", () => {
    const approved = buildClaim(TEXT, "limited number", "supported", {
      status: "approved",
      approvals: 1,
      verdictSetBy: BO,
    });
    const changed = applyClaimUpdate(approved, { verdict: "contradicted" }, CONTEXT);
    expect(changed).toMatchObject({
      verdict: "contradicted",
      verdictSetBy: ME,
      status: "ready-for-review",
      approvals: 0,
    });
  });

  it("leaves the status of a claim not yet in review, and a speaker change anywhere", () => {
    const working = buildClaim(TEXT, "limited number", "supported", { status: "in-progress" });
    expect(applyClaimUpdate(working, { rationale: "Because." }, CONTEXT).status).toBe("in-progress");
    const approved = { ...working, status: "approved" as const, approvals: 1 };
    expect(applyClaimUpdate(approved, { speaker: "Malley" }, CONTEXT)).toMatchObject({
      status: "approved",
      approvals: 1,
    });
  });
});
