import { ARTICLE_LIMITS, ZArticle } from "@factmark/core";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { IMPORT_LIMITS } from "../import/importLimits";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";
import { buildDocx, buildDocxBomb, buildManyParagraphsHtml, buildZip } from "../test/hostileFiles";
import { closeHeavyWork } from "../work/heavyWork";

const { app, db, request } = await createTestApp();

afterAll(() => closeHeavyWork());
afterEach(() => {
  delete process.env.CONVERSION_TIMEOUT_MS;
});

/** What a user notices: a refusal within a few seconds, generous for a loaded 2-core box (it takes milliseconds). */
const QUICKLY_MS = 3_000;

function upload(name: string, bytes: Uint8Array) {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], name));
  return Promise.resolve(app.request("/api/articles/upload", { method: "POST", body: form }));
}

/** Sends a request and answers its response with how long it took, in ms. */
async function timed(send: () => Promise<Response>): Promise<{ response: Response; ms: number; endedAt: number }> {
  const started = performance.now();
  const response = await send();
  const endedAt = performance.now();
  return { response, ms: endedAt - started, endedAt };
}

/** Sends a request that must change nothing stored; answers its response and how long the request alone took. */
async function timedUnchanged(send: () => Promise<Response>): Promise<{ response: Response; ms: number }> {
  let ms = 0;
  const response = await expectUnchanged(db, async () => {
    const answer = await timed(send);
    ms = answer.ms;
    return answer.response;
  });
  return { response, ms };
}

/**
 * Starts a big request, waits 200 ms (a timer a blocked event loop would not fire in time), then asks GET /healthz
 * through the same app: the health check must be answered before the big request is, so a conversion does not stall
 * anyone else.
 */
async function expectAnsweredMeanwhile(send: () => Promise<Response>): Promise<Response> {
  const big = timed(send);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const health = await timed(() => Promise.resolve(app.request("/healthz")));
  const done = await big;
  expect(health.response.status).toBe(200);
  expect(health.endedAt).toBeLessThan(done.endedAt);
  return done.response;
}

const tinyParagraphs = (count: number) => `<div>${"<p>x</p>".repeat(count)}</div>`;

describe("a .docx upload is bounded before it is converted", () => {
  it("refuses a zip bomb of millions of empty paragraphs with 413 in well under a second, storing nothing", async () => {
    const bomb = buildDocxBomb(6_000_000);
    expect(bomb.byteLength).toBeLessThan(300_000);
    const { response, ms } = await timedUnchanged(() => upload("bomb.docx", bomb));
    const error = await expectApiError(response, 413, "PAYLOAD_TOO_LARGE");
    expect(error.message).toBe(
      `This .docx file unpacks to more than ${IMPORT_LIMITS.docxXmlBytes / (1024 * 1024)} MB of document XML.`,
    );
    expect(error.details).toMatchObject({ limit: "docxXmlBytes", max: IMPORT_LIMITS.docxXmlBytes });
    expect(ms).toBeLessThan(QUICKLY_MS);
  });

  it("catches a bomb whose headers lie about its size as it inflates, with 413", async () => {
    const liar = buildDocxBomb(6_000_000, "<w:p/>", { declaredDocumentSize: 1_000 });
    const { response, ms } = await timedUnchanged(() => upload("liar.docx", liar));
    const error = await expectApiError(response, 413, "PAYLOAD_TOO_LARGE");
    // Its six million tags pass the tag cap (at 12 MB) before its bytes pass the byte cap.
    expect(error.details).toMatchObject({ limit: "docxXmlTags" });
    expect(ms).toBeLessThan(QUICKLY_MS);
  });

  it("refuses one huge text run with 413", async () => {
    const run = buildDocx(`<w:p><w:r><w:t>${"a".repeat(40 * 1024 * 1024)}</w:t></w:r></w:p>`, {
      declaredDocumentSize: 4_000,
    });
    const { response, ms } = await timedUnchanged(() => upload("run.docx", run));
    const error = await expectApiError(response, 413, "PAYLOAD_TOO_LARGE");
    expect(error.details).toMatchObject({ limit: "docxXmlBytes" });
    expect(ms).toBeLessThan(QUICKLY_MS);
  });

  it("refuses a document of more markup than an article holds (within the size cap) with 413", async () => {
    const many = buildDocxBomb(IMPORT_LIMITS.docxXmlTags + 1);
    const { response, ms } = await timedUnchanged(() => upload("many.docx", many));
    const error = await expectApiError(response, 413, "PAYLOAD_TOO_LARGE");
    expect(error.message).toBe(
      `This .docx file holds more than ${IMPORT_LIMITS.docxXmlTags.toLocaleString("en")} pieces of markup.`,
    );
    expect(error.details).toMatchObject({ limit: "docxXmlTags", max: IMPORT_LIMITS.docxXmlTags });
    expect(ms).toBeLessThan(QUICKLY_MS);
  });

  it("refuses a bomb whose main document is not named .xml (found through _rels/.rels) with 413, quickly", async () => {
    // 63 MB of XML (10.5 million tags, sizes declared honestly) as word/body.bin: mammoth reads it as the document.
    const hidden = buildDocxBomb(10_500_000, "<w:p/>", { documentPath: "word/body.bin" });
    expect(hidden.byteLength).toBeLessThan(300_000);
    const { response, ms } = await timedUnchanged(() => upload("hidden.docx", hidden));
    const error = await expectApiError(response, 413, "PAYLOAD_TOO_LARGE");
    expect(error.details).toMatchObject({ limit: "docxXmlBytes", max: IMPORT_LIMITS.docxXmlBytes });
    expect(ms).toBeLessThan(QUICKLY_MS);
  });

  it("counts the markup of every part, whatever its name, with 413 naming the tag limit", async () => {
    const hidden = buildDocxBomb(IMPORT_LIMITS.docxXmlTags + 1, "<w:p/>", {
      documentPath: "word/media/body.png",
      declaredDocumentSize: 1_000,
    });
    const { response, ms } = await timedUnchanged(() => upload("hidden-tags.docx", hidden));
    const error = await expectApiError(response, 413, "PAYLOAD_TOO_LARGE");
    expect(error.details).toMatchObject({ limit: "docxXmlTags", max: IMPORT_LIMITS.docxXmlTags });
    expect(ms).toBeLessThan(QUICKLY_MS);
  });

  it("still imports a document whose main part has an unusual name", async () => {
    const response = await upload(
      "renamed.docx",
      buildDocx("<w:p><w:r><w:t>Found through the relationships.</w:t></w:r></w:p>", { documentPath: "word/body.bin" }),
    );
    expect(response.status).toBe(201);
    const article = ZArticle.parse(await response.json());
    expect(article.doc.content?.[0]).toEqual({
      type: "paragraph",
      content: [{ type: "text", text: "Found through the relationships." }],
    });
  });

  it("refuses a zip of too many entries with 413", async () => {
    const entries = Array.from({ length: IMPORT_LIMITS.docxEntries + 1 }, (_, index) => ({
      name: `word/media/image${index}.png`,
      data: new Uint8Array([index % 256]),
    }));
    const zip = buildZip(entries);
    const { response, ms } = await timedUnchanged(() => upload("entries.docx", zip));
    const error = await expectApiError(response, 413, "PAYLOAD_TOO_LARGE");
    expect(error.details).toMatchObject({ limit: "docxEntries", max: IMPORT_LIMITS.docxEntries });
    expect(ms).toBeLessThan(QUICKLY_MS);
  });

  it("still imports a built .docx of many real paragraphs while /healthz answers", async () => {
    const body = Array.from({ length: 10_000 }, (_, index) => `<w:p><w:r><w:t>Paragraph ${index}.</w:t></w:r></w:p>`);
    const response = await expectAnsweredMeanwhile(() => upload("long.docx", buildDocx(body.join(""))));
    expect(response.status).toBe(201);
    const article = ZArticle.parse(await response.json());
    expect(article.doc.content).toHaveLength(10_000);
  });
});

describe("HTML and Markdown imports are bounded and converted off the event loop", () => {
  it("refuses 150,000 paragraphs in one <div> with 413 naming the element limit, quickly", async () => {
    const { response, ms } = await timedUnchanged(() =>
      request("POST", "/api/articles", { title: "Huge", format: "html", content: tinyParagraphs(150_000) }),
    );
    const error = await expectApiError(response, 413, "PAYLOAD_TOO_LARGE");
    expect(error.message).toBe(
      `The HTML has more than ${IMPORT_LIMITS.htmlElements.toLocaleString("en")} elements; an article holds fewer.`,
    );
    expect(error.details).toMatchObject({ limit: "htmlElements", max: IMPORT_LIMITS.htmlElements });
    expect(ms).toBeLessThan(QUICKLY_MS);
  });

  it("refuses Markdown of 150,000 paragraphs with 413, answering /healthz meanwhile", async () => {
    const content = "x\n\n".repeat(150_000);
    const response = await expectUnchanged(db, () =>
      expectAnsweredMeanwhile(() => request("POST", "/api/articles", { title: "Huge", format: "markdown", content })),
    );
    const error = await expectApiError(response, 413, "PAYLOAD_TOO_LARGE");
    expect(error.details).toMatchObject({ limit: "htmlElements" });
  });

  it("refuses HTML that converts to more blocks than an article holds with 413 naming the block limit", async () => {
    const content = tinyParagraphs(ARTICLE_LIMITS.blockCount + 1);
    const response = await expectUnchanged(db, () =>
      expectAnsweredMeanwhile(() => request("POST", "/api/articles", { title: "Blocks", format: "html", content })),
    );
    const error = await expectApiError(response, 413, "PAYLOAD_TOO_LARGE");
    expect(error.message).toBe(
      `The article has more than ${ARTICLE_LIMITS.blockCount.toLocaleString("en")} blocks (paragraphs, headings, list items and quotes).`,
    );
    expect(error.details).toMatchObject({ limit: "blocks", max: ARTICLE_LIMITS.blockCount });
  });

  it("refuses text of more lines than an article holds blocks with 413, before building them", async () => {
    const content = "x\n".repeat(ARTICLE_LIMITS.blockCount + 1);
    const { response, ms } = await timedUnchanged(() =>
      request("POST", "/api/articles", { title: "Lines", format: "text", content }),
    );
    const error = await expectApiError(response, 413, "PAYLOAD_TOO_LARGE");
    expect(error.details).toMatchObject({ limit: "blocks" });
    expect(ms).toBeLessThan(QUICKLY_MS);
  });

  it("refuses HTML nested deeper than the limit with 413 naming the depth limit", async () => {
    const content = `${"<div>".repeat(IMPORT_LIMITS.htmlDepth + 1)}Deep.${"</div>".repeat(IMPORT_LIMITS.htmlDepth + 1)}`;
    const response = await expectUnchanged(db, () =>
      request("POST", "/api/articles", { title: "Deep", format: "html", content }),
    );
    const error = await expectApiError(response, 413, "PAYLOAD_TOO_LARGE");
    expect(error.message).toBe(`The HTML nests deeper than ${IMPORT_LIMITS.htmlDepth} elements.`);
    expect(error.details).toMatchObject({ limit: "htmlDepth", max: IMPORT_LIMITS.htmlDepth });
  });

  it("imports 40,000 paragraphs of HTML (within every limit) while /healthz answers", async () => {
    const content = buildManyParagraphsHtml(40_000, { inOneDiv: true });
    const response = await expectAnsweredMeanwhile(() =>
      request("POST", "/api/articles", { title: "Long", format: "html", content }),
    );
    expect(response.status).toBe(201);
    const article = ZArticle.parse(await response.json());
    expect(article.doc.content).toHaveLength(40_000);
    expect(article.doc.content?.[39_999]).toEqual({
      type: "paragraph",
      content: [{ type: "text", text: "Paragraph 39999." }],
    });
  });

  it("stops a conversion over its time with 422 naming the time limit, and the next import still works", async () => {
    process.env.CONVERSION_TIMEOUT_MS = "50";
    const content = buildManyParagraphsHtml(40_000);
    const response = await expectUnchanged(db, () =>
      request("POST", "/api/articles", { title: "Slow", format: "html", content }),
    );
    const error = await expectApiError(response, 422, "UNPROCESSABLE");
    expect(error.message).toBe("Converting the article took longer than 0.05 s and was stopped.");
    expect(error.details).toMatchObject({ limit: "time", limitMs: 50 });
    delete process.env.CONVERSION_TIMEOUT_MS;
    const next = await request("POST", "/api/articles", { title: "Fine", format: "html", content: "<p>In time.</p>" });
    expect(next.status).toBe(201);
  });
});
