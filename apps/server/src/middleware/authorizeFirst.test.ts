import { describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";

const testApp = await createTestApp();
const { db } = testApp;
const article = await buildArticle(db);
for (const role of ["viewer", "reviewer"] as const) await testApp.userFor(role);

/** A body that would take the server seconds to check: 49,000 paragraphs, one of them not of the editor's schema. */
function hugeInvalidDoc() {
  const content = Array.from({ length: 49_000 }, (_, index) => ({
    type: "paragraph",
    content: [{ type: "text", text: `Paragraph ${index} of a long article.` }],
  }));
  content.push({ type: "image", content: [] } as never);
  return { type: "doc", content };
}

describe("a role that may not write an article is refused before its body is read", () => {
  for (const role of ["viewer", "reviewer"] as const) {
    it(`answers a ${role}'s article edit 403, not 400, however large or wrong the document`, async () => {
      const send = () =>
        testApp
          .as(role)
          .request(
            "PATCH",
            `/api/articles/${article.id}`,
            { doc: hugeInvalidDoc() },
            { "If-Match": `"${article.version}"` },
          );
      const error = await expectApiError(await expectUnchanged(db, send), 403, "FORBIDDEN");
      expect(error.details).toMatchObject({ action: "article.edit", role });
    });
  }

  it("answers a viewer's new article, import and URL import 403 before their bodies are checked", async () => {
    const viewer = testApp.as("viewer");
    for (const [url, body] of [
      ["/api/articles", { title: 7, format: "nonsense" }],
      ["/api/articles/import", { schemaVersion: "not a report" }],
      ["/api/articles/from-url", { url: "not a url" }],
    ] as const) {
      const response = await expectUnchanged(db, () => viewer.request("POST", url, body));
      await expectApiError(response, 403, "FORBIDDEN");
    }
  });

  it("answers a viewer's upload form 403 before the form is parsed", async () => {
    const form = new FormData();
    for (let index = 0; index < 20_000; index++) form.append(`field${index}`, "x");
    const cookie = await testApp.cookieFor("viewer");
    const send = async () =>
      testApp.app.request("/api/articles/upload", { method: "POST", body: form, headers: { cookie } });
    await expectApiError(await expectUnchanged(db, send), 403, "FORBIDDEN");
  });
});
