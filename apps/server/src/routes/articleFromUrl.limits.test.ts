import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ZArticle } from "@factmark/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { IMPORT_LIMITS } from "../import/importLimits";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";
import { buildDeepHtml, buildManyParagraphsHtml } from "../test/hostileFiles";
import { closeHeavyWork } from "../work/heavyWork";

const { app, db, request } = await createTestApp();
const importUrl = (url: string) => request("POST", "/api/articles/from-url", { url });

const article = (body: string) =>
  `<!doctype html><html><head><title>A long read</title></head><body><article><h1>A long read</h1>${body}</article></body></html>`;

/** Pages that are cheap to send and expensive to parse. */
const PAGES: Record<string, string> = {
  "/deep": buildDeepHtml(400_000),
  "/many": article("<p>x</p>".repeat(250_000)),
  "/long": article(buildManyParagraphsHtml(10_000)),
  "/short": article(
    "<p>A short article, fetched once so the converter is loaded on its thread before the timings.</p>",
  ),
};

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const page = PAGES[req.url ?? "/"];
    res.writeHead(page === undefined ? 404 : 200, { "content-type": "text/html; charset=utf-8" });
    res.end(page ?? "<p>Not found</p>");
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The first conversion loads jsdom and Readability on a fresh thread (seconds under tsx on a loaded box); the
  // timings below are about what a hostile page costs, not about that.
  process.env.FETCH_ALLOW_HOSTS = "127.0.0.1";
  expect((await importUrl(`${base}/short`)).status).toBe(201);
});

afterAll(async () => {
  server.close();
  await closeHeavyWork();
});

beforeEach(() => {
  process.env.FETCH_ALLOW_HOSTS = "127.0.0.1";
  process.env.FETCH_MAX_BYTES = String(8 * 1024 * 1024);
  return () => {
    delete process.env.FETCH_ALLOW_HOSTS;
    delete process.env.FETCH_MAX_BYTES;
  };
});

/** What a user notices: a refusal within a few seconds, generous for a loaded 2-core box. */
const QUICKLY_MS = 3_000;

describe("POST /api/articles/from-url with pages too big to extract", () => {
  it("refuses a page of 400,000 nested <div>s with 413 naming the depth limit, quickly", async () => {
    const started = performance.now();
    const response = await expectUnchanged(db, () => importUrl(`${base}/deep`));
    const error = await expectApiError(response, 413, "PAYLOAD_TOO_LARGE");
    expect(error.message).toBe(`The page nests deeper than ${IMPORT_LIMITS.htmlDepth} elements.`);
    expect(error.details).toMatchObject({ limit: "htmlDepth", max: IMPORT_LIMITS.htmlDepth });
    expect(performance.now() - started).toBeLessThan(QUICKLY_MS);
  });

  it("refuses a page of 250,000 paragraphs with 413 naming the element limit, quickly", async () => {
    const started = performance.now();
    const response = await expectUnchanged(db, () => importUrl(`${base}/many`));
    const error = await expectApiError(response, 413, "PAYLOAD_TOO_LARGE");
    expect(error.message).toBe(
      `The page has more than ${IMPORT_LIMITS.pageElements.toLocaleString("en")} elements; an article holds fewer.`,
    );
    expect(error.details).toMatchObject({ limit: "pageElements", max: IMPORT_LIMITS.pageElements });
    expect(performance.now() - started).toBeLessThan(QUICKLY_MS);
  });

  it("extracts a long page (within the limits) while /healthz answers meanwhile", async () => {
    const big = importUrl(`${base}/long`).then((response) => ({ response, endedAt: performance.now() }));
    // A timer a blocked event loop would not fire in time; then the health check, while the page is extracted.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const health = await Promise.resolve(app.request("/healthz"));
    const healthEndedAt = performance.now();
    const done = await big;
    expect(health.status).toBe(200);
    expect(healthEndedAt).toBeLessThan(done.endedAt);
    expect(done.response.status).toBe(201);
    const imported = ZArticle.parse(await done.response.json());
    expect(imported.text).toContain("Paragraph 9999.");
  });
});
