import { ZClaimList, ZLiveChange, ZLiveHello, ZLivePresence } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { createTestApp } from "../test/createTestApp";
import { readEventStream } from "../test/readEventStream";

const testApp = await createTestApp({ live: { refreshMs: 150 } });
const { db, request } = testApp;

async function open(articleId: string, options: { as?: "admin" | "reviewer" | "viewer"; lastEventId?: string } = {}) {
  const response = await request(
    "GET",
    `/api/articles/${articleId}/events`,
    undefined,
    { "Accept-Encoding": "gzip", ...(options.lastEventId ? { "Last-Event-ID": options.lastEventId } : {}) },
    { as: options.as ?? "admin" },
  );
  expect(response.status).toBe(200);
  const stream = readEventStream(response);
  const hello = ZLiveHello.parse((await stream.next("hello")).data);
  return { response, stream, hello };
}

describe("GET /api/articles/:id/events", () => {
  it("tells a viewer of every kind of change another reviewer makes, in change-number order", async () => {
    const article = await buildArticle(db);
    const { response, stream } = await open(article.id, { as: "viewer" });
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    // Compressing an event stream would hold events back in the compressor's buffer.
    expect(response.headers.get("content-encoding")).toBeNull();

    const claim = await buildClaim(db, article, "Iran sold");
    const other = await buildClaim(db, article, "totally unfounded");
    const asReviewer = { as: "reviewer" as const };
    await request("PATCH", `/api/claims/${claim.id}`, { verdict: "contradicted" }, { "If-Match": '"1"' }, asReviewer);
    await request("POST", `/api/articles/${article.id}/links`, {
      fromClaimId: claim.id,
      toClaimId: other.id,
      kind: "contradicts",
    });
    await request("POST", `/api/claims/${claim.id}/evidence`, { url: "https://example.org/a", stance: "contradicts" });
    const saved = await request(
      "PATCH",
      `/api/articles/${article.id}`,
      { title: "A new title" },
      { "If-Match": '"1"' },
    );
    expect(saved.status).toBe(200);

    const seen = [];
    for (let index = 0; index < 6; index += 1) seen.push(ZLiveChange.parse((await stream.next("change")).data));
    expect(seen.map((change) => change.actions)).toEqual([
      ["claim.created"],
      ["claim.created"],
      ["claim.verdict_changed"],
      ["link.added", "link.added"],
      ["evidence.added"],
      ["article.updated"],
    ]);
    const numbers = seen.map((change) => change.changeNumber);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(seen[2]).toMatchObject({ claimIds: [claim.id], by: { name: "Test reviewer" } });
    await stream.close();
  });

  it("resumes after Last-Event-ID with every change missed and none twice", async () => {
    const article = await buildArticle(db);
    const first = await open(article.id);
    await buildClaim(db, article, "Iran sold");
    const seenChange = await first.stream.next("change");
    await first.stream.close();

    // Changes made while the tab was offline.
    const missed = [await buildClaim(db, article, "limited number"), await buildClaim(db, article, "Robert Malley")];
    const again = await open(article.id, { lastEventId: seenChange.id as string });
    const resumed = [await again.stream.next("change"), await again.stream.next("change")];
    expect(resumed.map((event) => ZLiveChange.parse(event.data).claimIds)).toEqual(missed.map((claim) => [claim.id]));
    expect(resumed.map((event) => Number(event.id))).toEqual([Number(seenChange.id) + 1, Number(seenChange.id) + 2]);
    await expect(again.stream.next("change", 400)).rejects.toThrow(/No "change" event/);
    await again.stream.close();
  });

  it("shows who else has the article open and the claim each is on, and forgets a closed tab", async () => {
    const article = await buildArticle(db);
    const claim = await buildClaim(db, article, "Iran sold");
    const admin = await open(article.id);
    const reviewer = await open(article.id, { as: "reviewer" });
    const both = async () => {
      for (;;) {
        const { viewers } = ZLivePresence.parse((await admin.stream.next("presence")).data);
        if (viewers.length === 2) return viewers;
      }
    };
    expect((await both()).map((viewer) => viewer.name)).toEqual(["Local reviewer", "Test reviewer"]);

    const told = await request(
      "POST",
      `/api/articles/${article.id}/presence`,
      { connectionId: reviewer.hello.connectionId, claimId: claim.id },
      {},
      { as: "reviewer" },
    );
    expect(told.status).toBe(204);
    for (;;) {
      const { viewers } = ZLivePresence.parse((await admin.stream.next("presence")).data);
      if (viewers.find((viewer) => viewer.name === "Test reviewer")?.claimIds[0] === claim.id) break;
    }
    // Not a claim of this article, or a field the body does not have: refused, nothing announced.
    for (const body of [
      { connectionId: reviewer.hello.connectionId, claimId: "not-a-claim" },
      { connectionId: reviewer.hello.connectionId, claimId: null, account: { id: "someone-else" } },
    ]) {
      const refused = await request("POST", `/api/articles/${article.id}/presence`, body, {}, { as: "reviewer" });
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(refused.status).toBeLessThan(500);
    }
    // Another account cannot speak for that tab.
    const forged = await request("POST", `/api/articles/${article.id}/presence`, {
      connectionId: reviewer.hello.connectionId,
      claimId: null,
    });
    expect(forged.status).toBe(404);

    await reviewer.stream.close();
    for (;;) {
      const { viewers } = ZLivePresence.parse((await admin.stream.next("presence")).data);
      if (viewers.length === 1) break;
    }
    await admin.stream.close();
  });

  it("closes the stream of a session that signed out", async () => {
    const article = await buildArticle(db);
    const { stream } = await open(article.id, { as: "reviewer" });
    const cookie = await testApp.cookieFor("reviewer");
    expect((await request("POST", "/api/auth/logout", undefined, { cookie })).status).toBeLessThan(300);
    await stream.next("signed-out");
    await expect(stream.next("change", 500)).rejects.toThrow(/ended/);
  });

  it("sends exactly one change per write: a save that changes nothing takes no change number and keeps the version", async () => {
    const article = await buildArticle(db);
    const claim = await buildClaim(db, article, "Iran sold", { verdict: "supported" });
    const evidence = await request("POST", `/api/claims/${claim.id}/evidence`, {
      url: "https://example.org/a",
      stance: "supports",
    });
    const stored = await evidence.json();
    const { stream } = await open(article.id);
    const same = await request("PATCH", `/api/claims/${claim.id}`, { verdict: "supported" }, { "If-Match": '"1"' });
    expect(same.status).toBe(200);
    expect(same.headers.get("ETag")).toBe('"1"');
    const sameEvidence = await request(
      "PATCH",
      `/api/evidence/${stored.id}`,
      { stance: "supports" },
      { "If-Match": '"1"' },
    );
    expect(sameEvidence.status).toBe(200);
    expect(sameEvidence.headers.get("ETag")).toBe('"1"');
    const changed = await request(
      "PATCH",
      `/api/claims/${claim.id}`,
      { verdict: "contradicted" },
      { "If-Match": '"1"' },
    );
    expect(changed.status).toBe(200);
    const { changeNumber, actions } = ZLiveChange.parse((await stream.next("change")).data);
    expect(actions).toEqual(["claim.verdict_changed"]);
    const { cursor } = ZClaimList.parse(await (await request("GET", `/api/articles/${article.id}/claims`)).json());
    expect(changeNumber).toBe(cursor);
    await stream.close();
  });

  it("names the change it starts from in hello's id, so a reconnecting EventSource misses nothing", async () => {
    const article = await buildArticle(db);
    const { stream } = await open(article.id);
    await stream.close();
    const response = await request("GET", `/api/articles/${article.id}/events`);
    const again = readEventStream(response);
    const hello = await again.next("hello");
    expect(hello.id).toBe(String(ZLiveHello.parse(hello.data).changeNumber));
    await again.close();
  });

  it("refuses an anonymous stream with 401 and an unknown article with 404", async () => {
    const article = await buildArticle(db);
    expect(
      (await request("GET", `/api/articles/${article.id}/events`, undefined, {}, { as: "anonymous" })).status,
    ).toBe(401);
    expect((await request("GET", "/api/articles/no-such-article/events")).status).toBe(404);
    expect((await request("GET", `/api/articles/${article.id}/events?since=abc`)).status).toBe(400);
  });
});
