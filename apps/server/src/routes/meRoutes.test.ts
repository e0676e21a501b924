import { type Claim, MY_WORK_LIMIT, ZClaim, ZWorkList } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { SEED_ADMIN } from "../repositories/accountRepository";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { createTestApp, type TestIdentity } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";

const testApp = await createTestApp();
const { db, request } = testApp;
const reviewer = await testApp.userFor("reviewer");
const editor = await testApp.userFor("editor");

async function patchOk(id: string, body: unknown, as: TestIdentity = "admin"): Promise<Claim> {
  const current = ZClaim.parse(await (await request("GET", `/api/claims/${id}`)).json());
  const response = await testApp.as(as).request("PATCH", `/api/claims/${id}`, body, {
    "If-Match": `"${current.version}"`,
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return ZClaim.parse(await response.json());
}

async function myWork(as: TestIdentity) {
  const response = await testApp.as(as).request("GET", "/api/me/work");
  expect(response.status).toBe(200);
  return ZWorkList.parse(await response.json()).items;
}

describe("GET /api/me/work", () => {
  it("lists the live claims assigned to me and not approved, across articles, most recently changed first", async () => {
    const drones = await buildArticle(db, { title: "Iran and the drones" });
    const summer = await buildArticle(db, { title: "What Malley said" });
    const limited = await buildClaim(db, drones, "a limited number of drones", { verdict: "contradicted" });
    const dozens = await buildClaim(db, summer, "transferred dozens");
    const unfounded = await buildClaim(db, drones, "totally unfounded");
    const notMine = await buildClaim(db, drones, "Robert Malley");
    for (const claim of [limited, dozens, unfounded]) await patchOk(claim.id, { assigneeId: reviewer.id });
    await patchOk(notMine.id, { assigneeId: editor.id });
    // Approved: off the list.
    await patchOk(unfounded.id, { verdict: "supported", status: "ready-for-review" }, "reviewer");
    await patchOk(unfounded.id, { rationale: "Iravani said it at the UN." }, "reviewer");
    const unfoundedNow = ZClaim.parse(await (await request("GET", `/api/claims/${unfounded.id}`)).json());
    const approval = await testApp.as("editor").request(
      "POST",
      `/api/claims/${unfounded.id}/reviews`,
      {
        decision: "approve",
      },
      { "If-Match": `"${unfoundedNow.version}"` },
    );
    expect(approval.status).toBe(201);
    // Changes requested: on the list, with the note, and the latest change.
    await patchOk(limited.id, { status: "ready-for-review" }, "reviewer");
    const limitedNow = ZClaim.parse(await (await request("GET", `/api/claims/${limited.id}`)).json());
    const asked = await testApp.as("editor").request(
      "POST",
      `/api/claims/${limited.id}/reviews`,
      {
        decision: "request-changes",
        note: "Which months?",
      },
      { "If-Match": `"${limitedNow.version}"` },
    );
    expect(asked.status).toBe(201);

    const items = await myWork("reviewer");
    expect(items.map((item) => [item.article.title, item.exact, item.status])).toEqual([
      ["Iran and the drones", "a limited number of drones", "changes-requested"],
      ["What Malley said", "transferred dozens", "to-check"],
    ]);
    expect(items[0]).toMatchObject({
      claimId: limited.id,
      article: { id: drones.id, title: "Iran and the drones" },
      verdict: "contradicted",
      latestReview: { decision: "request-changes", note: "Which months?", by: { name: "Test editor" } },
    });
    expect(items[1]).toMatchObject({ claimId: dozens.id, latestReview: null });
    expect((await myWork("editor")).map((item) => item.claimId)).toContain(notMine.id);
  });

  it("leaves out deleted claims and the claims of deleted articles", async () => {
    const article = await buildArticle(db);
    const gone = await buildClaim(db, article, "dozens");
    await patchOk(gone.id, { assigneeId: editor.id });
    const before = await myWork("editor");
    expect(before.map((item) => item.claimId)).toContain(gone.id);
    expect((await request("DELETE", `/api/claims/${gone.id}`)).status).toBe(200);
    expect((await myWork("editor")).map((item) => item.claimId)).not.toContain(gone.id);

    const other = await buildArticle(db);
    const inDeleted = await buildClaim(db, other, "dozens");
    await patchOk(inDeleted.id, { assigneeId: editor.id });
    expect((await request("DELETE", `/api/articles/${other.id}`)).status).toBe(204);
    expect((await myWork("editor")).map((item) => item.claimId)).not.toContain(inDeleted.id);
  });

  it("is empty for an account with nothing assigned, a viewer too", async () => {
    expect(await myWork("viewer")).toEqual([]);
  });

  it(`answers at most ${MY_WORK_LIMIT} claims, the most recently changed`, async () => {
    const article = await buildArticle(db);
    const start = article.text.indexOf("Iran");
    // The rows createClaim and an assignment write, stored at once: 501 of them through the service take half
    // a minute on a busy machine. Each was changed a millisecond after the one before.
    const changedAt = (index: number) => new Date(Date.UTC(2026, 0, 1) + index);
    await db.claim.createMany({
      data: Array.from({ length: MY_WORK_LIMIT + 1 }, (_, index) => ({
        id: `bound-${String(index).padStart(3, "0")}`,
        articleId: article.id,
        start,
        end: start + 4,
        exact: "Iran",
        prefix: "",
        suffix: " sold",
        createdById: SEED_ADMIN.id,
        assigneeId: SEED_ADMIN.id,
        createdAt: changedAt(index),
        updatedAt: changedAt(index),
      })),
    });
    const items = await myWork("admin");
    expect(items).toHaveLength(MY_WORK_LIMIT);
    expect(items[0]?.claimId).toBe(`bound-${MY_WORK_LIMIT}`);
    expect(items.map((item) => item.claimId)).not.toContain("bound-000");
  });

  it("needs a session (401)", async () => {
    await expectApiError(await testApp.as("anonymous").request("GET", "/api/me/work"), 401, "UNAUTHENTICATED");
  });
});
