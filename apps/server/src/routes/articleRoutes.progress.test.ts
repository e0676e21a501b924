import { ZArticleList } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { createTestApp } from "../test/createTestApp";

const testApp = await createTestApp();
const { db, request } = testApp;

async function summaries() {
  return ZArticleList.parse(await (await request("GET", "/api/articles")).json()).items;
}

describe("GET /api/articles: each article's progress through review", () => {
  it("counts the live claims with a verdict, approved, in review and sent back, and names who is on them", async () => {
    const reviewer = await testApp.userFor("reviewer");
    const editor = await testApp.userFor("editor");
    const article = await buildArticle(db, { title: "In review" });
    const claims = await Promise.all(
      [
        ["limited number of drones", "contradicted", "approved", reviewer.id],
        ["Ukraine war", "supported", "approved", reviewer.id],
        ["transferred dozens", "supported", "ready-for-review", editor.id],
        ["just this summer", "contradicted", "changes-requested", null],
        ["Iravani called", "unverified", "ready-for-review", null],
        ["totally unfounded", "unverified", "approved", null],
      ].map(async ([exact, verdict, status, assigneeId]) => {
        const claim = await buildClaim(db, article, exact as string, { verdict: verdict as "supported" });
        await db.claim.update({ where: { id: claim.id }, data: { status: status as string, assigneeId } });
        return claim;
      }),
    );
    // Deleted claims count for nothing; an orphan with a verdict is still one that publishing waits for.
    const deleted = await buildClaim(db, article, "Robert Malley", { verdict: "supported" });
    await db.claim.update({ where: { id: deleted.id }, data: { deletedAt: new Date(), assigneeId: editor.id } });
    await db.claim.update({ where: { id: claims[3]?.id }, data: { isOrphaned: true } });
    const untouched = await buildArticle(db, { title: "Untouched" });

    const listed = await summaries();
    expect(listed.find((item) => item.id === article.id)?.progress).toEqual({
      withVerdict: 4,
      approved: 2,
      readyForReview: 2,
      changesRequested: 1,
      assignees: [
        { id: editor.id, name: editor.name },
        { id: reviewer.id, name: reviewer.name },
      ],
    });
    expect(listed.find((item) => item.id === article.id)?.orphanCount).toBe(1);
    expect(listed.find((item) => item.id === untouched.id)).toMatchObject({
      progress: { withVerdict: 0, approved: 0, readyForReview: 0, changesRequested: 0, assignees: [] },
      publication: { slug: null, latestVersion: 0, url: null },
    });
  });
});
