import { describe, expect, it } from "vitest";
import { queueClaimWrite } from "./claimWrites";

/** A fake server for one claim: If-Match must name its current version, as the real one checks. */
function claimServer(id: string, startVersion = 1) {
  let version = startVersion;
  const sent: number[] = [];
  return {
    sent,
    /** Someone else's write. */
    changeElsewhere: () => {
      version += 1;
    },
    write: async (ifMatch: number) => {
      sent.push(ifMatch);
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (ifMatch !== version) throw Object.assign(new Error("412"), { status: 412 });
      version += 1;
      return { id, version };
    },
  };
}

describe("queueClaimWrite", () => {
  it("sends a second change made while the first is on its way after it, on the version the first answered", async () => {
    const server = claimServer("claim-a");
    const seen = { id: "claim-a", version: 1 };
    const first = queueClaimWrite(seen, server.write, (answer) => answer.version);
    const second = queueClaimWrite(seen, server.write, (answer) => answer.version);
    await expect(first).resolves.toEqual({ id: "claim-a", version: 2 });
    await expect(second).resolves.toEqual({ id: "claim-a", version: 3 });
    expect(server.sent).toEqual([1, 2]);
  });

  it("still refuses a change when someone else changed the claim meanwhile", async () => {
    const server = claimServer("claim-b");
    const seen = { id: "claim-b", version: 1 };
    await queueClaimWrite(seen, server.write, (answer) => answer.version);
    server.changeElsewhere();
    await expect(queueClaimWrite(seen, server.write, (answer) => answer.version)).rejects.toThrow("412");
  });

  it("lets the next change try on its own after one is refused", async () => {
    const server = claimServer("claim-c", 5);
    const refused = queueClaimWrite({ id: "claim-c", version: 4 }, server.write, (answer) => answer.version);
    const next = queueClaimWrite({ id: "claim-c", version: 5 }, server.write, (answer) => answer.version);
    await expect(refused).rejects.toThrow("412");
    await expect(next).resolves.toEqual({ id: "claim-c", version: 6 });
  });

  it("keeps different claims' writes apart: one claim's slow write does not hold another's", async () => {
    const slow = claimServer("claim-d");
    const fast = claimServer("claim-e");
    const order: string[] = [];
    const a = queueClaimWrite(
      { id: "claim-d", version: 1 },
      async (v) => {
        await new Promise((resolve) => setTimeout(resolve, 60));
        order.push("d");
        return slow.write(v);
      },
      (answer) => answer.version,
    );
    const b = queueClaimWrite(
      { id: "claim-e", version: 1 },
      async (v) => {
        order.push("e");
        return fast.write(v);
      },
      (answer) => answer.version,
    );
    await Promise.all([a, b]);
    expect(order).toEqual(["e", "d"]);
  });
});
