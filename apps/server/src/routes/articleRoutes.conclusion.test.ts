import { type Article, ZArticle, ZArticleSaved } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";

const testApp = await createTestApp();
const { db, request } = testApp;
await testApp.userFor("editor");

async function patch(article: Pick<Article, "id" | "version">, body: unknown) {
  return request(
    "PATCH",
    `/api/articles/${article.id}`,
    body,
    { "If-Match": `"${article.version}"` },
    { as: "editor" },
  );
}

async function patchOk(article: Pick<Article, "id" | "version">, body: unknown) {
  const response = await patch(article, body);
  expect(response.status).toBe(200);
  return ZArticleSaved.parse(await response.json());
}

async function articleEvents(articleId: string) {
  const rows = await db.event.findMany({ where: { articleId }, orderBy: [{ changeNumber: "asc" }, { id: "asc" }] });
  return rows.map((row) => ({
    action: row.action,
    from: row.from === null ? undefined : JSON.parse(row.from),
    to: row.to === null ? undefined : JSON.parse(row.to),
  }));
}

const CONCLUSION = { summary: "Iran's account does **not** hold.", rating: "mostly-inaccurate" } as const;

describe("PATCH /api/articles/:id with a conclusion", () => {
  it("sets it, trimmed, moves the article on and records the change", async () => {
    const article = await buildArticle(db);
    const response = await patch(article, { conclusion: { ...CONCLUSION, summary: `  ${CONCLUSION.summary}\n` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("ETag")).toBe(`"${article.version + 1}"`);
    const saved = ZArticleSaved.parse(await response.json());
    expect(saved.conclusion).toEqual(CONCLUSION);
    const read = ZArticle.parse(await (await request("GET", `/api/articles/${article.id}`)).json());
    expect(read.conclusion).toEqual(CONCLUSION);
    // Only the conclusion's entry: the article's details did not change.
    expect((await articleEvents(article.id)).slice(1)).toEqual([
      { action: "article.conclusion_changed", from: null, to: CONCLUSION },
    ]);
  });

  it("changes nothing when the conclusion is the one stored, and clears it with null", async () => {
    const article = await buildArticle(db);
    const set = await patchOk(article, { conclusion: CONCLUSION });
    const same = await expectUnchanged(db, () => patch(set, { conclusion: CONCLUSION }));
    expect(same.status).toBe(200);
    expect(ZArticle.parse(await same.json()).version).toBe(set.version);
    const cleared = await patchOk(set, { conclusion: null });
    expect(cleared.conclusion).toBeNull();
    expect((await articleEvents(article.id)).at(-1)).toEqual({
      action: "article.conclusion_changed",
      from: CONCLUSION,
      to: null,
    });
  });

  it("records the details and the conclusion as two entries when both change", async () => {
    const article = await buildArticle(db);
    const saved = await patchOk(article, { outlet: "The Outlet", conclusion: CONCLUSION });
    expect(saved).toMatchObject({ outlet: "The Outlet", conclusion: CONCLUSION, version: article.version + 1 });
    expect((await articleEvents(article.id)).slice(1).map((event) => event.action)).toEqual([
      "article.updated",
      "article.conclusion_changed",
    ]);
  });

  it("refuses an unknown rating, a blank summary or a conclusion with extra fields (400), storing nothing", async () => {
    const article = await buildArticle(db);
    const unknown = await expectUnchanged(db, () => patch(article, { conclusion: { summary: "x", rating: "false" } }));
    expect((await expectApiError(unknown, 400, "VALIDATION_FAILED")).message).toMatch(/rating must be one of/);
    for (const conclusion of [{ summary: "   ", rating: "mixed" }, { summary: "x", rating: "mixed", extra: 1 }, "x"]) {
      await expectApiError(await expectUnchanged(db, () => patch(article, { conclusion })), 400, "VALIDATION_FAILED");
    }
  });

  it("refuses a stale If-Match with 412 and a missing one with 428", async () => {
    const article = await buildArticle(db);
    await patchOk(article, { conclusion: CONCLUSION });
    const stale = await expectUnchanged(db, () => patch(article, { conclusion: null }));
    await expectApiError(stale, 412, "PRECONDITION_FAILED");
    const missing = await expectUnchanged(db, () =>
      request("PATCH", `/api/articles/${article.id}`, { conclusion: null }, {}, { as: "editor" }),
    );
    await expectApiError(missing, 428, "PRECONDITION_REQUIRED");
  });

  it("reads a stored rating Factmark does not know as no conclusion", async () => {
    const article = await buildArticle(db);
    await db.article.update({ where: { id: article.id }, data: { conclusionSummary: "x", conclusionRating: "bogus" } });
    const read = ZArticle.parse(await (await request("GET", `/api/articles/${article.id}`)).json());
    expect(read.conclusion).toBeNull();
  });
});

describe("PATCH /api/articles/:id with speaker kinds", () => {
  it("refuses a speaker named __proto__ (which no JSON object can keep as a key), storing nothing", async () => {
    const article = await buildArticle(db);
    const body = JSON.parse('{"speakerKinds": {"__proto__": "Person", "constructor": "Organization"}}');
    const response = await expectUnchanged(db, () => patch(article, body));
    const error = await expectApiError(response, 400, "VALIDATION_FAILED");
    expect(JSON.stringify(error)).toContain("cannot be a speaker's name");
  });

  it("keeps a speaker named like an object's other keys (constructor) as any other name", async () => {
    const article = await buildArticle(db);
    const saved = await patchOk(article, { speakerKinds: { constructor: "Organization" } });
    expect(Object.entries(saved.speakerKinds)).toEqual([["constructor", "Organization"]]);
  });

  it("merges them into what is stored, forgets a name given null, and records only the names that changed", async () => {
    const article = await buildArticle(db);
    const first = await patchOk(article, { speakerKinds: { "Ana Ruiz": "Person", "UN Mission": "Organization" } });
    expect(first.speakerKinds).toEqual({ "Ana Ruiz": "Person", "UN Mission": "Organization" });
    const second = await patchOk(first, {
      speakerKinds: { "Ana Ruiz": "Person", "UN Mission": null, "Robert Malley": "Person", Nobody: null },
    });
    expect(second.speakerKinds).toEqual({ "Ana Ruiz": "Person", "Robert Malley": "Person" });
    expect((await articleEvents(article.id)).slice(1)).toEqual([
      {
        action: "article.speaker_kinds_changed",
        from: { "Ana Ruiz": null, "UN Mission": null },
        to: { "Ana Ruiz": "Person", "UN Mission": "Organization" },
      },
      {
        action: "article.speaker_kinds_changed",
        from: { "UN Mission": "Organization", "Robert Malley": null },
        to: { "UN Mission": null, "Robert Malley": "Person" },
      },
    ]);
    const same = await expectUnchanged(db, () =>
      patch(second, { speakerKinds: { "Ana Ruiz": "Person", Nobody: null } }),
    );
    expect(ZArticle.parse(await same.json()).version).toBe(second.version);
  });

  it("refuses a kind that is not Person or Organization (400), storing nothing", async () => {
    const article = await buildArticle(db);
    const response = await expectUnchanged(db, () => patch(article, { speakerKinds: { "Ana Ruiz": "Robot" } }));
    expect((await expectApiError(response, 400, "VALIDATION_FAILED")).message).toMatch(/Person, Organization/);
  });

  it("reads stored kinds that are not valid JSON, or not kinds, as none set", async () => {
    for (const stored of ["not json", '{"Ana Ruiz":"Robot"}', "[]"]) {
      const article = await buildArticle(db);
      await db.article.update({ where: { id: article.id }, data: { speakerKinds: stored } });
      const read = ZArticle.parse(await (await request("GET", `/api/articles/${article.id}`)).json());
      expect(read.speakerKinds).toEqual({});
    }
  });
});
