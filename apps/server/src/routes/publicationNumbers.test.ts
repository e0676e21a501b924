import { type Role, ZArticle, ZPublication, ZPublishedFactCheck } from "@factmark/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildClaim } from "../test/buildClaim";
import { approveClaim, buildPublishableArticle } from "../test/buildPublishableArticle";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";

const testApp = await createTestApp();
const { db, request } = testApp;
const anonymous = testApp.as("anonymous");
for (const role of ["viewer", "reviewer", "editor", "admin"] as const) await testApp.userFor(role);

const PUBLIC_URL = "https://factcheck.example.org";
beforeEach(() => {
  process.env.PUBLIC_URL = PUBLIC_URL;
});
afterEach(() => {
  delete process.env.PUBLIC_URL;
});

async function readArticle(id: string) {
  return ZArticle.parse(await (await request("GET", `/api/articles/${id}`)).json());
}

async function publish(id: string, body: unknown = {}, as: Role = "editor") {
  const { version } = await readArticle(id);
  return request("POST", `/api/articles/${id}/publications`, body, { "If-Match": `"${version}"` }, { as });
}

async function publishOk(id: string, body: unknown = {}, as: Role = "editor") {
  const response = await publish(id, body, as);
  expect(response.status).toBe(201);
  return ZPublication.parse(await response.json());
}

async function snapshotOf(publicationId: string) {
  const row = await db.publication.findUniqueOrThrow({ where: { id: publicationId } });
  return ZPublishedFactCheck.parse(JSON.parse(row.snapshot));
}

function jsonLdOf(html: string): Record<string, unknown>[] {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  return blocks.map((block) => JSON.parse(block[1] ?? "null") as Record<string, unknown>);
}

async function claimPage(slug: string, number: number) {
  const response = await anonymous.request("GET", `/fact-checks/${slug}/claims/${number}`);
  return { status: response.status, html: await response.text() };
}

async function exportedClaimReviews(articleId: string) {
  const response = await request("GET", `/api/articles/${articleId}/report?format=claimreview`);
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>[];
}

describe("a published claim keeps its public number across corrections", () => {
  it("gives a claim approved later the next number, and keeps the first claim's page and first date", async () => {
    const { article, malley, iravani } = await buildPublishableArticle(db, { title: "Stable claim numbers" });
    // Version 1 publishes only Iravani's claim: Malley's, earlier in the text, is not checked yet.
    await db.claim.update({ where: { id: malley.id }, data: { verdict: "unverified", status: "to-check" } });
    const first = await publishOk(article.id);
    expect((await snapshotOf(first.id)).model.claims.map((claim) => [claim.number, claim.id])).toEqual([
      [1, iravani.id],
    ]);

    await db.claim.update({ where: { id: malley.id }, data: { verdict: "contradicted" } });
    await approveClaim(db, malley.id);
    const second = await publishOk(article.id, { correctionNote: "Added the envoy's claim." });
    const snapshot = await snapshotOf(second.id);
    // Document order, each with the number it was first published under.
    expect(snapshot.model.claims.map((claim) => [claim.number, claim.id])).toEqual([
      [2, malley.id],
      [1, iravani.id],
    ]);

    const one = await claimPage(first.slug, 1);
    expect(one.status).toBe(200);
    expect(one.html).toContain("totally unfounded");
    expect(one.html).not.toMatch(/Claim \d+ of \d/);
    const [iravaniReview] = jsonLdOf(one.html);
    expect(iravaniReview).toMatchObject({
      url: `${PUBLIC_URL}/fact-checks/${first.slug}/claims/1`,
      datePublished: first.publishedAt,
      dateModified: second.publishedAt,
    });

    const two = await claimPage(first.slug, 2);
    expect(two.html).toContain("Iran transferred dozens just this summer");
    const [malleyReview] = jsonLdOf(two.html);
    expect(malleyReview).toMatchObject({
      url: `${PUBLIC_URL}/fact-checks/${first.slug}/claims/2`,
      datePublished: second.publishedAt,
    });
    expect((await claimPage(first.slug, 3)).status).toBe(404);

    // The article page lists them in document order, each with its number and link.
    const page = await (await anonymous.request("GET", `/fact-checks/${first.slug}`)).text();
    const malleyAt = page.indexOf(`/fact-checks/${first.slug}/claims/2`);
    const iravaniAt = page.indexOf(`/fact-checks/${first.slug}/claims/1`);
    expect(malleyAt).toBeGreaterThan(-1);
    expect(iravaniAt).toBeGreaterThan(malleyAt);
  });
});

describe("GET /api/articles/:id/report?format=claimreview", () => {
  it("answers exactly the published ClaimReviews of a published article, whatever the desk has changed since", async () => {
    const { article } = await buildPublishableArticle(db, { title: "Export of a published fact-check" });
    const publication = await publishOk(article.id);
    // A draft claim with a verdict, not approved, earlier in the text than every published claim.
    await buildClaim(db, article, "limited number of drones", { verdict: "supported", speaker: "Amir-Abdollahian" });
    const reviews = await exportedClaimReviews(article.id);
    const pages = [await claimPage(publication.slug, 1), await claimPage(publication.slug, 2)];
    expect(reviews).toEqual(pages.map((page) => jsonLdOf(page.html)[0]));
    expect(JSON.stringify(reviews)).not.toContain("limited number of drones");
  });

  it("of a retracted fact-check, answers the live claims at the report's address, never a public one", async () => {
    const { article } = await buildPublishableArticle(db, { title: "Export of a retracted fact-check" });
    await publishOk(article.id);
    const retracted = await request("POST", `/api/articles/${article.id}/publications/retract`, { note: "Wrong." });
    expect(retracted.status).toBe(200);
    const reviews = await exportedClaimReviews(article.id);
    expect(reviews).toHaveLength(2);
    for (const review of reviews) {
      expect(String(review.url)).toContain(`/articles/${article.id}/report#claim-`);
      expect(String(review.url)).not.toContain("/fact-checks/");
    }
  });

  it("leaves the claim's author out when the article does not say what kind of speaker it is", async () => {
    const { article } = await buildPublishableArticle(db, { title: "Export with an unknown speaker" });
    await buildClaim(db, article, "limited number of drones", { verdict: "supported", speaker: "Amir-Abdollahian" });
    const reviews = await exportedClaimReviews(article.id);
    const unknown = reviews.find((review) => review.claimReviewed === "limited number of drones");
    expect(unknown).toBeDefined();
    expect(unknown?.itemReviewed).not.toHaveProperty("author");
    const known = reviews.find((review) => review.claimReviewed === "totally unfounded");
    expect(known?.itemReviewed).toHaveProperty("author", {
      "@type": "Organization",
      name: "Iravani",
    });
  });
});

describe("publishing again after a retraction", () => {
  it("is refused to an editor (403, nothing stored) and allowed to an admin", async () => {
    const { article } = await buildPublishableArticle(db, { title: "Republishing a retracted fact-check" });
    await publishOk(article.id);
    const retracted = await request("POST", `/api/articles/${article.id}/publications/retract`, { note: "Wrong." });
    expect(retracted.status).toBe(200);
    const body = { correctionNote: "Re-dated the images." };
    const refused = await expectUnchanged(db, () => publish(article.id, body, "editor"));
    const error = await expectApiError(refused, 403, "FORBIDDEN");
    expect(error.message).toMatch(/retracted by an admin; only an admin may publish it again/);
    const republished = await publishOk(article.id, body, "admin");
    expect(republished).toMatchObject({ version: 2, retractedAt: null });
  });
});
