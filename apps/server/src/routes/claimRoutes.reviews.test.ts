import {
  type Claim,
  describeChangeEvent,
  ZClaim,
  ZClaimHistory,
  ZClaimList,
  ZEvidence,
  ZReviewList,
  ZReviewResult,
} from "@factmark/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { createTestApp, type TestIdentity } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";

const testApp = await createTestApp();
const { db, request } = testApp;
const reviewer = await testApp.userFor("reviewer");
const editor = await testApp.userFor("editor");
const admin = await testApp.userFor("admin");

async function readClaim(id: string): Promise<Claim> {
  return ZClaim.parse(await (await request("GET", `/api/claims/${id}`)).json());
}

async function patchOk(id: string, body: unknown, as: TestIdentity): Promise<Claim> {
  const { version } = await readClaim(id);
  const response = await testApp.as(as).request("PATCH", `/api/claims/${id}`, body, { "If-Match": `"${version}"` });
  expect(response.status, await response.clone().text()).toBe(200);
  return ZClaim.parse(await response.json());
}

/** POST /api/claims/:id/reviews as `as`, with the ETag just read unless one is given. */
async function sendReview(id: string, body: unknown, as: TestIdentity, version?: number): Promise<Response> {
  const ifMatch = version ?? (await readClaim(id)).version;
  return testApp.as(as).request("POST", `/api/claims/${id}/reviews`, body, { "If-Match": `"${ifMatch}"` });
}

async function reviewOk(id: string, body: unknown, as: TestIdentity) {
  const response = await sendReview(id, body, as);
  expect(response.status, await response.clone().text()).toBe(201);
  const result = ZReviewResult.parse(await response.json());
  expect(response.headers.get("ETag")).toBe(`"${result.claim.version}"`);
  return result;
}

async function readHistory(id: string) {
  return ZClaimHistory.parse(await (await request("GET", `/api/claims/${id}/history`)).json()).items;
}

/** The claim's history as a reviewer reads it, newest first. */
async function historyWording(id: string): Promise<string[]> {
  return (await readHistory(id)).map((event) => `${event.by.name} ${describeChangeEvent(event)}`);
}

/** The claim's history entries, newest first, as what each records: `action from→to`. */
async function historyActions(id: string): Promise<string[]> {
  return (await readHistory(id)).map((event) => {
    if (event.action !== "claim.status_changed" && event.action !== "claim.review_reopened") return event.action;
    return `${event.action} ${event.from}→${event.to}`;
  });
}

async function reviewCount(claimId: string): Promise<number> {
  return db.review.count({ where: { claimId } });
}

/** A claim the reviewer marked with a verdict and sent for review. */
async function readyClaim(verdict: "supported" | "contradicted" | "unverified" = "contradicted"): Promise<Claim> {
  const article = await buildArticle(db);
  const exact = "transferred dozens";
  const start = article.text.indexOf(exact);
  const created = await testApp.as("reviewer").request("POST", `/api/articles/${article.id}/claims`, {
    selectors: { position: { start, end: start + exact.length } },
    verdict,
    rationale: "Malley's own words.",
  });
  expect(created.status).toBe(201);
  const claim = ZClaim.parse(await created.json());
  return patchOk(claim.id, { status: "ready-for-review" }, "reviewer");
}

async function approvedClaim(): Promise<Claim> {
  const claim = await readyClaim();
  return (await reviewOk(claim.id, { decision: "approve" }, "editor")).claim;
}

async function setRequiredApprovals(requiredApprovals: 1 | 2): Promise<void> {
  const current = await request("GET", "/api/settings");
  const response = await request(
    "PATCH",
    "/api/settings",
    { requiredApprovals },
    {
      "If-Match": current.headers.get("ETag") ?? "",
    },
  );
  expect(response.status).toBe(200);
}

describe("POST /api/claims/:id/reviews", () => {
  it("lets an editor approve a claim ready for review: approved, recorded, with the claim's new ETag", async () => {
    const claim = await readyClaim();
    const { review, claim: after } = await reviewOk(claim.id, { decision: "approve" }, "editor");
    expect(review).toMatchObject({
      claimId: claim.id,
      decision: "approve",
      note: null,
      round: 1,
      by: { id: editor.id, name: editor.name },
    });
    expect(after).toMatchObject({
      status: "approved",
      approvals: 1,
      latestReview: review,
      verdictSetBy: { id: reviewer.id, name: reviewer.name },
      version: claim.version + 1,
    });
    expect(await readClaim(claim.id)).toEqual(after);
    expect((await historyWording(claim.id))[0]).toBe("Test editor approved the claim");
  });

  it("sends the claim back to its assignee when an editor requests changes, with the note", async () => {
    const claim = await readyClaim();
    const note = "  Cite the interview where Malley says this.  ";
    const { review, claim: after } = await reviewOk(claim.id, { decision: "request-changes", note }, "editor");
    expect(review).toMatchObject({ decision: "request-changes", note: note.trim() });
    expect(after).toMatchObject({ status: "changes-requested", approvals: 0, latestReview: review });
    expect((await historyWording(claim.id))[0]).toBe(
      "Test editor requested changes: “Cite the interview where Malley says this.”",
    );
    // Fixed and sent again, it can be approved.
    await patchOk(claim.id, { rationale: "Malley said so on 3 August." }, "reviewer");
    expect((await readClaim(claim.id)).status).toBe("changes-requested");
    await patchOk(claim.id, { status: "ready-for-review" }, "reviewer");
    expect((await reviewOk(claim.id, { decision: "approve" }, "editor")).claim.status).toBe("approved");
  });

  it("reaches the claims list, whole and ?since= the cursor read before it", async () => {
    const claim = await readyClaim();
    const listUrl = `/api/articles/${claim.articleId}/claims`;
    const before = ZClaimList.parse(await (await request("GET", listUrl)).json());
    const { review } = await reviewOk(claim.id, { decision: "approve" }, "editor");
    const changed = ZClaimList.parse(await (await request("GET", `${listUrl}?since=${before.cursor}`)).json());
    expect(changed.items).toHaveLength(1);
    expect(changed.items[0]).toMatchObject({ id: claim.id, status: "approved", approvals: 1, latestReview: review });
    const whole = ZClaimList.parse(await (await request("GET", listUrl)).json());
    expect(whole.items.find((item) => item.id === claim.id)).toEqual(await readClaim(claim.id));
  });

  it("lets an admin review too, and keeps an approval's note", async () => {
    const claim = await readyClaim();
    const { review } = await reviewOk(claim.id, { decision: "approve", note: "Checked the transcript." }, "admin");
    expect(review).toMatchObject({ note: "Checked the transcript.", by: { id: admin.id } });
  });

  describe("refuses, storing nothing", () => {
    it("whoever set the verdict (403, saying why)", async () => {
      const claim = await readyClaim();
      // The editor's verdict now: another editor must review it.
      await patchOk(claim.id, { verdict: "supported" }, "editor");
      await patchOk(claim.id, { status: "ready-for-review" }, "editor");
      for (const decision of [{ decision: "approve" }, { decision: "request-changes", note: "Mine." }]) {
        const response = await expectUnchanged(db, () => sendReview(claim.id, decision, "editor"));
        const error = await expectApiError(response, 403, "FORBIDDEN");
        expect(error.message).toBe("You set this verdict; another editor must review it.");
        expect(error.details).toMatchObject({ reason: "own_verdict" });
      }
      expect(await reviewCount(claim.id)).toBe(0);
      expect((await reviewOk(claim.id, { decision: "approve" }, "admin")).claim.status).toBe("approved");
    });

    it("an editor whose verdict another's undo put back (403): they set it, even if not last", async () => {
      const claim = await readyClaim("contradicted");
      await patchOk(claim.id, { verdict: "supported" }, "editor");
      await patchOk(claim.id, { verdict: "contradicted" }, "editor");
      // The reviewer undoes the editor's last change: "supported" is back, and the reviewer its last setter.
      const { version } = await readClaim(claim.id);
      const undo = await testApp
        .as("reviewer")
        .request("POST", `/api/claims/${claim.id}/history/undo`, {}, { "If-Match": `"${version}"` });
      expect(undo.status, await undo.clone().text()).toBe(200);
      const restored = await patchOk(claim.id, { status: "ready-for-review" }, "reviewer");
      expect(restored).toMatchObject({ verdict: "supported", verdictSetBy: { id: reviewer.id } });
      const response = await expectUnchanged(db, () => sendReview(claim.id, { decision: "approve" }, "editor"));
      await expectApiError(response, 403, "FORBIDDEN");
      expect(await reviewCount(claim.id)).toBe(0);
    });

    it("a reviewer, who may not review (403)", async () => {
      const claim = await readyClaim();
      const response = await expectUnchanged(db, () => sendReview(claim.id, { decision: "approve" }, "reviewer"));
      const error = await expectApiError(response, 403, "FORBIDDEN");
      expect(error.details).toMatchObject({ action: "claim.review", role: "reviewer" });
    });

    it("a claim not sent for review (409, saying its status)", async () => {
      const claim = await readyClaim();
      await patchOk(claim.id, { status: "in-progress" }, "reviewer");
      const response = await expectUnchanged(db, () => sendReview(claim.id, { decision: "approve" }, "editor"));
      const error = await expectApiError(response, 409, "CONFLICT");
      expect(error.message).toContain('it is "In progress"');
      expect(error.details).toMatchObject({ reason: "not_ready", status: "in-progress" });
      expect(await reviewCount(claim.id)).toBe(0);
    });

    it("a claim already approved (409)", async () => {
      const claim = await approvedClaim();
      const response = await expectUnchanged(db, () => sendReview(claim.id, { decision: "approve" }, "admin"));
      const error = await expectApiError(response, 409, "CONFLICT");
      expect(error.message).toBe("This claim is already approved.");
      expect(await reviewCount(claim.id)).toBe(1);
    });

    it("an approval of an unverified verdict (409: nothing to approve); changes may still be requested", async () => {
      const claim = await readyClaim("unverified");
      const response = await expectUnchanged(db, () => sendReview(claim.id, { decision: "approve" }, "editor"));
      const error = await expectApiError(response, 409, "CONFLICT");
      expect(error.message).toContain("there is nothing to approve yet");
      const requested = await reviewOk(claim.id, { decision: "request-changes", note: "Give it a verdict." }, "editor");
      expect(requested.claim.status).toBe("changes-requested");
    });

    it("a stale If-Match (412) and a missing one (428)", async () => {
      const claim = await readyClaim();
      const stale = await expectUnchanged(db, () => sendReview(claim.id, { decision: "approve" }, "editor", 1));
      await expectApiError(stale, 412, "PRECONDITION_FAILED");
      const missing = await expectUnchanged(db, () =>
        testApp.as("editor").request("POST", `/api/claims/${claim.id}/reviews`, { decision: "approve" }),
      );
      await expectApiError(missing, 428, "PRECONDITION_REQUIRED");
      expect(await reviewCount(claim.id)).toBe(0);
    });

    it("an approval sent on what the editor read before the evidence changed (412)", async () => {
      const claim = await readyClaim();
      const read = await readClaim(claim.id);
      const added = await testApp.as("reviewer").request("POST", `/api/claims/${claim.id}/evidence`, {
        url: "https://example.org/interview",
        stance: "supports",
      });
      expect(added.status).toBe(201);
      const response = await sendReview(claim.id, { decision: "approve" }, "editor", read.version);
      await expectApiError(response, 412, "PRECONDITION_FAILED");
      expect(await reviewCount(claim.id)).toBe(0);
    });

    it.each([
      ["a request for changes without a note", { decision: "request-changes" }, "note"],
      ["a request for changes with a blank note", { decision: "request-changes", note: "   " }, "note"],
      ["an unknown decision", { decision: "reject" }, "decision"],
      ["no decision", {}, "decision"],
      ["a note too long", { decision: "request-changes", note: "x".repeat(2_001) }, "note"],
      ["an unknown field", { decision: "approve", status: "approved" }, ""],
    ])("%s (400)", async (_label, body, path) => {
      const claim = await readyClaim();
      const response = await expectUnchanged(db, () => sendReview(claim.id, body, "editor"));
      const error = await expectApiError(response, 400, "VALIDATION_FAILED");
      if (path) expect(error.details).toMatchObject({ issues: [{ path }] });
      expect(await reviewCount(claim.id)).toBe(0);
    });

    it("a claim that is not there (404)", async () => {
      const response = await expectUnchanged(db, () =>
        testApp.as("editor").request(
          "POST",
          "/api/claims/no-such-claim/reviews",
          { decision: "approve" },
          {
            "If-Match": '"1"',
          },
        ),
      );
      await expectApiError(response, 404, "NOT_FOUND");
    });
  });
});

describe("GET /api/claims/:id/reviews", () => {
  it("lists a claim's reviews of every round, oldest first, for any signed-in account", async () => {
    const claim = await readyClaim();
    const asked = await reviewOk(claim.id, { decision: "request-changes", note: "Add a source." }, "editor");
    await patchOk(claim.id, { status: "ready-for-review" }, "reviewer");
    const approved = await reviewOk(claim.id, { decision: "approve" }, "admin");
    const response = await testApp.as("viewer").request("GET", `/api/claims/${claim.id}/reviews`);
    expect(response.status).toBe(200);
    const { items } = ZReviewList.parse(await response.json());
    expect(items).toEqual([asked.review, approved.review]);
    expect(items.map((review) => review.round)).toEqual([1, 2]);
  });

  it("answers 404 for a claim that is not there", async () => {
    await expectApiError(await request("GET", "/api/claims/no-such-claim/reviews"), 404, "NOT_FOUND");
  });
});

describe("the two-person rule (two approvals per claim)", () => {
  beforeAll(() => setRequiredApprovals(2));
  afterAll(() => setRequiredApprovals(1));

  it("keeps a claim ready for review after one approval; a second editor's approves it", async () => {
    const claim = await readyClaim();
    const first = await reviewOk(claim.id, { decision: "approve" }, "editor");
    expect(first.claim).toMatchObject({ status: "ready-for-review", approvals: 1 });
    expect((await historyWording(claim.id))[0]).toBe("Test editor approved the claim (one more approval needed)");

    const again = await expectUnchanged(db, () => sendReview(claim.id, { decision: "approve" }, "editor"));
    const error = await expectApiError(again, 409, "CONFLICT");
    expect(error.message).toContain("You already approved this claim in this round");

    const second = await reviewOk(claim.id, { decision: "approve" }, "admin");
    expect(second.claim).toMatchObject({ status: "approved", approvals: 2 });
    expect((await historyWording(claim.id))[0]).toBe("Local reviewer approved the claim");
  });

  it("takes one of two approvals sent at the same moment on the same version; the other is told to reload", async () => {
    const claim = await readyClaim();
    const responses = await Promise.all([
      sendReview(claim.id, { decision: "approve" }, "editor", claim.version),
      sendReview(claim.id, { decision: "approve" }, "admin", claim.version),
      sendReview(claim.id, { decision: "approve" }, "admin", claim.version),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([201, 412, 412]);
    expect(await reviewCount(claim.id)).toBe(1);
    expect(await readClaim(claim.id)).toMatchObject({ status: "ready-for-review", approvals: 1 });
  });

  it("counts no approval given before changes were requested", async () => {
    const claim = await readyClaim();
    await reviewOk(claim.id, { decision: "approve" }, "editor");
    await reviewOk(claim.id, { decision: "request-changes", note: "The date is wrong." }, "admin");
    await patchOk(claim.id, { status: "ready-for-review" }, "reviewer");
    const afterFix = await reviewOk(claim.id, { decision: "approve" }, "admin");
    expect(afterFix.claim).toMatchObject({ status: "ready-for-review", approvals: 1 });
    expect((await reviewOk(claim.id, { decision: "approve" }, "editor")).claim.status).toBe("approved");
  });

  it("starts over when the rationale changes between the two approvals", async () => {
    const claim = await readyClaim();
    await reviewOk(claim.id, { decision: "approve" }, "editor");
    const before = await historyWording(claim.id);
    const changed = await patchOk(claim.id, { rationale: "Malley said so on 3 August." }, "reviewer");
    // Still in review, so no status entry; but the approval was of the old rationale.
    expect(changed).toMatchObject({ status: "ready-for-review", approvals: 0 });
    expect(await historyWording(claim.id)).toHaveLength(before.length + 1);
    await reviewOk(claim.id, { decision: "approve" }, "admin");
    expect((await reviewOk(claim.id, { decision: "approve" }, "editor")).claim).toMatchObject({
      status: "approved",
      approvals: 2,
    });
  });
});

describe("a change after approval sends the claim back to ready for review", () => {
  const REOPENED = "claim.review_reopened approved→ready-for-review";

  it("says why in the history: the claim changed after review", async () => {
    const claim = await approvedClaim();
    await patchOk(claim.id, { verdict: "supported" }, "reviewer");
    expect((await historyWording(claim.id))[0]).toBe(
      "Test reviewer changed the claim after review, so it went back from Approved to Ready for review",
    );
  });

  it("on a verdict change: old approvals stop counting, and the claim can be approved again", async () => {
    const claim = await approvedClaim();
    const changed = await patchOk(claim.id, { verdict: "supported" }, "reviewer");
    expect(changed).toMatchObject({ status: "ready-for-review", approvals: 0, verdict: "supported" });
    expect(changed.latestReview?.decision).toBe("approve");
    expect((await historyActions(claim.id)).slice(0, 2)).toEqual([REOPENED, "claim.verdict_changed"]);
    const again = await reviewOk(claim.id, { decision: "approve" }, "editor");
    expect(again).toMatchObject({ review: { round: 2 }, claim: { status: "approved", approvals: 1 } });
  });

  it("when the claim is put on other words (re-attached)", async () => {
    const claim = await approvedClaim();
    const article = await db.article.findUniqueOrThrow({ where: { id: claim.articleId } });
    const exact = "Iran";
    const start = article.text.indexOf(exact);
    const response = await testApp
      .as("reviewer")
      .request(
        "POST",
        `/api/claims/${claim.id}/reattach`,
        { selectors: { position: { start, end: start + exact.length } } },
        { "If-Match": `"${claim.version}"` },
      );
    expect(response.status, await response.clone().text()).toBe(200);
    expect(ZClaim.parse(await response.json())).toMatchObject({ status: "ready-for-review", approvals: 0 });
    expect((await historyActions(claim.id)).slice(0, 2)).toEqual([REOPENED, "claim.reanchored"]);
  });

  it("when a reviewer confirms the edited words a save moved it onto", async () => {
    const claim = await approvedClaim();
    // As a save that moved the claim onto edited words ("increased" became "decreased") leaves it.
    await db.claim.update({ where: { id: claim.id }, data: { isAnchorUnconfirmed: true } });
    const response = await testApp
      .as("reviewer")
      .request("POST", `/api/claims/${claim.id}/anchor-confirmation`, undefined, { "If-Match": `"${claim.version}"` });
    expect(response.status, await response.clone().text()).toBe(200);
    const confirmed = ZClaim.parse(await response.json());
    expect(confirmed).toMatchObject({ status: "ready-for-review", approvals: 0, isAnchorUnconfirmed: false });
    expect(response.headers.get("ETag")).toBe(`"${confirmed.version}"`);
  });

  it("on a rationale change", async () => {
    const claim = await approvedClaim();
    const changed = await patchOk(claim.id, { rationale: "Malley said so on 3 August." }, "reviewer");
    expect(changed).toMatchObject({ status: "ready-for-review", approvals: 0 });
    expect((await historyActions(claim.id)).slice(0, 2)).toEqual([REOPENED, "claim.rationale_changed"]);
  });

  it("but not on a speaker change, nor on a save that changes nothing", async () => {
    const claim = await approvedClaim();
    expect(await patchOk(claim.id, { speaker: "Robert Malley" }, "reviewer")).toMatchObject({
      status: "approved",
      approvals: 1,
    });
    expect((await historyActions(claim.id))[0]).toBe("claim.speaker_changed");
    const same = await patchOk(claim.id, { verdict: "contradicted", rationale: "Malley's own words." }, "reviewer");
    expect(same).toMatchObject({ status: "approved", approvals: 1 });
  });

  it("when evidence is added, edited, removed or restored", async () => {
    const reviewerRequest = testApp.as("reviewer").request;
    const claim = await approvedClaim();
    const added = await reviewerRequest("POST", `/api/claims/${claim.id}/evidence`, {
      url: "https://example.org/interview",
      stance: "supports",
    });
    expect(added.status).toBe(201);
    const evidence = ZEvidence.parse(await added.json());
    expect(await readClaim(claim.id)).toMatchObject({ status: "ready-for-review", approvals: 0 });
    expect((await historyActions(claim.id)).slice(0, 2)).toEqual([REOPENED, "evidence.added"]);

    const steps: [string, () => Promise<Response>][] = [
      [
        "edited",
        () => reviewerRequest("PATCH", `/api/evidence/${evidence.id}`, { stance: "context" }, { "If-Match": '"1"' }),
      ],
      ["removed", () => reviewerRequest("DELETE", `/api/evidence/${evidence.id}`)],
      ["restored", () => reviewerRequest("POST", `/api/evidence/${evidence.id}/restore`)],
    ];
    for (const [step, send] of steps) {
      await reviewOk(claim.id, { decision: "approve" }, "editor");
      expect((await readClaim(claim.id)).status, step).toBe("approved");
      const response = await send();
      expect(response.status, step).toBe(200);
      expect(await readClaim(claim.id), step).toMatchObject({ status: "ready-for-review", approvals: 0 });
      expect((await historyActions(claim.id))[0], step).toBe(REOPENED);
    }
  });

  it("when an undo puts a verdict back: the verdict is then the undoer's", async () => {
    const claim = await readyClaim();
    await patchOk(claim.id, { verdict: "supported" }, "reviewer");
    await patchOk(claim.id, { status: "ready-for-review" }, "reviewer");
    await reviewOk(claim.id, { decision: "approve" }, "editor");
    const undone = await testApp.as("admin").request("POST", `/api/claims/${claim.id}/history/undo`, {});
    expect(undone.status).toBe(200);
    const after = await readClaim(claim.id);
    expect(after).toMatchObject({
      verdict: "contradicted",
      status: "ready-for-review",
      approvals: 0,
      verdictSetBy: { id: admin.id },
    });
    expect((await historyActions(claim.id)).slice(0, 2)).toEqual(["claim.undone", REOPENED]);
    const own = await sendReview(claim.id, { decision: "approve" }, "admin");
    await expectApiError(own, 403, "FORBIDDEN");
    expect((await reviewOk(claim.id, { decision: "approve" }, "editor")).claim.status).toBe("approved");
  });

  it("when an undo brings back removed evidence", async () => {
    const claim = await readyClaim();
    const added = await testApp.as("reviewer").request("POST", `/api/claims/${claim.id}/evidence`, {
      url: "https://example.org/interview",
      stance: "supports",
    });
    const evidence = ZEvidence.parse(await added.json());
    await testApp.as("reviewer").request("DELETE", `/api/evidence/${evidence.id}`);
    await reviewOk(claim.id, { decision: "approve" }, "editor");
    const undone = await testApp.as("reviewer").request("POST", `/api/claims/${claim.id}/history/undo`, {});
    expect(undone.status).toBe(200);
    expect(await readClaim(claim.id)).toMatchObject({ status: "ready-for-review", approvals: 0 });
  });

  it("leaves a claim whose changes were requested where it is", async () => {
    const claim = await readyClaim();
    await reviewOk(claim.id, { decision: "request-changes", note: "Add a source." }, "editor");
    const changed = await patchOk(claim.id, { verdict: "supported" }, "reviewer");
    expect(changed.status).toBe("changes-requested");
  });
});
