import { describe, expect, it } from "vitest";
import { ZArticleCreate, ZArticleUpdate } from "./article";

const valid = { title: "Iran admits supplying Russia with drones", format: "text", content: "One.\nTwo." };

describe("ZArticleCreate", () => {
  it("accepts a titled text article with optional metadata", () => {
    expect(
      ZArticleCreate.safeParse({ ...valid, sourceUrl: "https://allisrael.com/x", outlet: "All Israel News" }).success,
    ).toBe(true);
  });

  it("rejects a blank title, blank content and formats other than text, html and markdown", () => {
    expect(ZArticleCreate.safeParse({ ...valid, title: "   " }).success).toBe(false);
    expect(ZArticleCreate.safeParse({ ...valid, content: " \n " }).success).toBe(false);
    expect(ZArticleCreate.safeParse({ ...valid, format: "pdf" }).success).toBe(false);
    expect(ZArticleCreate.safeParse({ ...valid, format: "html" }).success).toBe(true);
    expect(ZArticleCreate.safeParse({ ...valid, format: "markdown" }).success).toBe(true);
  });

  it("rejects a source URL that is not http(s) and unknown keys", () => {
    expect(ZArticleCreate.safeParse({ ...valid, sourceUrl: "javascript:alert(1)" }).success).toBe(false);
    expect(ZArticleCreate.safeParse({ ...valid, body: "x" }).success).toBe(false);
  });

  it("accepts a publication date or timestamp, not free text", () => {
    expect(ZArticleCreate.safeParse({ ...valid, publishedAt: "2022-11-08" }).success).toBe(true);
    expect(ZArticleCreate.safeParse({ ...valid, publishedAt: "2022-11-08T09:00:00Z" }).success).toBe(true);
    expect(ZArticleCreate.safeParse({ ...valid, publishedAt: "last week" }).success).toBe(false);
  });
});

describe("ZArticleUpdate", () => {
  it("needs at least one field", () => {
    expect(ZArticleUpdate.safeParse({}).success).toBe(false);
    expect(ZArticleUpdate.safeParse({ outlet: "AIN" }).success).toBe(true);
  });
});
