import {
  type Role,
  ZArticle,
  ZArticleList,
  ZPublication,
  ZPublicationBlockers,
  ZPublicationList,
  ZPublishedFactCheck,
} from "@factmark/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { approveClaim, buildPublishableArticle } from "../test/buildPublishableArticle";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";

const testApp = await createTestApp();
const { db, request } = testApp;
// Every role's account exists before any test compares the database before and after a request.
for (const role of ["viewer", "reviewer", "editor"] as const) await testApp.userFor(role);

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

async function publish(id: string, version: number, body: unknown = {}, as: Role = "editor") {
  return request("POST", `/api/articles/${id}/publications`, body, { "If-Match": `"${version}"` }, { as });
}

async function publishOk(id: string, body: unknown = {}) {
  const response = await publish(id, (await readArticle(id)).version, body);
  expect(response.status).toBe(201);
  return ZPublication.parse(await response.json());
}

async function retract(id: string, note = "The satellite images were misdated.", as: Role = "admin") {
  return request("POST", `/api/articles/${id}/publications/retract`, { note }, {}, { as });
}

async function listVersions(id: string) {
  return ZPublicationList.parse(await (await request("GET", `/api/articles/${id}/publications`)).json()).items;
}

async function storedEvents(articleId: string) {
  return db.event.findMany({ where: { articleId }, orderBy: [{ changeNumber: "asc" }, { id: "asc" }] });
}

describe("POST /api/articles/:id/publications", () => {
  it("publishes version 1 at a public address made from the title, and the article says where", async () => {
    const { article } = await buildPublishableArticle(db, { title: "Did Iran sell drones to Russia?" });
    const editor = await testApp.userFor("editor");
    const response = await publish(article.id, article.version);
    expect(response.status).toBe(201);
    const publication = ZPublication.parse(await response.json());
    expect(publication).toMatchObject({
      articleId: article.id,
      version: 1,
      slug: "did-iran-sell-drones-to-russia",
      url: `${PUBLIC_URL}/fact-checks/did-iran-sell-drones-to-russia`,
      publishedBy: { id: editor.id, name: editor.name },
      correctionNote: null,
      retractedAt: null,
    });
    expect(response.headers.get("Location")).toBe(publication.url);

    const after = await readArticle(article.id);
    // Publishing moves the article on: a second publish of the same read is refused (412), never a duplicate.
    expect(after.version).toBe(article.version + 1);
    expect(after.publication).toEqual({
      slug: publication.slug,
      latestVersion: 1,
      firstPublishedAt: publication.publishedAt,
      latestPublishedAt: publication.publishedAt,
      retractedAt: null,
      url: publication.url,
    });
    const listed = ZArticleList.parse(await (await request("GET", "/api/articles")).json()).items;
    expect(listed.find((item) => item.id === article.id)?.publication).toEqual(after.publication);

    const events = await storedEvents(article.id);
    expect(events.at(-1)).toMatchObject({ action: "article.published", actorId: editor.id, claimId: null });
    expect(JSON.parse(events.at(-1)?.to ?? "null")).toEqual({
      publicationId: publication.id,
      version: 1,
      slug: publication.slug,
      correctionNote: null,
    });
  });

  it("freezes only the approved claims with a verdict, without working history or review notes", async () => {
    const { article, malley, iravani, unverified } = await buildPublishableArticle(db);
    const publication = await publishOk(article.id);
    const row = await db.publication.findUniqueOrThrow({ where: { id: publication.id } });
    const snapshot = ZPublishedFactCheck.parse(JSON.parse(row.snapshot));
    expect(snapshot).toMatchObject({
      slug: publication.slug,
      version: 1,
      publishedAt: publication.publishedAt,
      firstPublishedAt: publication.publishedAt,
      correctionNote: null,
      earlierCorrections: [],
      conclusion: { rating: "mostly-inaccurate" },
      speakerKinds: { "Robert Malley": "Person", Iravani: "Organization" },
      publicBaseUrl: PUBLIC_URL,
    });
    const published = snapshot.model.claims.map((claim) => [claim.number, claim.id]);
    // Numbered among what is published, in document order: the unverified claim is left out.
    expect(published).toEqual([
      [1, malley.id],
      [2, iravani.id],
    ]);
    expect(snapshot.model.claims.map((claim) => claim.id)).not.toContain(unverified.id);
    expect(snapshot.model.events).toEqual([]);
    expect(snapshot.model.claims.every((claim) => claim.history.length === 0 && claim.latestReview === null)).toBe(
      true,
    );
    expect(row.snapshot).not.toContain("marked the claim");
  });

  it("answers 409 with every blocker, in words, and stores nothing", async () => {
    const article = await buildArticle(db, { title: "Not ready" });
    const ready = await buildClaim(db, article, "limited number of drones", { verdict: "contradicted" });
    const orphan = await buildClaim(db, article, "transferred dozens just this summer", { verdict: "supported" });
    await buildClaim(db, article, "Iravani called", { verdict: "unverified" });
    const approved = await buildClaim(db, article, "totally unfounded", {
      verdict: "supported",
      speaker: "Iravani",
    });
    await db.claim.update({ where: { id: ready.id }, data: { status: "ready-for-review" } });
    await db.claim.update({ where: { id: orphan.id }, data: { isOrphaned: true, status: "approved" } });
    await approveClaim(db, approved.id);

    const response = await expectUnchanged(db, () => publish(article.id, article.version));
    const error = await expectApiError(response, 409, "CONFLICT");
    expect(error.message).toMatch(/^6 things keep this fact-check from being published/);
    expect(ZPublicationBlockers.parse(error.details).blockers).toEqual([
      { claimId: null, number: null, reason: "Write the conclusion: a summary and an overall rating." },
      { claimId: null, number: null, reason: "Add the article's source URL." },
      { claimId: null, number: null, reason: "Add the article's publication date." },
      { claimId: ready.id, number: 1, reason: "Claim 1 is ready for review, not approved." },
      {
        claimId: orphan.id,
        number: 2,
        reason: "Claim 2 lost its words in an edit: re-attach it, or set its verdict to unverified.",
      },
      { claimId: approved.id, number: 4, reason: "Say whether “Iravani” is a person or an organisation." },
    ]);
    expect(await listVersions(article.id)).toEqual([]);
  });

  it("answers 409 when no claim has a verdict to publish", async () => {
    const { article, malley, iravani } = await buildPublishableArticle(db);
    await db.claim.updateMany({ where: { id: { in: [malley.id, iravani.id] } }, data: { verdict: "unverified" } });
    const error = await expectApiError(
      await expectUnchanged(db, () => publish(article.id, article.version)),
      409,
      "CONFLICT",
    );
    expect(ZPublicationBlockers.parse(error.details).blockers).toEqual([
      {
        claimId: null,
        number: null,
        reason: "There is no claim to publish: give at least one claim a verdict other than unverified.",
      },
    ]);
  });

  it("answers 409 for a claim moved onto edited words that nobody confirmed", async () => {
    const { article, malley } = await buildPublishableArticle(db);
    await db.claim.update({ where: { id: malley.id }, data: { isAnchorUnconfirmed: true } });
    const error = await expectApiError(await publish(article.id, article.version), 409, "CONFLICT");
    expect(ZPublicationBlockers.parse(error.details).blockers).toEqual([
      {
        // Numbered as the report numbers every live claim: the unverified one comes first in the text.
        claimId: malley.id,
        number: 2,
        reason: "Claim 2 was moved onto edited words: confirm its place, or set its verdict to unverified.",
      },
    ]);
  });

  it("refuses a stale If-Match with 412 and the current article, and a missing one with 428", async () => {
    const { article } = await buildPublishableArticle(db);
    const stale = await expectUnchanged(db, () => publish(article.id, article.version - 1));
    const error = await expectApiError(stale, 412, "PRECONDITION_FAILED");
    expect(error.details).toMatchObject({ current: { id: article.id, version: article.version } });
    const missing = await expectUnchanged(db, () =>
      request("POST", `/api/articles/${article.id}/publications`, {}, {}, { as: "editor" }),
    );
    await expectApiError(missing, 428, "PRECONDITION_REQUIRED");
  });

  it("refuses a note on the first publication, and a correction without one (400), storing nothing", async () => {
    const { article } = await buildPublishableArticle(db);
    const early = await expectUnchanged(db, () => publish(article.id, article.version, { correctionNote: "Fixed." }));
    expect((await expectApiError(early, 400, "VALIDATION_FAILED")).message).toMatch(/first publication takes no/);
    await publishOk(article.id);
    const version = (await readArticle(article.id)).version;
    for (const body of [{}, { correctionNote: "   " }]) {
      const response = await expectUnchanged(db, () => publish(article.id, version, body));
      const error = await expectApiError(response, 400, "VALIDATION_FAILED");
      expect(error.message).toBe("A correction needs a note saying what changed.");
    }
  });

  it("refuses a body that is not one (unknown field, note too long) with 400", async () => {
    const { article } = await buildPublishableArticle(db);
    for (const body of [{ note: "x" }, { correctionNote: "x".repeat(2_001) }, { correctionNote: 3 }]) {
      await expectApiError(
        await expectUnchanged(db, () => publish(article.id, article.version, body)),
        400,
        "VALIDATION_FAILED",
      );
    }
  });

  it("answers 404 for an article that does not exist", async () => {
    await expectApiError(await publish("does-not-exist", 1), 404, "NOT_FOUND");
  });

  it("publishes a correction as version 2 with its note; the slug stays when the title changes", async () => {
    const { article } = await buildPublishableArticle(db, { title: "Kept address" });
    const first = await publishOk(article.id);
    const renamed = await request(
      "PATCH",
      `/api/articles/${article.id}`,
      { title: "A new title", conclusion: { summary: "Corrected: the images date from August.", rating: "mixed" } },
      { "If-Match": `"${(await readArticle(article.id)).version}"` },
    );
    expect(renamed.status).toBe(200);
    const second = await publishOk(article.id, { correctionNote: "  The images date from August, not July.  " });
    expect(second).toMatchObject({
      version: 2,
      slug: "kept-address",
      url: `${PUBLIC_URL}/fact-checks/kept-address`,
      correctionNote: "The images date from August, not July.",
    });
    const versions = await listVersions(article.id);
    expect(versions.map((item) => [item.version, item.url])).toEqual([
      [2, `${PUBLIC_URL}/fact-checks/kept-address`],
      [1, `${PUBLIC_URL}/fact-checks/kept-address?version=1`],
    ]);
    const state = (await readArticle(article.id)).publication;
    expect(state).toMatchObject({
      latestVersion: 2,
      firstPublishedAt: first.publishedAt,
      latestPublishedAt: second.publishedAt,
    });
    const row = await db.publication.findUniqueOrThrow({ where: { id: second.id } });
    const snapshot = ZPublishedFactCheck.parse(JSON.parse(row.snapshot));
    expect(snapshot).toMatchObject({
      version: 2,
      firstPublishedAt: first.publishedAt,
      correctionNote: "The images date from August, not July.",
      conclusion: { summary: "Corrected: the images date from August.", rating: "mixed" },
    });
    expect(snapshot.model.header.title).toBe("A new title");
  });

  it("makes a new slug when another article has the title's (-2, -3)", async () => {
    const slugs: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const { article } = await buildPublishableArticle(db, { title: "Drones: the same title" });
      slugs.push((await publishOk(article.id)).slug);
    }
    expect(slugs).toEqual(["drones-the-same-title", "drones-the-same-title-2", "drones-the-same-title-3"]);
  });
});

describe("GET /api/articles/:id/publications", () => {
  it("lists nothing for an article never published, and 404 for one that does not exist", async () => {
    const article = await buildArticle(db);
    expect(await listVersions(article.id)).toEqual([]);
    await expectApiError(await request("GET", "/api/articles/does-not-exist/publications"), 404, "NOT_FOUND");
  });

  it("is open to viewers", async () => {
    const { article } = await buildPublishableArticle(db);
    await publishOk(article.id);
    const response = await testApp.as("viewer").request("GET", `/api/articles/${article.id}/publications`);
    expect(response.status).toBe(200);
    expect(ZPublicationList.parse(await response.json()).items).toHaveLength(1);
  });
});

describe("POST /api/articles/:id/publications/retract", () => {
  it("retracts the latest version with a note; publishing again makes a version that is not retracted", async () => {
    const { article } = await buildPublishableArticle(db);
    await publishOk(article.id);
    const before = await readArticle(article.id);
    const admin = await testApp.userFor("admin");
    const response = await retract(article.id, "  The satellite images were misdated.  ");
    expect(response.status).toBe(200);
    const retracted = ZPublication.parse(await response.json());
    expect(retracted).toMatchObject({
      version: 1,
      retractionNote: "The satellite images were misdated.",
      retractedBy: { id: admin.id, name: admin.name },
    });
    expect(retracted.retractedAt).not.toBeNull();
    const after = await readArticle(article.id);
    expect(after.version).toBe(before.version + 1);
    expect(after.publication.retractedAt).toBe(retracted.retractedAt);
    expect((await storedEvents(article.id)).at(-1)).toMatchObject({ action: "article.retracted" });

    const again = await expectUnchanged(db, () => retract(article.id));
    expect((await expectApiError(again, 409, "CONFLICT")).message).toMatch(/already retracted/);

    // Only an admin may undo a retraction by publishing again (publicationNumbers.test.ts: an editor is refused).
    const republishing = await publish(
      article.id,
      (await readArticle(article.id)).version,
      { correctionNote: "Re-dated the images; the verdicts stand." },
      "admin",
    );
    expect(republishing.status).toBe(201);
    const republished = ZPublication.parse(await republishing.json());
    expect(republished).toMatchObject({ version: 2, retractedAt: null });
    expect((await readArticle(article.id)).publication).toMatchObject({ latestVersion: 2, retractedAt: null });
    expect((await listVersions(article.id)).map((item) => [item.version, item.retractedAt === null])).toEqual([
      [2, true],
      [1, false],
    ]);
    // The retracted version's page still says so; the republished one does not.
    const slug = republished.slug;
    const retractedPage = await (await request("GET", `/fact-checks/${slug}?version=1`)).text();
    expect(retractedPage).toContain("The satellite images were misdated.");
    const latestPage = await (await request("GET", `/fact-checks/${slug}`)).text();
    expect(latestPage).not.toContain("The satellite images were misdated.");
  });

  it("answers 409 for a fact-check never published, and 400 without a note, storing nothing", async () => {
    const article = await buildArticle(db);
    const never = await expectUnchanged(db, () => retract(article.id));
    expect((await expectApiError(never, 409, "CONFLICT")).message).toMatch(/never published/);
    const noNote = await expectUnchanged(db, () =>
      request("POST", `/api/articles/${article.id}/publications/retract`, { note: "  " }),
    );
    await expectApiError(noNote, 400, "VALIDATION_FAILED");
  });
});

describe("who may conclude, publish and retract", () => {
  const ROLES: Role[] = ["viewer", "reviewer", "editor", "admin"];
  const MAY = {
    conclude: { viewer: false, reviewer: false, editor: true, admin: true },
    publish: { viewer: false, reviewer: false, editor: true, admin: true },
    retract: { viewer: false, reviewer: false, editor: false, admin: true },
  } as const;

  it.each(ROLES)("%s: conclude and set speaker kinds as article.conclude says", async (role) => {
    const article = await buildArticle(db);
    const send = () =>
      request(
        "PATCH",
        `/api/articles/${article.id}`,
        { conclusion: { summary: "Mostly wrong.", rating: "inaccurate" }, speakerKinds: { Iravani: "Person" } },
        { "If-Match": `"${article.version}"` },
        { as: role },
      );
    if (MAY.conclude[role]) {
      const response = await send();
      expect(response.status).toBe(200);
      expect(ZArticle.parse(await response.json())).toMatchObject({
        conclusion: { summary: "Mostly wrong.", rating: "inaccurate" },
        speakerKinds: { Iravani: "Person" },
      });
    } else {
      const error = await expectApiError(await expectUnchanged(db, send), 403, "FORBIDDEN");
      expect(error.details).toMatchObject({ action: "article.conclude", role });
    }
  });

  it.each(ROLES)("%s: publish as article.publish says", async (role) => {
    const { article } = await buildPublishableArticle(db);
    if (MAY.publish[role]) {
      expect((await publish(article.id, article.version, {}, role)).status).toBe(201);
    } else {
      const response = await expectUnchanged(db, () => publish(article.id, article.version, {}, role));
      expect((await expectApiError(response, 403, "FORBIDDEN")).details).toMatchObject({ action: "article.publish" });
    }
  });

  it.each(ROLES)("%s: retract as article.retract says", async (role) => {
    const { article } = await buildPublishableArticle(db);
    await publishOk(article.id);
    if (MAY.retract[role]) {
      expect((await retract(article.id, "Withdrawn.", role)).status).toBe(200);
    } else {
      const response = await expectUnchanged(db, () => retract(article.id, "Withdrawn.", role));
      expect((await expectApiError(response, 403, "FORBIDDEN")).details).toMatchObject({ action: "article.retract" });
    }
  });
});

describe("DELETE /api/articles/:id of a published fact-check", () => {
  it("is refused (409) until an admin retracts it; its public pages stay up, saying it is retracted", async () => {
    const { article } = await buildPublishableArticle(db, { title: "Deleted after retraction" });
    const published = await publishOk(article.id);
    const remove = () => request("DELETE", `/api/articles/${article.id}`, undefined, {}, { as: "editor" });
    const refused = await expectUnchanged(db, remove);
    expect((await expectApiError(refused, 409, "CONFLICT")).message).toMatch(/an admin retracts it/);
    expect((await retract(article.id)).status).toBe(200);
    expect((await remove()).status).toBe(204);
    const page = await testApp.as("anonymous").request("GET", `/fact-checks/${published.slug}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("The satellite images were misdated.");
  });
});
