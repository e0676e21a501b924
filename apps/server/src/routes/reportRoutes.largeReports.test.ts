import { gunzipSync } from "node:zlib";
import type { NativeReport } from "@factmark/core";
import { afterAll, describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { createTestApp } from "../test/createTestApp";
import { closeHeavyWork } from "../work/heavyWork";

// A report cache of 100 KB keeps files up to 25 KB (a quarter): this article's JSON export is larger, its gzip is not.
// The same holds at the default 64 MB for the 20 MB JSON and W3C exports of 10,000 claims.
const previousLimit = process.env.REPORT_CACHE_MB;
process.env.REPORT_CACHE_MB = String(100 / 1024);
const { db, request } = await createTestApp();
if (previousLimit === undefined) delete process.env.REPORT_CACHE_MB;
else process.env.REPORT_CACHE_MB = previousLimit;
afterAll(() => closeHeavyWork());

const SENTENCES = 60;
const article = await buildArticle(db, {
  title: "A long article",
  content: Array.from({ length: SENTENCES }, (_, n) => `Minister ${n} said the budget grew by ${n} percent.`).join(
    "\n",
  ),
});
for (let n = 0; n < SENTENCES; n += 1) {
  await buildClaim(db, article, `the budget grew by ${n} percent`, {
    verdict: n % 2 === 0 ? "contradicted" : "supported",
    speaker: `Minister ${n}`,
    rationale: `The ministry's own tables for year ${n} show a different figure.`,
  });
}
const jsonUrl = `/api/articles/${article.id}/report?format=json`;

describe("a report file over the cache's per-file limit", () => {
  it("is kept as its gzip: downloaded again without a build, gzipped or plain, the same file", async () => {
    const first = await request("GET", jsonUrl, undefined, { "Accept-Encoding": "gzip" });
    expect([first.status, first.headers.get("x-cache"), first.headers.get("content-encoding")]).toEqual([
      200,
      "miss",
      "gzip",
    ]);
    const firstGzip = new Uint8Array(await first.arrayBuffer());
    const file = new Uint8Array(gunzipSync(firstGzip));
    expect(file.byteLength).toBeGreaterThan(25 * 1024);
    expect((JSON.parse(new TextDecoder().decode(file)) as NativeReport).claims).toHaveLength(SENTENCES);

    const again = await request("GET", jsonUrl, undefined, { "Accept-Encoding": "gzip, deflate, br" });
    expect([again.headers.get("x-cache"), again.headers.get("content-encoding")]).toEqual(["hit", "gzip"]);
    expect(new Uint8Array(await again.arrayBuffer())).toEqual(firstGzip);

    // A client that takes no gzip gets the file's own bytes, from the kept gzip.
    const plain = await request("GET", jsonUrl, undefined, { "Accept-Encoding": "identity" });
    expect([plain.headers.get("x-cache"), plain.headers.get("content-encoding")]).toEqual(["hit", null]);
    expect(new Uint8Array(await plain.arrayBuffer())).toEqual(file);
  });

  it("says its length on HEAD, as on GET", async () => {
    const get = await request("GET", jsonUrl, undefined, { "Accept-Encoding": "identity" });
    const length = (await get.arrayBuffer()).byteLength;
    expect(get.headers.get("content-length")).toBe(String(length));
    const head = await request("HEAD", jsonUrl, undefined, { "Accept-Encoding": "identity" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(length));
    const headGzip = await request("HEAD", jsonUrl, undefined, { "Accept-Encoding": "gzip" });
    expect(headGzip.headers.get("content-encoding")).toBe("gzip");
    expect(Number(headGzip.headers.get("content-length"))).toBeLessThan(length);
  });

  it("is sent as built, with its length, to a client that takes deflate but not gzip: nothing compresses it again", async () => {
    const get = await request("GET", jsonUrl, undefined, { "Accept-Encoding": "deflate" });
    const file = new Uint8Array(await get.arrayBuffer());
    expect(get.headers.get("content-encoding")).toBeNull();
    expect(get.headers.get("content-length")).toBe(String(file.byteLength));
    expect(get.headers.get("cache-control")).toBe("no-store, no-transform");
    const head = await request("HEAD", jsonUrl, undefined, { "Accept-Encoding": "deflate" });
    expect([head.headers.get("content-encoding"), head.headers.get("content-length")]).toEqual([
      null,
      String(file.byteLength),
    ]);
  });
});
