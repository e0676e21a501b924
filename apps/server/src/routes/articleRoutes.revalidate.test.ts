import { ZArticle } from "@factmark/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { approveClaim, buildPublishableArticle } from "../test/buildPublishableArticle";
import { createTestApp } from "../test/createTestApp";

const testApp = await createTestApp();
const { db, request } = testApp;
await testApp.userFor("editor");

beforeEach(() => {
  process.env.PUBLIC_URL = "https://factcheck.example.org";
});
afterEach(() => {
  delete process.env.PUBLIC_URL;
});

describe("GET /api/articles/:id, asked again by a browser that has it (If-None-Match)", () => {
  it("is kept by the browser but asked again every time", async () => {
    const article = await buildArticle(db);
    const response = await request("GET", `/api/articles/${article.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("private, no-cache");
  });

  it("answers 304 with no body while the article is at the version the browser holds", async () => {
    const article = await buildArticle(db);
    for (const tag of ['"1"', 'W/"1"', '"7", "1"', "*"]) {
      const response = await request("GET", `/api/articles/${article.id}`, undefined, { "If-None-Match": tag });
      expect(response.status, tag).toBe(304);
      expect(await response.text()).toBe("");
      expect(response.headers.get("ETag")).toBe('"1"');
      expect(response.headers.get("Cache-Control")).toBe("private, no-cache");
    }
  });

  it("answers the article whole once its text or metadata changed", async () => {
    const article = await buildArticle(db);
    await request("PATCH", `/api/articles/${article.id}`, { title: "Renamed" }, { "If-Match": '"1"' });
    const response = await request("GET", `/api/articles/${article.id}`, undefined, { "If-None-Match": '"1"' });
    expect(response.status).toBe(200);
    expect(response.headers.get("ETag")).toBe('"2"');
    expect(ZArticle.parse(await response.json()).title).toBe("Renamed");
  });

  it("answers the article whole once it is published (its publication state is part of the answer)", async () => {
    const { article, malley, iravani } = await buildPublishableArticle(db);
    await approveClaim(db, malley.id);
    await approveClaim(db, iravani.id);
    const before = ZArticle.parse(await (await request("GET", `/api/articles/${article.id}`)).json());
    const published = await request(
      "POST",
      `/api/articles/${article.id}/publications`,
      {},
      { "If-Match": `"${before.version}"` },
      { as: "editor" },
    );
    expect(published.status).toBe(201);
    const response = await request("GET", `/api/articles/${article.id}`, undefined, {
      "If-None-Match": `"${before.version}"`,
    });
    expect(response.status).toBe(200);
    const answered = ZArticle.parse(await response.json());
    expect(answered.version).toBe(before.version + 1);
    expect(answered.publication.latestVersion).toBe(1);
  });

  it("answers 404, not 304, for an article deleted since", async () => {
    const article = await buildArticle(db);
    await request("DELETE", `/api/articles/${article.id}`, undefined, { "If-Match": '"1"' });
    const response = await request("GET", `/api/articles/${article.id}`, undefined, { "If-None-Match": '"1"' });
    expect(response.status).toBe(404);
  });
});
