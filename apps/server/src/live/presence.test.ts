import { describe, expect, it } from "vitest";
import { applyPresence, listViewers, onPresenceChange, PRESENCE_EXPIRY_MS, sweepPresence } from "./presence";

const tab = (articleId: string, connectionId: string, name: string) => ({
  articleId,
  connectionId,
  account: { id: `id-${name}`, name },
  claimId: null,
  isGone: false,
});

describe("presence", () => {
  it("drops a viewer whose server process stopped announcing it, and tells the article's streams", () => {
    const now = Date.now();
    applyPresence(tab("article-ghost", "tab-1", "Ana"), now);
    applyPresence(tab("article-ghost", "tab-2", "Bo"), now + PRESENCE_EXPIRY_MS - 1000);
    let told = 0;
    const stop = onPresenceChange("article-ghost", () => {
      told += 1;
    });
    sweepPresence(now + PRESENCE_EXPIRY_MS + 1);
    stop();
    expect(told).toBe(1);
    expect(listViewers("article-ghost", now + PRESENCE_EXPIRY_MS + 1).map((viewer) => viewer.name)).toEqual(["Bo"]);
  });

  it("lists each person once, with the claims their tabs are on", () => {
    applyPresence({ ...tab("article-two-tabs", "tab-a", "Ana"), claimId: "claim-1" });
    applyPresence({ ...tab("article-two-tabs", "tab-b", "Ana"), claimId: "claim-2" });
    expect(listViewers("article-two-tabs")).toEqual([{ id: "id-Ana", name: "Ana", claimIds: ["claim-1", "claim-2"] }]);
  });
});
