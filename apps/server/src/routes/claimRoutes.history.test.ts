import { type Claim, ZClaimHistory, ZEvidenceList, ZLinkList, ZUndoResult } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { buildEvidence } from "../test/buildEvidence";
import { buildLink } from "../test/buildLink";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";
import { sendWhileArticleLocked } from "../test/sendWhileArticleLocked";

const { db, request } = await createTestApp();

async function buildPair() {
  const article = await buildArticle(db);
  const limited = await buildClaim(db, article, "a limited number of drones");
  const dozens = await buildClaim(db, article, "transferred dozens just this summer");
  return { article, limited, dozens };
}

async function readHistory(claimId: string) {
  const response = await request("GET", `/api/claims/${claimId}/history`);
  expect(response.status).toBe(200);
  return ZClaimHistory.parse(await response.json());
}

async function undo(claimId: string, body?: unknown, headers?: Record<string, string>) {
  return request("POST", `/api/claims/${claimId}/history/undo`, body, headers);
}

async function undoOk(claimId: string) {
  const response = await undo(claimId);
  expect(response.status).toBe(200);
  return ZUndoResult.parse(await response.json());
}

async function patchClaim(claim: Pick<Claim, "id">, change: Record<string, unknown>) {
  const current = await request("GET", `/api/claims/${claim.id}`);
  const response = await request("PATCH", `/api/claims/${claim.id}`, change, {
    "If-Match": current.headers.get("ETag") ?? "",
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Claim;
}

async function linksOf(articleId: string) {
  return ZLinkList.parse(await (await request("GET", `/api/articles/${articleId}/links`)).json()).items;
}

async function evidenceOf(claimId: string) {
  return ZEvidenceList.parse(await (await request("GET", `/api/claims/${claimId}/evidence`)).json()).items;
}

describe("GET /api/claims/:id/history", () => {
  it("lists every change newest first, with who, when, from and to", async () => {
    const { limited, dozens } = await buildPair();
    await patchClaim(limited, { verdict: "contradicted", speaker: "Hossein Amir-Abdollahian" });
    await patchClaim(limited, { rationale: "Malley says dozens were sent this summer." });
    const evidence = await buildEvidence(db, limited);
    await request("DELETE", `/api/evidence/${evidence.id}`);
    const link = await buildLink(db, limited, dozens);
    await request("DELETE", `/api/links/${link.id}`);
    await request("DELETE", `/api/claims/${limited.id}`);
    await request("POST", `/api/claims/${limited.id}/restore`);

    const history = await readHistory(limited.id);
    expect(history.items.map((event) => event.action)).toEqual([
      "claim.restored",
      "claim.deleted",
      "link.removed",
      "link.added",
      "evidence.removed",
      "evidence.added",
      "claim.rationale_changed",
      "claim.speaker_changed",
      "claim.verdict_changed",
      "claim.created",
    ]);
    const byAction = Object.fromEntries(history.items.map((event) => [event.action, event]));
    expect(byAction["claim.verdict_changed"]).toMatchObject({ from: "unverified", to: "contradicted" });
    expect(byAction["claim.speaker_changed"]).toMatchObject({ from: null, to: "Hossein Amir-Abdollahian" });
    expect(byAction["claim.rationale_changed"]).toMatchObject({
      from: "",
      to: "Malley says dozens were sent this summer.",
    });
    expect(byAction["evidence.removed"]).toMatchObject({ from: { evidenceId: evidence.id, url: evidence.url } });
    expect(byAction["link.removed"]).toMatchObject({ from: { linkId: link.id, otherClaimId: dozens.id } });
    for (const event of history.items) {
      expect(event).toMatchObject({ claimId: limited.id, by: { id: "local-reviewer", name: "Local reviewer" } });
      expect(event.isUndone).toBe(false);
    }
    expect(history.undoableEventId).toBe(history.items[0]?.id);
  });

  it("keeps the history of a deleted claim, where its deletion can be undone", async () => {
    const { limited } = await buildPair();
    await request("DELETE", `/api/claims/${limited.id}`);
    const history = await readHistory(limited.id);
    expect(history.items[0]?.action).toBe("claim.deleted");
    expect(history.undoableEventId).toBe(history.items[0]?.id);
  });

  it("offers nothing to undo on a claim that was only created", async () => {
    const { limited } = await buildPair();
    expect((await readHistory(limited.id)).undoableEventId).toBeNull();
  });

  it("answers 404 for a claim that does not exist", async () => {
    await expectApiError(await request("GET", "/api/claims/missing/history"), 404, "NOT_FOUND");
  });
});

describe("POST /api/claims/:id/history/undo", () => {
  it("puts a verdict back and records the undo", async () => {
    const { limited } = await buildPair();
    await patchClaim(limited, { verdict: "contradicted" });
    const result = await undoOk(limited.id);
    expect(result.undone).toMatchObject({ action: "claim.verdict_changed", isUndone: true });
    expect(result.event).toMatchObject({
      action: "claim.undone",
      claimId: limited.id,
      from: { eventId: result.undone.id, action: "claim.verdict_changed" },
    });
    expect(result.claim).toMatchObject({ verdict: "unverified", version: 3 });
    expect(await (await request("GET", `/api/claims/${limited.id}`)).json()).toMatchObject({
      verdict: "unverified",
      version: 3,
    });
    const history = await readHistory(limited.id);
    expect(history.items[0]?.action).toBe("claim.undone");
    expect(history.items.find((event) => event.id === result.undone.id)?.isUndone).toBe(true);
    expect(history.undoableEventId).toBeNull();
  });

  it("walks back through several changes, newest first", async () => {
    const { limited } = await buildPair();
    await patchClaim(limited, { verdict: "supported" });
    await patchClaim(limited, { speaker: "Robert Malley" });
    await patchClaim(limited, { verdict: "contradicted" });
    await patchClaim(limited, { rationale: "<p>See the envoy's briefing.</p>" });
    expect((await undoOk(limited.id)).claim.rationale).toBe("");
    expect((await undoOk(limited.id)).claim.verdict).toBe("supported");
    expect((await undoOk(limited.id)).claim.speaker).toBeNull();
    expect((await undoOk(limited.id)).claim.verdict).toBe("unverified");
    const nothing = await expectUnchanged(db, () => undo(limited.id));
    await expectApiError(nothing, 409, "CONFLICT");
  });

  it("removes a link that was added, on both sides", async () => {
    const { article, limited, dozens } = await buildPair();
    await buildLink(db, limited, dozens);
    const result = await undoOk(dozens.id);
    expect(result.undone.action).toBe("link.added");
    expect(await linksOf(article.id)).toEqual([]);
    const other = await readHistory(limited.id);
    expect(other.items[0]).toMatchObject({ action: "link.removed" });
  });

  it("brings back a link that was removed", async () => {
    const { article, limited, dozens } = await buildPair();
    const link = await buildLink(db, limited, dozens);
    await request("DELETE", `/api/links/${link.id}`);
    expect((await undoOk(limited.id)).undone.action).toBe("link.removed");
    expect(await linksOf(article.id)).toEqual([link]);
  });

  it("removes evidence that was added and brings back evidence that was removed", async () => {
    const { limited } = await buildPair();
    const kept = await buildEvidence(db, limited);
    await request("DELETE", `/api/evidence/${kept.id}`);
    const added = await buildEvidence(db, limited, { stance: "supports" });
    expect((await undoOk(limited.id)).undone.action).toBe("evidence.added");
    expect(await evidenceOf(limited.id)).toEqual([]);
    expect((await undoOk(limited.id)).undone.action).toBe("evidence.removed");
    expect((await evidenceOf(limited.id)).map((item) => item.id)).toEqual([kept.id]);
    expect(added.id).not.toBe(kept.id);
  });

  it("puts evidence fields back after an edit", async () => {
    const { limited } = await buildPair();
    const evidence = await buildEvidence(db, limited);
    await request("PATCH", `/api/evidence/${evidence.id}`, { stance: "context", excerpt: null }, { "If-Match": '"1"' });
    expect((await undoOk(limited.id)).undone.action).toBe("evidence.updated");
    expect((await evidenceOf(limited.id))[0]).toMatchObject({
      stance: evidence.stance,
      excerpt: evidence.excerpt,
      version: 3,
    });
  });

  it("restores a deleted claim with its links and evidence", async () => {
    const { article, limited, dozens } = await buildPair();
    const link = await buildLink(db, limited, dozens);
    const evidence = await buildEvidence(db, limited);
    await request("DELETE", `/api/claims/${limited.id}`);
    expect(await linksOf(article.id)).toEqual([]);
    const result = await undoOk(limited.id);
    expect(result.undone.action).toBe("claim.deleted");
    expect((await request("GET", `/api/claims/${limited.id}`)).status).toBe(200);
    expect(await linksOf(article.id)).toEqual([link]);
    expect(await evidenceOf(limited.id)).toEqual([evidence]);
  });

  it("refuses with 409 when the change named by eventId is no longer the last", async () => {
    const { limited } = await buildPair();
    await patchClaim(limited, { verdict: "supported" });
    const seen = (await readHistory(limited.id)).undoableEventId;
    await patchClaim(limited, { verdict: "contradicted" });
    const response = await expectUnchanged(db, () => undo(limited.id, { eventId: seen }));
    const error = await expectApiError(response, 409, "CONFLICT");
    expect(error.details).toMatchObject({ undoableEventId: expect.any(String) });
    const latest = (await readHistory(limited.id)).undoableEventId;
    expect((await undo(limited.id, { eventId: latest })).status).toBe(200);
  });

  it("refuses with 412 when If-Match names a stale version of the claim", async () => {
    const { limited } = await buildPair();
    await patchClaim(limited, { verdict: "supported" });
    const response = await expectUnchanged(db, () => undo(limited.id, undefined, { "If-Match": '"1"' }));
    const error = await expectApiError(response, 412, "PRECONDITION_FAILED");
    expect(error.details).toMatchObject({ current: { id: limited.id, version: 2 } });
  });

  it("sees what a write it waited for committed: its article deleted (404), a newer version (412, the claim as it is now), storing nothing", async () => {
    for (const change of ["article deleted", "claim changed"] as const) {
      const { article, limited } = await buildPair();
      const changed = await patchClaim(limited, { verdict: "contradicted" });
      const response = await sendWhileArticleLocked(
        db,
        article.id,
        () => undo(limited.id, undefined, { "If-Match": `"${changed.version}"` }),
        (tx) =>
          change === "article deleted"
            ? tx.article.update({ where: { id: article.id }, data: { deletedAt: new Date() } })
            : tx.claim.update({
                where: { id: limited.id },
                data: { rationale: "Changed meanwhile.", version: { increment: 1 } },
              }),
      );
      if (change === "article deleted") {
        await expectApiError(response, 404, "NOT_FOUND");
      } else {
        const error = await expectApiError(response, 412, "PRECONDITION_FAILED");
        expect(error.details, change).toMatchObject({
          current: { id: limited.id, version: changed.version + 1, rationale: "Changed meanwhile." },
        });
      }
      const stored = await db.claim.findUniqueOrThrow({ where: { id: limited.id } });
      expect({ verdict: stored.verdict, deletedAt: stored.deletedAt }, change).toEqual({
        verdict: "contradicted",
        deletedAt: null,
      });
      expect(await db.event.count({ where: { claimId: limited.id, action: "claim.undone" } }), change).toBe(0);
    }
  });

  it("refuses with 422 to bring back a link whose other claim was deleted since", async () => {
    const { limited, dozens } = await buildPair();
    const link = await buildLink(db, limited, dozens);
    await request("DELETE", `/api/links/${link.id}`);
    await request("DELETE", `/api/claims/${dozens.id}`);
    const response = await expectUnchanged(db, () => undo(limited.id));
    const error = await expectApiError(response, 422, "UNPROCESSABLE");
    expect(error.details).toMatchObject({ reason: "claim_deleted", claimId: dozens.id });
  });

  it("rejects an unknown field", async () => {
    const { limited } = await buildPair();
    await patchClaim(limited, { verdict: "supported" });
    const response = await expectUnchanged(db, () => undo(limited.id, { steps: 2 }));
    await expectApiError(response, 400, "VALIDATION_FAILED");
  });

  it("answers 404 for a claim that does not exist", async () => {
    await expectApiError(await undo("missing"), 404, "NOT_FOUND");
  });
});

describe("deleting and restoring a claim", () => {
  it("hides its links and evidence, and restoring brings them all back", async () => {
    const { article, limited, dozens } = await buildPair();
    const link = await buildLink(db, limited, dozens);
    const evidence = await buildEvidence(db, limited);
    const deleted = await request("DELETE", `/api/claims/${limited.id}`);
    expect(deleted.status).toBe(200);
    expect(await linksOf(article.id)).toEqual([]);
    await expectApiError(await request("GET", `/api/claims/${limited.id}/evidence`), 404, "NOT_FOUND");
    await expectApiError(await request("GET", `/api/evidence/${evidence.id}`), 404, "NOT_FOUND");
    await expectApiError(await request("DELETE", `/api/links/${link.id}`), 404, "NOT_FOUND");
    expect(await db.link.count({ where: { id: link.id, deletedAt: null } })).toBe(1);

    const restored = await request("POST", `/api/claims/${limited.id}/restore`);
    expect(restored.status).toBe(200);
    expect(await linksOf(article.id)).toEqual([link]);
    expect(await evidenceOf(limited.id)).toEqual([evidence]);
  });
});
