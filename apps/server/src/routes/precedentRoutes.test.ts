import { type PrecedentList, speakerNameKey, ZArticle, ZPrecedentList } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { buildPublishableArticle } from "../test/buildPublishableArticle";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";

const { db, request, as } = await createTestApp();

async function precedentsOf(claimId: string, identity: "admin" | "viewer" = "admin"): Promise<PrecedentList> {
  const response = await as(identity).request("GET", `/api/claims/${claimId}/precedents`);
  expect(response.status).toBe(200);
  return ZPrecedentList.parse(await response.json());
}

/** A later article that restates Malley's claim from the sample article in other words. */
async function buildRestatingArticle(title: string) {
  const article = await buildArticle(db, {
    title,
    content: "Tehran delivered dozens of drones to Russia over the summer, the US envoy Malley said.",
  });
  const claim = await buildClaim(db, article, "Tehran delivered dozens of drones to Russia over the summer", {
    speaker: "Malley",
  });
  return { article, claim };
}

/** Joins spellings under one newsroom speaker, as merging speakers leaves them. */
async function joinSpellings(id: string, name: string, spellings: string[]) {
  await db.speaker.create({
    data: {
      id,
      name,
      aliases: { create: spellings.map((spelling) => ({ name: spelling, key: speakerNameKey(spelling) })) },
    },
  });
}

describe("GET /api/claims/:id/precedents", () => {
  it("finds the sample article's Malley claim from a second article that restates it, published or not", async () => {
    const { article: sample, malley } = await buildPublishableArticle(db);
    const { claim } = await buildRestatingArticle("Drones for Moscow");
    await joinSpellings("speaker-malley", "Robert Malley", ["Robert Malley", "Malley"]);

    const before = await precedentsOf(claim.id, "viewer");
    expect(before.items[0]).toMatchObject({
      claim: { id: malley.id, quote: "Iran transferred dozens just this summer", verdict: "contradicted" },
      article: { id: sample.id, title: sample.title, isPublished: false },
      reasons: expect.arrayContaining([
        { kind: "same-numbers", text: "the same numbers: dozens" },
        { kind: "same-speaker", text: "the same speaker: Robert Malley" },
      ]),
    });
    expect(before.items[0]?.score).toBeGreaterThan(0.5);

    const { version } = ZArticle.parse(await (await request("GET", `/api/articles/${sample.id}`)).json());
    const published = await request(
      "POST",
      `/api/articles/${sample.id}/publications`,
      {},
      { "If-Match": `"${version}"` },
    );
    expect(published.status).toBe(201);
    expect((await precedentsOf(claim.id)).items[0]?.article).toMatchObject({ id: sample.id, isPublished: true });
  });

  it("never answers a claim of the claim's own article", async () => {
    const article = await buildArticle(db, {
      title: "Harbour tolls",
      content:
        "The Wexley harbour toll rose to 9 crowns in May. The Wexley harbour toll rose to 9 crowns in May, she repeated.",
    });
    const first = await buildClaim(db, article, "The Wexley harbour toll rose to 9 crowns in May");
    expect((await precedentsOf(first.id)).items).toEqual([]);
    const later = await buildArticle(db, {
      title: "Tolls again",
      content: "Wexley's harbour toll went up to nine crowns in May.",
    });
    const restated = await buildClaim(db, later, "Wexley's harbour toll went up to nine crowns in May");
    expect((await precedentsOf(first.id)).items.map((item) => item.claim.id)).toEqual([restated.id]);
  });

  it("leaves out deleted claims and claims of deleted articles, and finds them again when restored", async () => {
    const content = "Brindle County planted 4,000 oak trees last spring.";
    const earlier = await buildArticle(db, { title: "Oaks", content });
    const deletedClaim = await buildClaim(db, earlier, "Brindle County planted 4,000 oak trees last spring");
    const other = await buildArticle(db, { title: "More oaks", content });
    const claimOfDeletedArticle = await buildClaim(db, other, "Brindle County planted 4,000 oak trees last spring");
    const query = await buildArticle(db, {
      title: "Trees",
      content: "Four thousand oaks were planted in Brindle County last spring.",
    });
    const asked = await buildClaim(db, query, "Four thousand oaks were planted in Brindle County last spring");
    expect((await precedentsOf(asked.id)).items.map((item) => item.claim.id).sort()).toEqual(
      [deletedClaim.id, claimOfDeletedArticle.id].sort(),
    );

    expect((await request("DELETE", `/api/claims/${deletedClaim.id}`)).status).toBe(200);
    expect((await request("DELETE", `/api/articles/${other.id}`)).status).toBe(204);
    expect((await precedentsOf(asked.id)).items).toEqual([]);

    expect((await request("POST", `/api/claims/${deletedClaim.id}/restore`)).status).toBe(200);
    expect((await precedentsOf(asked.id)).items.map((item) => item.claim.id)).toEqual([deletedClaim.id]);
  });

  it("ranks a restatement above the same words about another figure or in the opposite sense", async () => {
    const restatement = await buildArticle(db, {
      title: "Kessling schools",
      content: "Kessling will close 14 primary schools by 2027.",
    });
    const otherFigure = await buildArticle(db, {
      title: "Kessling, fewer",
      content: "Kessling will close 4 primary schools by 2027.",
    });
    const opposite = await buildArticle(db, {
      title: "Kessling, more",
      content: "Kessling will open 14 primary schools by 2027.",
    });
    const expected = await buildClaim(db, restatement, "Kessling will close 14 primary schools by 2027");
    const nearMisses = [
      await buildClaim(db, otherFigure, "Kessling will close 4 primary schools by 2027"),
      await buildClaim(db, opposite, "Kessling will open 14 primary schools by 2027"),
    ];
    const query = await buildArticle(db, {
      title: "Schools",
      content: "Fourteen primary schools in Kessling are to shut by 2027.",
    });
    const asked = await buildClaim(db, query, "Fourteen primary schools in Kessling are to shut by 2027");

    const { items } = await precedentsOf(asked.id);
    expect(items[0]?.claim.id).toBe(expected.id);
    for (const nearMiss of nearMisses) {
      const found = items.find((item) => item.claim.id === nearMiss.id);
      if (found) expect(found.score).toBeLessThan((items[0]?.score ?? 0) / 2);
    }
  });

  it("answers 404 for a claim not there, deleted, or of a deleted article; 400 for an id no claim can have", async () => {
    await expectApiError(await request("GET", "/api/claims/missing/precedents"), 404, "NOT_FOUND");
    const article = await buildArticle(db, { title: "Gone", content: "The Orlan dam holds 12 million cubic metres." });
    const claim = await buildClaim(db, article, "The Orlan dam holds 12 million cubic metres");
    await request("DELETE", `/api/claims/${claim.id}`);
    await expectApiError(await request("GET", `/api/claims/${claim.id}/precedents`), 404, "NOT_FOUND");
    await request("POST", `/api/claims/${claim.id}/restore`);
    await request("DELETE", `/api/articles/${article.id}`);
    await expectApiError(await request("GET", `/api/claims/${claim.id}/precedents`), 404, "NOT_FOUND");
    const tooLong = await expectUnchanged(db, () => request("GET", `/api/claims/${"x".repeat(65)}/precedents`));
    await expectApiError(tooLong, 400, "VALIDATION_FAILED");
  });

  it("refuses a query parameter it does not take, so a misspelt option is never silently ignored", async () => {
    const { claim } = await buildRestatingArticle("Unknown parameters");
    const refused = await expectApiError(
      await request("GET", `/api/claims/${claim.id}/precedents?limit=100`),
      400,
      "VALIDATION_FAILED",
    );
    expect(refused.message).toContain("limit");
  });

  it("is for signed-in readers only", async () => {
    const { claim } = await buildRestatingArticle("Anonymous readers");
    await expectApiError(
      await as("anonymous").request("GET", `/api/claims/${claim.id}/precedents`),
      401,
      "UNAUTHENTICATED",
    );
  });
});
