import { randomBytes } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { type BuiltReport, ReportCache } from "./ReportCache";

const report = (bytes: number, title = "A report"): BuiltReport => ({
  body: new Uint8Array(bytes),
  contentType: "text/html; charset=utf-8",
  extension: "html",
  title,
});

describe("ReportCache", () => {
  it("answers a kept report without building it again", async () => {
    const cache = new ReportCache({ maxBytes: 1000 });
    let builds = 0;
    const build = async () => {
      builds += 1;
      return report(100);
    };
    expect((await cache.getOrBuild("a", build)).isCached).toBe(false);
    const kept = await cache.getOrBuild("a", build);
    expect([kept.isCached, kept.byteLength, (await kept.body()).byteLength]).toEqual([true, 100, 100]);
    expect(kept.bodyToSend()).toBe(await kept.body());
    expect(builds).toBe(1);
  });

  it("forgets the least recently used reports past its byte budget", async () => {
    const cache = new ReportCache({ maxBytes: 1000, maxEntryBytes: 400 });
    await cache.getOrBuild("a", async () => report(400));
    await cache.getOrBuild("b", async () => report(400));
    await cache.getOrBuild("a", async () => report(400)); // a is now the most recently used
    await cache.getOrBuild("c", async () => report(400));
    expect(cache.bytes).toBe(800);
    expect((await cache.getOrBuild("a", async () => report(400))).isCached).toBe(true);
    expect((await cache.getOrBuild("b", async () => report(400))).isCached).toBe(false);
  });

  it("sends a report larger than a quarter of its budget without keeping it when its gzip does not fit either", async () => {
    const cache = new ReportCache({ maxBytes: 4000 });
    // Random bytes do not compress: their gzip is larger than the file.
    const noise = (): BuiltReport => ({ ...report(0), body: new Uint8Array(randomBytes(1500)) });
    await cache.getOrBuild("noise", async () => noise());
    expect(cache.bytes).toBe(0);
    expect((await cache.getOrBuild("noise", async () => noise())).isCached).toBe(false);
    // A PDF is never gzipped, so one over the limit is never kept.
    const pdf = (): BuiltReport => ({ ...report(1500), contentType: "application/pdf", extension: "pdf" });
    await cache.getOrBuild("pdf", async () => pdf());
    expect((await cache.getOrBuild("pdf", async () => pdf())).isCached).toBe(false);
    expect(cache.bytes).toBe(0);
  });

  it("keeps a text report over the per-file limit as its gzip when that fits, and answers both encodings from it", async () => {
    const cache = new ReportCache({ maxBytes: 4000 });
    const text = new TextEncoder().encode(JSON.stringify(Array.from({ length: 400 }, (_, n) => ({ claim: n }))));
    expect(text.byteLength).toBeGreaterThan(1000);
    let builds = 0;
    const build = async (): Promise<BuiltReport> => {
      builds += 1;
      return { body: text.slice(), contentType: "application/json", extension: "json", title: "Long" };
    };
    const first = await cache.getOrBuild("long", build);
    expect(new Uint8Array(await first.body())).toEqual(text);
    const again = await cache.getOrBuild("long", build);
    expect([again.isCached, builds]).toEqual([true, 1]);
    expect(again.byteLength).toBe(text.byteLength);
    expect(new Uint8Array(await again.body())).toEqual(text);
    const gzip = await again.gzip();
    expect(new Uint8Array(gunzipSync(gzip))).toEqual(text);
    // A client without gzip is sent a stream that gunzips as it is read, not the whole file at once.
    const sent = again.bodyToSend();
    expect(sent).toBeInstanceOf(ReadableStream);
    expect(new Uint8Array(await new Response(sent).arrayBuffer())).toEqual(text);
    // Only the gzip is counted, and the same gzip is sent on every download.
    expect(cache.bytes).toBe(gzip.byteLength);
    expect(await (await cache.getOrBuild("long", build)).gzip()).toBe(gzip);
  });

  it("builds once for identical calls at once; runs beforeBuild only for the one that builds", async () => {
    const cache = new ReportCache({ maxBytes: 1000 });
    let builds = 0;
    let checks = 0;
    const build = async () => {
      builds += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return report(10);
    };
    const answers = await Promise.all([1, 2, 3].map(() => cache.getOrBuild("a", build, () => (checks += 1))));
    expect([builds, checks]).toEqual([1, 1]);
    expect(answers.map((answer) => answer.isCached)).toEqual([false, true, true]);
  });

  it("keeps nothing when the build fails or beforeBuild refuses, and builds on the next call", async () => {
    const cache = new ReportCache({ maxBytes: 1000 });
    await expect(
      cache.getOrBuild("a", async () => {
        throw new Error("the worker stopped");
      }),
    ).rejects.toThrow("the worker stopped");
    await expect(
      cache.getOrBuild(
        "a",
        async () => report(10),
        () => {
          throw new Error("rate limited");
        },
      ),
    ).rejects.toThrow("rate limited");
    expect((await cache.getOrBuild("a", async () => report(10))).isCached).toBe(false);
  });
});
