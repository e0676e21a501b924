import { ZEvidence, ZEvidenceList } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { buildEvidence } from "../test/buildEvidence";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";
import { sendWhileArticleLocked } from "../test/sendWhileArticleLocked";

const { db, request } = await createTestApp();
const article = await buildArticle(db);

const NEW_EVIDENCE = {
  url: "https://www.theguardian.com/world/iran-drones",
  title: "  Iran says it sent drones to Russia before the war ",
  excerpt: "Iran's foreign minister said the drones were sent months before the invasion.",
  stance: "contradicts",
};

async function buildEvidenceClaim() {
  const claim = await buildClaim(db, article, "a limited number of drones");
  return { claim, evidenceUrl: `/api/claims/${claim.id}/evidence` };
}

async function listEvidence(claimId: string) {
  const response = await request("GET", `/api/claims/${claimId}/evidence`);
  expect(response.status).toBe(200);
  return ZEvidenceList.parse(await response.json()).items;
}

describe("POST /api/claims/:id/evidence", () => {
  it("attaches a source to a claim and records it in the claim's history", async () => {
    const { claim, evidenceUrl } = await buildEvidenceClaim();
    const response = await request("POST", evidenceUrl, NEW_EVIDENCE);
    expect(response.status).toBe(201);
    const evidence = ZEvidence.parse(await response.json());
    expect(evidence).toMatchObject({
      claimId: claim.id,
      url: NEW_EVIDENCE.url,
      title: "Iran says it sent drones to Russia before the war",
      excerpt: NEW_EVIDENCE.excerpt,
      stance: "contradicts",
      version: 1,
    });
    expect(response.headers.get("ETag")).toBe('"1"');
    expect(response.headers.get("Location")).toBe(`/api/evidence/${evidence.id}`);
    const events = await db.event.findMany({ where: { claimId: claim.id, action: "evidence.added" } });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.to ?? "null")).toMatchObject({ evidenceId: evidence.id, url: NEW_EVIDENCE.url });
  });

  it("takes a URL alone with its stance", async () => {
    const { evidenceUrl } = await buildEvidenceClaim();
    const response = await request("POST", evidenceUrl, { url: "http://example.org/a?b=c#d", stance: "context" });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ title: null, excerpt: null, stance: "context" });
  });

  describe("bad input changes nothing", () => {
    for (const [name, url] of [
      ["a javascript: URL", "javascript:alert(document.cookie)"],
      ["a javascript: URL in disguise", " JaVaScRiPt:alert(1)"],
      ["a data: URL", "data:text/html,<script>alert(1)</script>"],
      ["a URL with no scheme", "www.reuters.com/world/iran-drones"],
      ["a relative URL", "/world/iran-drones"],
      ["an ftp: URL", "ftp://example.com/file"],
      ["a URL with no host", "https://"],
    ] as const) {
      it(`rejects ${name}`, async () => {
        const { evidenceUrl } = await buildEvidenceClaim();
        const response = await expectUnchanged(db, () => request("POST", evidenceUrl, { ...NEW_EVIDENCE, url }));
        const error = await expectApiError(response, 400, "VALIDATION_FAILED");
        expect(error.details).toMatchObject({ issues: [{ path: "url" }] });
      });
    }

    it("rejects an over-long excerpt", async () => {
      const { evidenceUrl } = await buildEvidenceClaim();
      const response = await expectUnchanged(db, () =>
        request("POST", evidenceUrl, { ...NEW_EVIDENCE, excerpt: "x".repeat(5001) }),
      );
      const error = await expectApiError(response, 400, "VALIDATION_FAILED");
      expect(error.details).toMatchObject({ issues: [{ path: "excerpt" }] });
    });

    it("rejects an unknown stance", async () => {
      const { evidenceUrl } = await buildEvidenceClaim();
      const response = await expectUnchanged(db, () =>
        request("POST", evidenceUrl, { ...NEW_EVIDENCE, stance: "refutes" }),
      );
      await expectApiError(response, 400, "VALIDATION_FAILED");
    });

    it("rejects a missing URL", async () => {
      const { evidenceUrl } = await buildEvidenceClaim();
      const response = await expectUnchanged(db, () => request("POST", evidenceUrl, { stance: "supports" }));
      await expectApiError(response, 400, "VALIDATION_FAILED");
    });

    it("rejects evidence on a claim that does not exist", async () => {
      const response = await expectUnchanged(db, () => request("POST", "/api/claims/missing/evidence", NEW_EVIDENCE));
      await expectApiError(response, 404, "NOT_FOUND");
    });

    it("rejects evidence on a deleted claim", async () => {
      const { claim, evidenceUrl } = await buildEvidenceClaim();
      await request("DELETE", `/api/claims/${claim.id}`);
      const response = await expectUnchanged(db, () => request("POST", evidenceUrl, NEW_EVIDENCE));
      await expectApiError(response, 404, "NOT_FOUND");
    });

    it("rejects a body that is not application/json with 415", async () => {
      const { evidenceUrl } = await buildEvidenceClaim();
      const response = await expectUnchanged(db, () =>
        request("POST", evidenceUrl, JSON.stringify(NEW_EVIDENCE), { "content-type": "text/plain" }),
      );
      await expectApiError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    });
  });
});

describe("GET /api/claims/:id/evidence", () => {
  it("lists the claim's live evidence oldest first", async () => {
    const { claim } = await buildEvidenceClaim();
    const first = await buildEvidence(db, claim, { stance: "supports" });
    const removed = await buildEvidence(db, claim);
    const second = await buildEvidence(db, claim, { stance: "context" });
    await request("DELETE", `/api/evidence/${removed.id}`);
    expect((await listEvidence(claim.id)).map((item) => item.id)).toEqual([first.id, second.id]);
  });

  it("answers 404 for a claim that does not exist", async () => {
    await expectApiError(await request("GET", "/api/claims/missing/evidence"), 404, "NOT_FOUND");
  });
});

describe("GET /api/evidence/:id", () => {
  it("answers one piece of evidence with its ETag", async () => {
    const { claim } = await buildEvidenceClaim();
    const evidence = await buildEvidence(db, claim);
    const response = await request("GET", `/api/evidence/${evidence.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("ETag")).toBe('"1"');
    expect(ZEvidence.parse(await response.json())).toEqual(evidence);
  });
});

describe("PATCH /api/evidence/:id", () => {
  it("changes evidence when If-Match names the current version and records from and to", async () => {
    const { claim } = await buildEvidenceClaim();
    const evidence = await buildEvidence(db, claim);
    const response = await request(
      "PATCH",
      `/api/evidence/${evidence.id}`,
      { stance: "supports", title: "" },
      { "If-Match": '"1"' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("ETag")).toBe('"2"');
    expect(ZEvidence.parse(await response.json())).toMatchObject({ stance: "supports", title: null, version: 2 });
    expect((await listEvidence(claim.id))[0]).toMatchObject({ stance: "supports", title: null, version: 2 });
    const [event] = await db.event.findMany({ where: { claimId: claim.id, action: "evidence.updated" } });
    expect(JSON.parse(event?.from ?? "null")).toEqual({
      evidenceId: evidence.id,
      stance: "contradicts",
      title: evidence.title,
    });
    expect(JSON.parse(event?.to ?? "null")).toEqual({ evidenceId: evidence.id, stance: "supports", title: null });
  });

  it("rejects a stale If-Match with 412 and the current evidence", async () => {
    const { claim } = await buildEvidenceClaim();
    const evidence = await buildEvidence(db, claim);
    await request("PATCH", `/api/evidence/${evidence.id}`, { stance: "context" }, { "If-Match": '"1"' });
    const response = await expectUnchanged(db, () =>
      request("PATCH", `/api/evidence/${evidence.id}`, { stance: "supports" }, { "If-Match": '"1"' }),
    );
    const error = await expectApiError(response, 412, "PRECONDITION_FAILED");
    expect(error.details).toMatchObject({ current: { id: evidence.id, stance: "context", version: 2 } });
  });

  it("rejects a change without If-Match with 428", async () => {
    const { claim } = await buildEvidenceClaim();
    const evidence = await buildEvidence(db, claim);
    const response = await expectUnchanged(db, () =>
      request("PATCH", `/api/evidence/${evidence.id}`, { stance: "supports" }),
    );
    await expectApiError(response, 428, "PRECONDITION_REQUIRED");
  });

  it("rejects a javascript: URL", async () => {
    const { claim } = await buildEvidenceClaim();
    const evidence = await buildEvidence(db, claim);
    const response = await expectUnchanged(db, () =>
      request("PATCH", `/api/evidence/${evidence.id}`, { url: "javascript:alert(1)" }, { "If-Match": '"1"' }),
    );
    await expectApiError(response, 400, "VALIDATION_FAILED");
  });

  it("rejects an over-long excerpt", async () => {
    const { claim } = await buildEvidenceClaim();
    const evidence = await buildEvidence(db, claim);
    const response = await expectUnchanged(db, () =>
      request("PATCH", `/api/evidence/${evidence.id}`, { excerpt: "x".repeat(5001) }, { "If-Match": '"1"' }),
    );
    await expectApiError(response, 400, "VALIDATION_FAILED");
  });

  it("answers 404 for evidence that does not exist", async () => {
    const response = await expectUnchanged(db, () =>
      request("PATCH", "/api/evidence/missing", { stance: "supports" }, { "If-Match": '"1"' }),
    );
    await expectApiError(response, 404, "NOT_FOUND");
  });
});

describe("DELETE /api/evidence/:id and restore", () => {
  it("removes evidence, records it, and restores it", async () => {
    const { claim } = await buildEvidenceClaim();
    const evidence = await buildEvidence(db, claim);
    const removed = await request("DELETE", `/api/evidence/${evidence.id}`);
    expect(removed.status).toBe(200);
    expect(await removed.json()).toMatchObject({ id: evidence.id, version: 2 });
    expect(await listEvidence(claim.id)).toEqual([]);
    await expectApiError(await request("GET", `/api/evidence/${evidence.id}`), 404, "NOT_FOUND");
    expect(await db.event.count({ where: { claimId: claim.id, action: "evidence.removed" } })).toBe(1);

    const restored = await request("POST", `/api/evidence/${evidence.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.headers.get("ETag")).toBe('"3"');
    expect((await listEvidence(claim.id)).map((item) => item.id)).toEqual([evidence.id]);
  });

  it("rejects a stale If-Match with 412", async () => {
    const { claim } = await buildEvidenceClaim();
    const evidence = await buildEvidence(db, claim);
    const response = await expectUnchanged(db, () =>
      request("DELETE", `/api/evidence/${evidence.id}`, undefined, { "If-Match": '"4"' }),
    );
    await expectApiError(response, 412, "PRECONDITION_FAILED");
  });

  it("answers 404 for removing evidence twice, and 409 for restoring live evidence", async () => {
    const { claim } = await buildEvidenceClaim();
    const evidence = await buildEvidence(db, claim);
    const live = await expectUnchanged(db, () => request("POST", `/api/evidence/${evidence.id}/restore`));
    await expectApiError(live, 409, "CONFLICT");
    await request("DELETE", `/api/evidence/${evidence.id}`);
    const twice = await expectUnchanged(db, () => request("DELETE", `/api/evidence/${evidence.id}`));
    await expectApiError(twice, 404, "NOT_FOUND");
  });
});

describe("evidence written as its claim or article is deleted", () => {
  it.each([
    { deleted: "claim", steps: ["change", "remove"], what: "changing or removing evidence" },
    { deleted: "article", steps: ["add", "change", "remove"], what: "adding, changing or removing evidence" },
  ] as const)(
    "sees a deletion of its $deleted committed by a write it waited for: $what is 404, storing nothing",
    async ({ deleted, steps }) => {
      for (const step of steps) {
        const own = await buildArticle(db);
        const claim = await buildClaim(db, own, "a limited number of drones");
        const evidence = await buildEvidence(db, claim);
        const send = () =>
          step === "add"
            ? request("POST", `/api/claims/${claim.id}/evidence`, NEW_EVIDENCE)
            : step === "change"
              ? request("PATCH", `/api/evidence/${evidence.id}`, { stance: "supports" }, { "If-Match": '"1"' })
              : request("DELETE", `/api/evidence/${evidence.id}`);
        const response = await sendWhileArticleLocked(db, own.id, send, (tx) =>
          deleted === "claim"
            ? tx.claim.update({ where: { id: claim.id }, data: { deletedAt: new Date(), version: { increment: 1 } } })
            : tx.article.update({ where: { id: own.id }, data: { deletedAt: new Date() } }),
        );
        expect(response.status, step).toBe(404);
        const stored = await db.evidence.findMany({ where: { claimId: claim.id } });
        expect(
          stored.map((row) => ({ version: row.version, deletedAt: row.deletedAt })),
          step,
        ).toEqual([{ version: 1, deletedAt: null }]);
      }
    },
  );
});
