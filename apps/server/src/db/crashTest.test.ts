import { expect, it } from "vitest";
import { runCrashTest } from "../../../../scripts/crash-test";

it("a server killed with SIGKILL mid-burst loses no acknowledged write and leaves a sound file", async () => {
  const result = await runCrashTest({ writes: 150, concurrency: 16, killAfter: 50 });
  console.log(
    `Crash test (small burst): ${result.acknowledged} acknowledged of ${result.sent}, ${result.present} present after restart, ` +
      `${result.lost.length} lost, integrity_check ${result.integrity}.`,
  );
  expect(result.acknowledged).toBeGreaterThanOrEqual(50);
  expect(result.unacknowledged).toBeGreaterThan(0);
  expect(result.lost).toEqual([]);
  expect(result.integrity).toBe("ok");
}, 120_000);
