import { ZArticle, ZPublication } from "@factmark/core";
import { describe, expect, it, vi } from "vitest";
import { buildPublishableArticle } from "../test/buildPublishableArticle";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";

const testApp = await createTestApp();
const { db, request } = testApp;
await testApp.userFor("editor");

async function publish(id: string, version: number, body: unknown = {}) {
  return request("POST", `/api/articles/${id}/publications`, body, { "If-Match": `"${version}"` }, { as: "editor" });
}

describe("publishing is one transaction", () => {
  it("stores nothing, not even the slug, when a later step fails (a snapshot that does not validate)", async () => {
    const { article, malley } = await buildPublishableArticle(db, { title: "Half published" });
    // A verdict Factmark does not know passes the checks before the snapshot, and fails the snapshot's schema.
    await db.claim.update({ where: { id: malley.id }, data: { verdict: "half-true" } });
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const response = await expectUnchanged(db, () => publish(article.id, article.version));
      await expectApiError(response, 500, "INTERNAL");
      expect(logged).toHaveBeenCalledTimes(1);
      // The failure came after the slug was set and the article moved on: the snapshot's schema refused it.
      expect((logged.mock.calls[0]?.[1] as Error | undefined)?.name).toBe("ZodError");
    } finally {
      logged.mockRestore();
    }
    const stored = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect({ slug: stored.slug, version: stored.version }).toEqual({ slug: null, version: article.version });
    expect(await db.publication.count({ where: { articleId: article.id } })).toBe(0);
    // Put right, it publishes under the slug it would have had.
    await db.claim.update({ where: { id: malley.id }, data: { verdict: "contradicted" } });
    const published = await publish(article.id, article.version);
    expect(published.status).toBe(201);
    expect(ZPublication.parse(await published.json()).slug).toBe("half-published");
  });
});

describe("two publishes at once", () => {
  it("of the same article, from the same read: one publishes version 1, the other is told the article moved on (412)", async () => {
    for (let round = 0; round < 4; round += 1) {
      const { article } = await buildPublishableArticle(db);
      const answers = await Promise.all([publish(article.id, article.version), publish(article.id, article.version)]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 412]);
      const versions = await db.publication.findMany({ where: { articleId: article.id }, select: { version: true } });
      expect(versions).toEqual([{ version: 1 }]);
    }
  });

  it("of the same article, two corrections from the same read: version 2 once, never 2 and 3", async () => {
    const { article } = await buildPublishableArticle(db);
    expect((await publish(article.id, article.version)).status).toBe(201);
    const { version } = ZArticle.parse(await (await request("GET", `/api/articles/${article.id}`)).json());
    const answers = await Promise.all([
      publish(article.id, version, { correctionNote: "First correction." }),
      publish(article.id, version, { correctionNote: "Second correction." }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 412]);
    expect(await db.publication.count({ where: { articleId: article.id } })).toBe(2);
  });

  it("of two articles with the same title: each gets its own slug", async () => {
    for (let round = 0; round < 3; round += 1) {
      const title = `Same title, round ${round}`;
      const [one, two] = await Promise.all([
        buildPublishableArticle(db, { title }),
        buildPublishableArticle(db, { title }),
      ]);
      const answers = await Promise.all([
        publish(one.article.id, one.article.version),
        publish(two.article.id, two.article.version),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
      const slugs = await Promise.all(answers.map(async (answer) => ZPublication.parse(await answer.json()).slug));
      expect(slugs.sort()).toEqual([`same-title-round-${round}`, `same-title-round-${round}-2`]);
    }
  });
});
