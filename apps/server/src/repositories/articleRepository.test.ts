import { describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { createTestApp } from "../test/createTestApp";
import { listArticleSummaries, warmArticleTallies } from "./articleRepository";

describe("warmArticleTallies", async () => {
  const { db } = await createTestApp();

  it("keeps every article's claim tally as a server starts, so its first list and status filter count nothing again", async () => {
    const article = await buildArticle(db, { title: "Counted at start" });
    await buildClaim(db, article, "sold a limited number of drones", { verdict: "contradicted" });
    await buildClaim(db, article, "transferred dozens", { verdict: "supported" });

    await warmArticleTallies(db);
    // A claim changed under the article's change number (no write of the app's does that: each takes the next
    // number): a list that counted again would show it, one that reads the tally kept at start shows the start's.
    await db.$executeRaw`UPDATE "Claim" SET "verdict" = 'supported' WHERE "articleId" = ${article.id} AND "verdict" = 'contradicted'`;

    const listed = (await listArticleSummaries(db)).find((summary) => summary.id === article.id);
    expect(listed?.counts).toMatchObject({ contradicted: 1, supported: 1 });
  });
});
