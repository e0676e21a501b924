import { type Claim, describeChangeEvent, ZClaim, ZClaimHistory, ZClaimList } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { createTestApp, type TestIdentity } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";

const testApp = await createTestApp();
const { db, request } = testApp;
const reviewer = await testApp.userFor("reviewer");
const editor = await testApp.userFor("editor");
const viewer = await testApp.userFor("viewer");
const admin = await testApp.userFor("admin");

async function readClaim(id: string): Promise<Claim> {
  return ZClaim.parse(await (await request("GET", `/api/claims/${id}`)).json());
}

/** PATCH /api/claims/:id as `as`, with the ETag just read. */
async function patchClaim(id: string, body: unknown, as: TestIdentity = "admin"): Promise<Response> {
  const { version } = await readClaim(id);
  return testApp.as(as).request("PATCH", `/api/claims/${id}`, body, { "If-Match": `"${version}"` });
}

async function patchOk(id: string, body: unknown, as: TestIdentity = "admin"): Promise<Claim> {
  const response = await patchClaim(id, body, as);
  expect(response.status, await response.clone().text()).toBe(200);
  const claim = ZClaim.parse(await response.json());
  expect(response.headers.get("ETag")).toBe(`"${claim.version}"`);
  return claim;
}

/** The claim's history entries as a reviewer reads them, newest first. */
async function historyWording(id: string): Promise<string[]> {
  const history = ZClaimHistory.parse(await (await request("GET", `/api/claims/${id}/history`)).json());
  return history.items.map((event) => `${event.by.name} ${describeChangeEvent(event)}`);
}

/** A claim marked by the reviewer (verdict unverified), on an article of its own. */
async function markAsReviewer(exact = "transferred dozens"): Promise<Claim> {
  const article = await buildArticle(db);
  const start = article.text.indexOf(exact);
  const response = await testApp.as("reviewer").request("POST", `/api/articles/${article.id}/claims`, {
    selectors: { position: { start, end: start + exact.length } },
  });
  expect(response.status).toBe(201);
  return ZClaim.parse(await response.json());
}

describe("a claim's workflow fields", () => {
  it("start untouched: to check, nobody assigned, no verdict set, never reviewed", async () => {
    const claim = await buildClaim(db, await buildArticle(db), "dozens");
    expect(claim).toMatchObject({
      status: "to-check",
      assignee: null,
      verdictSetBy: null,
      approvals: 0,
      latestReview: null,
    });
    expect(await readClaim(claim.id)).toMatchObject({ status: "to-check", assignee: null, verdictSetBy: null });
  });

  it("name who gave the verdict: the author of a claim made with one, then whoever changes it", async () => {
    const article = await buildArticle(db);
    const start = article.text.indexOf("dozens");
    const created = await testApp.as("editor").request("POST", `/api/articles/${article.id}/claims`, {
      selectors: { position: { start, end: start + 6 } },
      verdict: "contradicted",
    });
    const claim = ZClaim.parse(await created.json());
    expect(claim.verdictSetBy).toEqual({ id: editor.id, name: editor.name });

    const changed = await patchOk(claim.id, { verdict: "supported" }, "reviewer");
    expect(changed.verdictSetBy).toEqual({ id: reviewer.id, name: reviewer.name });
    // A speaker is not the verdict.
    const renamed = await patchOk(claim.id, { speaker: "Robert Malley" }, "editor");
    expect(renamed.verdictSetBy).toEqual({ id: reviewer.id, name: reviewer.name });
    expect((await readClaim(claim.id)).verdictSetBy).toEqual({ id: reviewer.id, name: reviewer.name });
  });
});

describe("an imported report's claims", () => {
  it("keep their verdict's setter when the account is here", async () => {
    const article = await buildArticle(db);
    await buildClaim(db, article, "a limited number of drones", { verdict: "contradicted" });
    await buildClaim(db, article, "dozens");
    const exported = await request("GET", `/api/articles/${article.id}/report?format=json`);
    const imported = await testApp.as("editor").request("POST", "/api/articles/import", await exported.json());
    expect(imported.status, await imported.clone().text()).toBe(201);
    const { id } = (await imported.json()) as { id: string };
    const { items } = ZClaimList.parse(await (await request("GET", `/api/articles/${id}/claims`)).json());
    expect(items.map((item) => [item.verdict, item.verdictSetBy, item.status])).toEqual([
      ["contradicted", { id: admin.id, name: admin.name }, "to-check"],
      ["unverified", null, "to-check"],
    ]);
  });
});

describe("PATCH /api/claims/:id {assigneeId}", () => {
  it("lets an editor assign, reassign and unassign a claim, each recorded and worded", async () => {
    const claim = await buildClaim(db, await buildArticle(db), "dozens");
    const assigned = await patchOk(claim.id, { assigneeId: reviewer.id }, "editor");
    expect(assigned).toMatchObject({ assignee: { id: reviewer.id, name: reviewer.name }, version: 2 });
    const reassigned = await patchOk(claim.id, { assigneeId: editor.id }, "editor");
    expect(reassigned.assignee).toEqual({ id: editor.id, name: editor.name });
    const unassigned = await patchOk(claim.id, { assigneeId: null }, "admin");
    expect(unassigned).toMatchObject({ assignee: null, version: 4 });
    expect((await historyWording(claim.id)).slice(0, 3)).toEqual([
      "Local reviewer unassigned the claim (was Test editor)",
      "Test editor reassigned the claim from Test reviewer to Test editor",
      "Test editor assigned the claim to Test reviewer",
    ]);
  });

  it("may assign an admin or oneself", async () => {
    const claim = await buildClaim(db, await buildArticle(db), "dozens");
    expect((await patchOk(claim.id, { assigneeId: admin.id }, "editor")).assignee?.id).toBe(admin.id);
    expect((await patchOk(claim.id, { assigneeId: editor.id }, "editor")).assignee?.id).toBe(editor.id);
  });

  it("treats assigning the same person again as no change: no entry, no new version", async () => {
    const claim = await buildClaim(db, await buildArticle(db), "dozens");
    const assigned = await patchOk(claim.id, { assigneeId: reviewer.id }, "editor");
    const response = await expectUnchanged(db, () => patchClaim(claim.id, { assigneeId: reviewer.id }, "editor"));
    expect(response.status).toBe(200);
    expect(ZClaim.parse(await response.json()).version).toBe(assigned.version);
  });

  it("shows the assignee in the claims list, and a ?since= read brings the assignment", async () => {
    const article = await buildArticle(db);
    const claim = await buildClaim(db, article, "dozens");
    const before = ZClaimList.parse(await (await request("GET", `/api/articles/${article.id}/claims`)).json());
    await patchOk(claim.id, { assigneeId: reviewer.id }, "editor");
    const changed = ZClaimList.parse(
      await (await request("GET", `/api/articles/${article.id}/claims?since=${before.cursor}`)).json(),
    );
    expect(changed.items.map((item) => [item.id, item.assignee?.name])).toEqual([[claim.id, reviewer.name]]);
    const whole = ZClaimList.parse(await (await request("GET", `/api/articles/${article.id}/claims`)).json());
    expect(whole.items.find((item) => item.id === claim.id)?.assignee).toEqual({
      id: reviewer.id,
      name: reviewer.name,
    });
  });

  describe("refuses, storing nothing", () => {
    it("a reviewer, who may not assign (403)", async () => {
      const claim = await markAsReviewer();
      const response = await expectUnchanged(db, () => patchClaim(claim.id, { assigneeId: reviewer.id }, "reviewer"));
      const error = await expectApiError(response, 403, "FORBIDDEN");
      expect(error.details).toMatchObject({ action: "claim.assign", role: "reviewer" });
    });

    it("a viewer as assignee (422), saying who may be assigned", async () => {
      const claim = await buildClaim(db, await buildArticle(db), "dozens");
      const response = await expectUnchanged(db, () => patchClaim(claim.id, { assigneeId: viewer.id }, "editor"));
      const error = await expectApiError(response, 422, "UNPROCESSABLE");
      expect(error.message).toBe(
        "Test viewer is a viewer and cannot be assigned a claim: assign a reviewer, editor or admin.",
      );
      expect(error.details).toMatchObject({ field: "assigneeId", reason: "not_assignable" });
    });

    it("an account that does not exist (422)", async () => {
      const claim = await buildClaim(db, await buildArticle(db), "dozens");
      const response = await expectUnchanged(db, () => patchClaim(claim.id, { assigneeId: "nobody-here" }, "editor"));
      const error = await expectApiError(response, 422, "UNPROCESSABLE");
      expect(error.message).toContain('no account with id "nobody-here"');
      expect(error.details).toMatchObject({ field: "assigneeId", reason: "unknown_account" });
    });

    it("an id that is not one (400)", async () => {
      const claim = await buildClaim(db, await buildArticle(db), "dozens");
      for (const assigneeId of ["<script>", "", 42, { id: reviewer.id }]) {
        const response = await expectUnchanged(db, () => patchClaim(claim.id, { assigneeId }, "editor"));
        const error = await expectApiError(response, 400, "VALIDATION_FAILED");
        const { issues } = error.details as { issues: { path: string }[] };
        expect(new Set(issues.map((issue) => issue.path))).toEqual(new Set(["assigneeId"]));
      }
    });

    it("a stale If-Match (412)", async () => {
      const claim = await buildClaim(db, await buildArticle(db), "dozens");
      await patchOk(claim.id, { speaker: "Robert Malley" });
      const response = await expectUnchanged(db, () =>
        testApp
          .as("editor")
          .request("PATCH", `/api/claims/${claim.id}`, { assigneeId: reviewer.id }, { "If-Match": '"1"' }),
      );
      await expectApiError(response, 412, "PRECONDITION_FAILED");
    });
  });
});

describe("PATCH /api/claims/:id {status}", () => {
  it("lets a reviewer move a claim assigned to them up to ready for review, each move recorded", async () => {
    const claim = await buildClaim(db, await buildArticle(db), "dozens");
    await patchOk(claim.id, { assigneeId: reviewer.id }, "editor");
    expect((await patchOk(claim.id, { status: "in-progress" }, "reviewer")).status).toBe("in-progress");
    const ready = await patchOk(claim.id, { status: "ready-for-review" }, "reviewer");
    expect(ready).toMatchObject({ status: "ready-for-review", version: 4 });
    expect((await historyWording(claim.id)).slice(0, 2)).toEqual([
      "Test reviewer moved the claim from In progress to Ready for review",
      "Test reviewer moved the claim from To check to In progress",
    ]);
  });

  it("lets a reviewer move a claim they marked that nobody is assigned", async () => {
    const claim = await markAsReviewer();
    expect((await patchOk(claim.id, { status: "ready-for-review" }, "reviewer")).status).toBe("ready-for-review");
  });

  it("lets editors and admins move any claim", async () => {
    const claim = await markAsReviewer();
    await patchOk(claim.id, { assigneeId: reviewer.id }, "editor");
    expect((await patchOk(claim.id, { status: "in-progress" }, "editor")).status).toBe("in-progress");
    expect((await patchOk(claim.id, { status: "to-check" }, "admin")).status).toBe("to-check");
  });

  it("sets a verdict, an assignee and a status in one save, one entry each", async () => {
    const claim = await buildClaim(db, await buildArticle(db), "dozens");
    const saved = await patchOk(
      claim.id,
      { verdict: "contradicted", assigneeId: reviewer.id, status: "in-progress" },
      "editor",
    );
    expect(saved).toMatchObject({ verdict: "contradicted", status: "in-progress", version: 2 });
    expect((await historyWording(claim.id)).slice(0, 3).sort()).toEqual([
      "Test editor assigned the claim to Test reviewer",
      "Test editor changed the verdict from Unverified to Contradicted",
      "Test editor moved the claim from To check to In progress",
    ]);
  });

  it("treats the same status again as no change", async () => {
    const claim = await markAsReviewer();
    const moved = await patchOk(claim.id, { status: "in-progress" }, "reviewer");
    const response = await expectUnchanged(db, () => patchClaim(claim.id, { status: "in-progress" }, "reviewer"));
    expect(response.status).toBe(200);
    expect(ZClaim.parse(await response.json()).version).toBe(moved.version);
  });

  describe("refuses, storing nothing", () => {
    it("a reviewer on a claim assigned to someone else (403, saying whose it is)", async () => {
      const claim = await markAsReviewer();
      await patchOk(claim.id, { assigneeId: editor.id }, "editor");
      const response = await expectUnchanged(db, () => patchClaim(claim.id, { status: "in-progress" }, "reviewer"));
      const error = await expectApiError(response, 403, "FORBIDDEN");
      expect(error.message).toBe(
        "This claim is assigned to Test editor: only they or an editor may change its status.",
      );
      expect(error.details).toMatchObject({ action: "claim.status", reason: "not_your_claim" });
    });

    it("a reviewer on a claim nobody is assigned that someone else marked (403)", async () => {
      const claim = await buildClaim(db, await buildArticle(db), "dozens");
      const response = await expectUnchanged(db, () => patchClaim(claim.id, { status: "in-progress" }, "reviewer"));
      const error = await expectApiError(response, 403, "FORBIDDEN");
      expect(error.message).toContain("ask an editor to assign it to you");
    });

    it("a viewer (403)", async () => {
      const claim = await buildClaim(db, await buildArticle(db), "dozens");
      const response = await expectUnchanged(db, () => patchClaim(claim.id, { status: "in-progress" }, "viewer"));
      const error = await expectApiError(response, 403, "FORBIDDEN");
      expect(error.details).toMatchObject({ action: "claim.status", role: "viewer" });
    });

    it.each(["approved", "changes-requested"])("%s, which only a review sets (400)", async (status) => {
      const claim = await buildClaim(db, await buildArticle(db), "dozens");
      const response = await expectUnchanged(db, () => patchClaim(claim.id, { status }, "admin"));
      const error = await expectApiError(response, 400, "VALIDATION_FAILED");
      expect(error.details).toMatchObject({ issues: [{ path: "status" }] });
      expect(error.message).toContain("approved and changes-requested come from reviews");
    });

    it.each(["done", "", "Ready-For-Review", null])("an unknown status %j (400)", async (status) => {
      const claim = await buildClaim(db, await buildArticle(db), "dozens");
      const response = await expectUnchanged(db, () => patchClaim(claim.id, { status }, "admin"));
      await expectApiError(response, 400, "VALIDATION_FAILED");
    });

    it("a stale If-Match (412) and a missing one (428)", async () => {
      const claim = await markAsReviewer();
      await patchOk(claim.id, { rationale: "Malley says dozens." }, "reviewer");
      const url = `/api/claims/${claim.id}`;
      const stale = await expectUnchanged(db, () =>
        testApp.as("reviewer").request("PATCH", url, { status: "in-progress" }, { "If-Match": '"1"' }),
      );
      await expectApiError(stale, 412, "PRECONDITION_FAILED");
      const missing = await expectUnchanged(db, () =>
        testApp.as("reviewer").request("PATCH", url, { status: "in-progress" }),
      );
      await expectApiError(missing, 428, "PRECONDITION_REQUIRED");
    });
  });
});

describe("GET /api/assignees", () => {
  it("lists every reviewer, editor and admin by name, for any signed-in account", async () => {
    const response = await testApp.as("viewer").request("GET", "/api/assignees");
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: { id: string; name: string; role: string }[] };
    expect(items).toEqual([
      { id: admin.id, name: admin.name, role: "admin" },
      { id: editor.id, name: editor.name, role: "editor" },
      { id: reviewer.id, name: reviewer.name, role: "reviewer" },
    ]);
  });

  it("needs a session (401)", async () => {
    await expectApiError(await testApp.as("anonymous").request("GET", "/api/assignees"), 401, "UNAUTHENTICATED");
  });
});
