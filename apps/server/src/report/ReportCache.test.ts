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
    expect((await cache.getOrBuild("a", build)).isCached).toBe(true);
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

  it("sends a report larger than a quarter of its budget without keeping it", async () => {
    const cache = new ReportCache({ maxBytes: 1000 });
    await cache.getOrBuild("huge", async () => report(251));
    expect(cache.bytes).toBe(0);
    expect((await cache.getOrBuild("huge", async () => report(251))).isCached).toBe(false);
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
