import { ZArticle, ZArticleList } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { BODY_LIMITS } from "../middleware/limitBody";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";

const { db, request } = await createTestApp();

const NEW_ARTICLE = {
  title: "  Drones over Kyiv  ",
  format: "text",
  content: "First paragraph.\n\n   Second paragraph.  \n",
  sourceUrl: "https://example.com/drones",
  outlet: "Example News",
  author: "A. Writer",
  publishedAt: "2022-11-05",
};

describe("POST /api/articles", () => {
  it("creates an article from plain text, one paragraph per non-empty line", async () => {
    const response = await request("POST", "/api/articles", NEW_ARTICLE);
    expect(response.status).toBe(201);
    const article = ZArticle.parse(await response.json());
    expect(article).toMatchObject({
      title: "Drones over Kyiv",
      text: "First paragraph.\nSecond paragraph.",
      sourceUrl: "https://example.com/drones",
      outlet: "Example News",
      author: "A. Writer",
      version: 1,
    });
    expect(article.doc.content).toHaveLength(2);
    expect(article.publishedAt).toBe("2022-11-05T00:00:00.000Z");
    expect(response.headers.get("ETag")).toBe('"1"');
    expect(response.headers.get("Location")).toBe(`/api/articles/${article.id}`);
  });

  it("rejects malformed JSON", async () => {
    const response = await expectUnchanged(db, () => request("POST", "/api/articles", '{"title": "x",'));
    await expectApiError(response, 400, "VALIDATION_FAILED");
  });

  it("rejects a missing title", async () => {
    const { title: _title, ...withoutTitle } = NEW_ARTICLE;
    const response = await expectUnchanged(db, () => request("POST", "/api/articles", withoutTitle));
    const error = await expectApiError(response, 400, "VALIDATION_FAILED");
    expect(error.details).toMatchObject({ issues: [{ path: "title" }] });
  });

  it("rejects a wrong-typed field", async () => {
    const response = await expectUnchanged(db, () => request("POST", "/api/articles", { ...NEW_ARTICLE, content: 42 }));
    await expectApiError(response, 400, "VALIDATION_FAILED");
  });

  it("rejects a format it does not read", async () => {
    const response = await expectUnchanged(db, () =>
      request("POST", "/api/articles", { ...NEW_ARTICLE, format: "pdf" }),
    );
    await expectApiError(response, 400, "VALIDATION_FAILED");
  });

  it("rejects a source URL that is not http(s)", async () => {
    const response = await expectUnchanged(db, () =>
      request("POST", "/api/articles", { ...NEW_ARTICLE, sourceUrl: "javascript:alert(1)" }),
    );
    await expectApiError(response, 400, "VALIDATION_FAILED");
  });

  it("rejects an article with no text", async () => {
    const response = await expectUnchanged(db, () =>
      request("POST", "/api/articles", { ...NEW_ARTICLE, content: " \n " }),
    );
    await expectApiError(response, 400, "VALIDATION_FAILED");
  });

  it("rejects a body that is not JSON with 415", async () => {
    const response = await expectUnchanged(db, () =>
      request("POST", "/api/articles", "title=x", { "content-type": "application/x-www-form-urlencoded" }),
    );
    await expectApiError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("rejects a text/plain body with 415", async () => {
    const response = await expectUnchanged(db, () =>
      request("POST", "/api/articles", JSON.stringify(NEW_ARTICLE), { "content-type": "text/plain" }),
    );
    await expectApiError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("rejects a body over the article limit with 413", async () => {
    const content = "x".repeat(BODY_LIMITS.article + 1);
    const response = await expectUnchanged(db, () => request("POST", "/api/articles", { ...NEW_ARTICLE, content }));
    const error = await expectApiError(response, 413, "PAYLOAD_TOO_LARGE");
    expect(error.details).toEqual({ maxSize: BODY_LIMITS.article });
  });

  it("rejects an oversized body announced by Content-Length with 413", async () => {
    const body = JSON.stringify({ ...NEW_ARTICLE, content: "x".repeat(BODY_LIMITS.article + 1) });
    const response = await expectUnchanged(db, () =>
      request("POST", "/api/articles", body, { "content-length": String(Buffer.byteLength(body)) }),
    );
    await expectApiError(response, 413, "PAYLOAD_TOO_LARGE");
  });
});

describe("GET /api/articles", () => {
  it("lists live articles, newest first, with claim counts per verdict", async () => {
    const older = await buildArticle(db, { title: "Older" });
    const article = await buildArticle(db, { title: "Counted" });
    await buildClaim(db, article, "a limited number of drones", { verdict: "contradicted" });
    await buildClaim(db, article, "transferred dozens just this summer", { verdict: "supported" });
    await buildClaim(db, article, "totally unfounded", { verdict: "contradicted" });
    await buildClaim(db, article, "Robert Malley");
    const deleted = await buildClaim(db, article, "Iravani", { verdict: "supported" });
    await request("DELETE", `/api/claims/${deleted.id}`);

    const response = await request("GET", "/api/articles");
    expect(response.status).toBe(200);
    const { items } = ZArticleList.parse(await response.json());
    const titles = items.map((item) => item.title);
    expect(titles.indexOf("Counted")).toBeLessThan(titles.indexOf("Older"));
    const counted = items.find((item) => item.id === article.id);
    expect(counted?.counts).toEqual({ contradicted: 2, supported: 1, unverified: 1 });
    expect(items.find((item) => item.id === older.id)?.counts).toEqual({
      contradicted: 0,
      supported: 0,
      unverified: 0,
    });
    expect(counted).not.toHaveProperty("text");
  });
});

describe("GET /api/articles/:id", () => {
  it("answers the article with its document, text and ETag", async () => {
    const article = await buildArticle(db);
    const response = await request("GET", `/api/articles/${article.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("ETag")).toBe('"1"');
    expect(ZArticle.parse(await response.json())).toEqual(article);
  });

  it("answers 404 for an article that does not exist", async () => {
    await expectApiError(await request("GET", "/api/articles/no-such-article"), 404, "NOT_FOUND");
  });

  it("answers 400 for an id that cannot be one", async () => {
    await expectApiError(await request("GET", "/api/articles/not%20an%20id"), 400, "VALIDATION_FAILED");
  });
});

describe("PATCH /api/articles/:id", () => {
  it("changes metadata when If-Match names the current version", async () => {
    const article = await buildArticle(db);
    const response = await request(
      "PATCH",
      `/api/articles/${article.id}`,
      { title: "Renamed", outlet: "" },
      {
        "If-Match": '"1"',
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("ETag")).toBe('"2"');
    expect(await response.json()).toMatchObject({ title: "Renamed", outlet: null, version: 2, text: article.text });
  });

  it("rejects a stale If-Match with 412 and the current article", async () => {
    const article = await buildArticle(db);
    await request("PATCH", `/api/articles/${article.id}`, { title: "First edit" }, { "If-Match": '"1"' });
    const response = await expectUnchanged(db, () =>
      request("PATCH", `/api/articles/${article.id}`, { title: "Second edit" }, { "If-Match": '"1"' }),
    );
    const error = await expectApiError(response, 412, "PRECONDITION_FAILED");
    expect(error.details).toMatchObject({ current: { id: article.id, title: "First edit", version: 2 } });
  });

  it("rejects a change without If-Match with 428", async () => {
    const article = await buildArticle(db);
    const response = await expectUnchanged(db, () => request("PATCH", `/api/articles/${article.id}`, { title: "x" }));
    await expectApiError(response, 428, "PRECONDITION_REQUIRED");
  });

  it("rejects an If-Match that names no version", async () => {
    const article = await buildArticle(db);
    const response = await expectUnchanged(db, () =>
      request("PATCH", `/api/articles/${article.id}`, { title: "x" }, { "If-Match": "*" }),
    );
    await expectApiError(response, 400, "VALIDATION_FAILED");
  });

  it("rejects an empty change", async () => {
    const article = await buildArticle(db);
    const response = await expectUnchanged(db, () =>
      request("PATCH", `/api/articles/${article.id}`, {}, { "If-Match": '"1"' }),
    );
    await expectApiError(response, 400, "VALIDATION_FAILED");
  });

  it("answers 404 for an article that does not exist", async () => {
    const response = await expectUnchanged(db, () =>
      request("PATCH", "/api/articles/missing", { title: "x" }, { "If-Match": '"1"' }),
    );
    await expectApiError(response, 404, "NOT_FOUND");
  });
});

describe("DELETE /api/articles/:id", () => {
  it("deletes an article: gone from the list and from GET", async () => {
    const article = await buildArticle(db);
    const response = await request("DELETE", `/api/articles/${article.id}`);
    expect(response.status).toBe(204);
    await expectApiError(await request("GET", `/api/articles/${article.id}`), 404, "NOT_FOUND");
    const { items } = ZArticleList.parse(await (await request("GET", "/api/articles")).json());
    expect(items.map((item) => item.id)).not.toContain(article.id);
    await expectApiError(await request("GET", `/api/articles/${article.id}/claims`), 404, "NOT_FOUND");
  });

  it("rejects a stale If-Match with 412", async () => {
    const article = await buildArticle(db);
    const response = await expectUnchanged(db, () =>
      request("DELETE", `/api/articles/${article.id}`, undefined, { "If-Match": '"7"' }),
    );
    await expectApiError(response, 412, "PRECONDITION_FAILED");
  });

  it("answers 404 for an article that does not exist", async () => {
    await expectApiError(await request("DELETE", "/api/articles/missing"), 404, "NOT_FOUND");
  });
});

describe("GET /api/articles/:id/speakers", () => {
  it("lists the speakers of live claims once each, A to Z", async () => {
    const article = await buildArticle(db);
    await buildClaim(db, article, "Robert Malley said", { speaker: "Robert Malley" });
    await buildClaim(db, article, "transferred dozens", { speaker: "Robert Malley" });
    await buildClaim(db, article, "Iran sold", { speaker: "Hossein Amir-Abdollahian" });
    await buildClaim(db, article, "totally unfounded");
    const deleted = await buildClaim(db, article, "Iravani called", { speaker: "Amir Saeid Iravani" });
    await request("DELETE", `/api/claims/${deleted.id}`);
    const other = await buildArticle(db);
    await buildClaim(db, other, "Iran sold", { speaker: "Volodymyr Zelenskyy" });

    const response = await request("GET", `/api/articles/${article.id}/speakers`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ items: ["Hossein Amir-Abdollahian", "Robert Malley"] });
  });

  it("answers 404 for an article that does not exist", async () => {
    await expectApiError(await request("GET", "/api/articles/missing/speakers"), 404, "NOT_FOUND");
  });
});

describe("the rest of the app", () => {
  it("GET /healthz answers ok", async () => {
    const response = await request("GET", "/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers an unknown API route with 404 in the error envelope", async () => {
    await expectApiError(await request("GET", "/api/nothing-here"), 404, "NOT_FOUND");
  });

  it("sets security headers", async () => {
    const response = await request("GET", "/healthz");
    expect(response.headers.get("Content-Security-Policy")).toContain("default-src 'self'");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });
});
