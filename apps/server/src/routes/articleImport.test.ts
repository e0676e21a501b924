import { readFileSync } from "node:fs";
import { ZArticle } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { IMPORT_LIMITS } from "../import/importLimits";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectEditorDoc } from "../test/expectEditorDoc";
import { expectUnchanged } from "../test/expectUnchanged";

const { app, db, request } = await createTestApp();

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../import/fixtures/${name}`, import.meta.url)));
}

/** Sends the upload form through the real app. */
function upload(
  name: string,
  bytes: Uint8Array,
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], name));
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return Promise.resolve(app.request("/api/articles/upload", { method: "POST", body: form, headers }));
}

async function created(response: Response) {
  expect(response.status).toBe(201);
  const article = ZArticle.parse(await response.json());
  expect(response.headers.get("Location")).toBe(`/api/articles/${article.id}`);
  expectEditorDoc(article.doc);
  return article;
}

describe("POST /api/articles with html and markdown", () => {
  it("converts HTML to the editor's blocks and marks", async () => {
    const article = await created(
      await request("POST", "/api/articles", {
        title: "Pasted",
        format: "html",
        content:
          "<h2>Drones</h2><p>Iran sold a <strong>limited</strong> number.<br>Or so <em>he</em> said.</p><ul><li>one</li></ul>",
      }),
    );
    expect(article.text).toBe("Drones\nIran sold a limited number.\nOr so he said.\none");
    expect(article.doc.content?.map((block) => block.type)).toEqual(["heading", "paragraph", "bulletList"]);
    expect(article.doc.content?.[1]?.content?.[1]).toEqual({
      type: "text",
      text: "limited",
      marks: [{ type: "bold" }],
    });
  });

  it("converts Markdown through HTML", async () => {
    const article = await created(
      await request("POST", "/api/articles", {
        title: "Notes",
        format: "markdown",
        content: "# Title\n\nSome **bold** and a [link](https://example.com).\n\n1. first\n2. second\n\n> quoted",
      }),
    );
    expect(article.text).toBe("Title\nSome bold and a link.\nfirst\nsecond\nquoted");
    expect(article.doc.content?.map((block) => block.type)).toEqual([
      "heading",
      "paragraph",
      "orderedList",
      "blockquote",
    ]);
  });

  it("refuses HTML that holds no text once sanitised, and stores nothing", async () => {
    const response = await expectUnchanged(db, () =>
      request("POST", "/api/articles", {
        title: "Empty",
        format: "html",
        content: "<script>alert(1)</script><img src=x>",
      }),
    );
    const error = await expectApiError(response, 422, "UNPROCESSABLE");
    expect(error.details).toMatchObject({ reason: "empty" });
  });
});

describe("POST /api/articles/upload", () => {
  it("imports a .txt file, one paragraph per line, with the metadata fields", async () => {
    const article = await created(
      await upload("article.txt", fixture("article.txt"), {
        title: "From a text file",
        outlet: "Example News",
        author: "A. Writer",
        sourceUrl: "https://example.com/drones",
        publishedAt: "2022-11-05",
      }),
    );
    expect(article).toMatchObject({
      title: "From a text file",
      outlet: "Example News",
      author: "A. Writer",
      sourceUrl: "https://example.com/drones",
      publishedAt: "2022-11-05T00:00:00.000Z",
    });
    expect(article.text).toBe(
      "Iran sold a limited number of drones months before the Ukraine war.\nRobert Malley said Iran transferred dozens just this summer.",
    );
  });

  it("imports a .md file, titled by its first heading, with raw HTML in it sanitised", async () => {
    const article = await created(await upload("article.md", fixture("article.md")));
    expect(article.title).toBe("Iran and the drones");
    expect(article.text).not.toContain("alert");
    expect(article.doc.content?.map((block) => block.type)).toEqual([
      "heading",
      "paragraph",
      "bulletList",
      "blockquote",
    ]);
  });

  it("imports a .html file, titled by its <title>, without scripts, styles, handlers or iframes", async () => {
    const article = await created(await upload("article.html", fixture("article.html")));
    expect(article.title).toBe("Iran and the drones");
    expect(article.text).toBe(
      [
        "Iran and the drones",
        "Iran sold a limited number of drones months before the Ukraine war, said Amir-Abdollahian.",
        "Robert Malley said Iran transferred dozens just this summer.\nHe gave no figures.",
        "Iravani called it totally unfounded.",
      ].join("\n"),
    );
    const json = JSON.stringify(article.doc);
    for (const banned of ["evil.example", "steal", "font-weight", "javascript", "onerror", "fallback"]) {
      expect(json).not.toContain(banned);
    }
    expect(json).toContain("https://example.com/minister");
  });

  it("imports a .docx file with mammoth: heading, bold, italic", async () => {
    const article = await created(await upload("article.docx", fixture("article.docx")));
    expect(article.title).toBe("Iran and the drones");
    expect(article.text).toBe(
      [
        "Iran and the drones",
        "Iran sold a limited number of drones months before the Ukraine war, said Amir-Abdollahian.",
        "Robert Malley said Iran transferred dozens just this summer.",
      ].join("\n"),
    );
    expect(article.doc.content?.[1]?.content?.[1]).toEqual({
      type: "text",
      text: "limited number",
      marks: [{ type: "bold" }],
    });
  });

  it("refuses a file over the size limit with 413", async () => {
    const big = new Uint8Array(IMPORT_LIMITS.fileBytes + 1).fill(0x61);
    const response = await expectUnchanged(db, () => upload("big.txt", big));
    await expectApiError(response, 413, "PAYLOAD_TOO_LARGE");
  });

  it("refuses a .docx that is not a zip with 415", async () => {
    const response = await expectUnchanged(db, () => upload("fake.docx", new TextEncoder().encode("just some text")));
    const error = await expectApiError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    expect(error.details).toMatchObject({ reason: "content_mismatch" });
  });

  it("refuses a zip that is not a Word document with 422", async () => {
    const zipOfNothing = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(40).fill(0)]);
    const response = await expectUnchanged(db, () => upload("broken.docx", zipOfNothing));
    await expectApiError(response, 422, "UNPROCESSABLE");
  });

  it.each([
    ["a Word document named .txt", "article.txt", () => fixture("article.docx")],
    ["a PDF named .html", "article.html", () => new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj")],
    ["binary bytes named .md", "article.md", () => new Uint8Array([0x23, 0x20, 0x00, 0xff, 0xfe])],
    ["Latin-1 text named .txt", "article.txt", () => new Uint8Array([0x43, 0x61, 0x66, 0xe9])],
  ])("refuses %s with 415 (the extension lies about the content)", async (_name, fileName, bytes) => {
    const response = await expectUnchanged(db, () => upload(fileName, bytes()));
    await expectApiError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("refuses an extension it does not read with 415", async () => {
    const response = await expectUnchanged(db, () => upload("article.pdf", new TextEncoder().encode("%PDF-1.7")));
    await expectApiError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("refuses an HTML file that is mostly script with 422", async () => {
    const response = await expectUnchanged(db, () => upload("page.html", fixture("mostly-script.html")));
    const error = await expectApiError(response, 422, "UNPROCESSABLE");
    expect(error.details).toMatchObject({ reason: "mostly_script" });
  });

  it("refuses an empty file with 422", async () => {
    const response = await expectUnchanged(db, () => upload("empty.txt", new TextEncoder().encode(" \n \n")));
    await expectApiError(response, 422, "UNPROCESSABLE");
  });

  it("refuses a form without a file, and bad metadata, with 400", async () => {
    const form = new FormData();
    form.set("title", "No file");
    const noFile = await expectUnchanged(db, () =>
      Promise.resolve(app.request("/api/articles/upload", { method: "POST", body: form })),
    );
    await expectApiError(noFile, 400, "VALIDATION_FAILED");
    const badUrl = await expectUnchanged(db, () =>
      upload("article.txt", fixture("article.txt"), { sourceUrl: "javascript:alert(1)" }),
    );
    await expectApiError(badUrl, 400, "VALIDATION_FAILED");
  });

  it("refuses a body that is not multipart with 415", async () => {
    const response = await expectUnchanged(db, () => request("POST", "/api/articles/upload", { file: "x" }));
    await expectApiError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("refuses an upload a browser sends from another site with 403", async () => {
    const crossSite = await expectUnchanged(db, () =>
      upload("article.txt", fixture("article.txt"), {}, { "sec-fetch-site": "cross-site" }),
    );
    await expectApiError(crossSite, 403, "FORBIDDEN");
    const foreignOrigin = await expectUnchanged(db, () =>
      upload("article.txt", fixture("article.txt"), {}, { origin: "https://evil.example", host: "localhost" }),
    );
    await expectApiError(foreignOrigin, 403, "FORBIDDEN");
  });
});
