import { describe, expect, it } from "vitest";
import { withinTime } from "./timeLimit";

/** Holds the event loop, as a long synchronous task does (another process's run waited for, a big parse). */
function blockFor(timeMs: number): void {
  const until = Date.now() + timeMs;
  while (Date.now() < until) {
    // Busy.
  }
}

describe("a time limit on a query", () => {
  it("gives up work that never answers, once its time is up", async () => {
    const started = Date.now();
    await expect(withinTime(new Promise(() => {}), 200, "The query")).rejects.toThrow(
      "The query did not answer within 200 ms.",
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("does not count a time the event loop was held against the work", async () => {
    // Work that needs a few more turns of the loop to answer (a connection's handshake, a second query).
    const answer = (async () => {
      for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setImmediate(resolve));
      return "answered";
    })();
    const limited = withinTime(answer, 300, "The query");
    // Held longer than the limit, by work of this process's own: the query had no chance to answer meanwhile.
    blockFor(1000);
    expect(await limited).toBe("answered");
  });
});
