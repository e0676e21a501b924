import { describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { createTestApp } from "../test/createTestApp";

const testApp = await createTestApp();
const { db, request } = testApp;

describe("API answers are private to their session", () => {
  it("marks lists, accounts and errors private, and keeps what a route says itself", async () => {
    const article = await buildArticle(db);
    for (const path of ["/api/articles", `/api/articles/${article.id}/claims`, "/api/users", "/api/articles/nope"]) {
      const response = await request("GET", path);
      expect(response.headers.get("Cache-Control"), path).toBe("private, no-cache");
    }
    const signedOut = await testApp.as("anonymous").request("GET", "/api/articles");
    expect(signedOut.status).toBe(401);
    expect(signedOut.headers.get("Cache-Control")).toBe("private, no-cache");
    expect((await request("GET", "/api/auth/me")).headers.get("Cache-Control")).toBe("no-store");
  });
});
