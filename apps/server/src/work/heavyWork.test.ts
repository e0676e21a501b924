import { AppError } from "@factmark/core";
import { afterAll, describe, expect, it } from "vitest";
import { closeHeavyWork, DEFAULT_HEAVY_WORK_SETTINGS, runHeavyJob, warmHeavyWork } from "./heavyWork";
import { WORKER_MODULES } from "./workerModules";

const MODULE = new URL("./heavyWork.fixtureWorker.ts", import.meta.url);
const budget = (timeMs: number) => ({ timeMs, label: "The test job" });

afterAll(() => closeHeavyWork());

describe("runHeavyJob", () => {
  it("answers what the job returns, off the main thread", async () => {
    expect(await runHeavyJob({ module: MODULE, name: "double" }, { n: 21 }, budget(30_000))).toBe(42);
  });

  it("keeps the event loop free while a job computes", async () => {
    const job = runHeavyJob({ module: MODULE, name: "spin" }, { ms: 600 }, budget(30_000));
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 20);
    await job;
    clearInterval(timer);
    expect(ticks).toBeGreaterThanOrEqual(10);
  });

  it("stops a job over its time with a 422 that names the limit, and the next job still runs", async () => {
    const started = Date.now();
    const error = (await runHeavyJob({ module: MODULE, name: "spin" }, { ms: 60_000 }, budget(500)).catch(
      (e: unknown) => e,
    )) as AppError;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "UNPROCESSABLE", details: { limit: "time", limitMs: 500 } });
    expect(error.message).toBe("The test job took longer than 0.5 s and was stopped.");
    expect(await runHeavyJob({ module: MODULE, name: "double" }, { n: 2 }, budget(30_000))).toBe(4);
  });

  it("stops a job that runs out of its heap with a 413, and the next job still runs", async () => {
    const error = await runHeavyJob({ module: MODULE, name: "hoard" }, {}, budget(60_000)).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", details: { limit: "memory" } });
    expect(await runHeavyJob({ module: MODULE, name: "double" }, { n: 3 }, budget(30_000))).toBe(6);
  }, 90_000);

  it("hands back an AppError the job throws as the same AppError", async () => {
    const error = await runHeavyJob({ module: MODULE, name: "refuse" }, {}, budget(30_000)).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "UNPROCESSABLE",
      message: "This document is not readable.",
      details: { reason: "unreadable" },
    });
  });

  it("starts every thread with the worker modules loaded, and jobs run on them", async () => {
    await warmHeavyWork([MODULE]);
    const started = Date.now();
    expect(await runHeavyJob({ module: MODULE, name: "double" }, { n: 5 }, budget(30_000))).toBe(10);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("fails to warm a module that has no warm job, saying so", async () => {
    const broken = new URL("./idleWorker.ts", import.meta.url);
    await expect(warmHeavyWork([broken])).rejects.toThrow();
  });

  it("knows every worker module the server warms, and each loads", async () => {
    await warmHeavyWork(Object.values(WORKER_MODULES));
  }, 120_000);

  it("counts a job's time from when a thread starts it, not while it waits for one", async () => {
    // Every thread busy for 1.5 s: a job queued behind them waits longer than its own 0.8 s budget, then runs.
    const busy = Array.from({ length: DEFAULT_HEAVY_WORK_SETTINGS.maxThreads }, () =>
      runHeavyJob({ module: MODULE, name: "spin" }, { ms: 1_500 }, budget(30_000)),
    );
    const queued = runHeavyJob({ module: MODULE, name: "double" }, { n: 8 }, budget(800));
    expect(await queued).toBe(16);
    await Promise.all(busy);
  }, 60_000);

  it("refuses a job that waited too long for a thread with a 503 naming the queue, and runs the ones ahead", async () => {
    const busy = Array.from({ length: DEFAULT_HEAVY_WORK_SETTINGS.maxThreads }, () =>
      runHeavyJob({ module: MODULE, name: "spin" }, { ms: 1_500 }, budget(30_000)),
    );
    const error = await runHeavyJob(
      { module: MODULE, name: "double" },
      { n: 1 },
      { ...budget(30_000), queueWaitMs: 200 },
    )
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "BUSY", details: { limit: "queue" } });
    expect(await Promise.all(busy)).toEqual(busy.map(() => "done"));
  }, 60_000);
});
