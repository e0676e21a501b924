import { ZContradictionList, ZEventList, ZLink, ZLinkList } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { buildLink } from "../test/buildLink";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";

const { db, request } = await createTestApp();

/** A fresh article with the three statements that cannot all be true. */
async function buildThreeClaims() {
  const article = await buildArticle(db);
  const limited = await buildClaim(db, article, "Iran sold a limited number of drones months before the Ukraine war", {
    speaker: "Hossein Amir-Abdollahian",
    verdict: "contradicted",
  });
  const dozens = await buildClaim(db, article, "Iran transferred dozens just this summer", {
    speaker: "Robert Malley",
    verdict: "supported",
  });
  const unfounded = await buildClaim(db, article, "any support for Russia totally unfounded", {
    speaker: "Amir Saeid Iravani",
  });
  return { article, limited, dozens, unfounded, linksUrl: `/api/articles/${article.id}/links` };
}

async function listLinks(articleId: string) {
  const response = await request("GET", `/api/articles/${articleId}/links`);
  expect(response.status).toBe(200);
  return ZLinkList.parse(await response.json()).items;
}

describe("POST /api/articles/:id/links", () => {
  it("links two claims and records it in both claims' history", async () => {
    const { linksUrl, limited, dozens } = await buildThreeClaims();
    const response = await request("POST", linksUrl, {
      fromClaimId: limited.id,
      toClaimId: dozens.id,
      kind: "contradicts",
      note: "Months before the war vs. this summer",
    });
    expect(response.status).toBe(201);
    const link = ZLink.parse(await response.json());
    expect(link).toMatchObject({
      articleId: limited.articleId,
      fromClaimId: limited.id,
      toClaimId: dozens.id,
      kind: "contradicts",
      note: "Months before the war vs. this summer",
      createdBy: { id: "local-reviewer" },
    });
    expect(response.headers.get("Location")).toBe(`/api/links/${link.id}`);

    for (const [claim, other] of [
      [limited, dozens],
      [dozens, limited],
    ] as const) {
      const history = ZEventList.parse(await (await request("GET", `/api/claims/${claim.id}/history`)).json());
      expect(history.items[0]).toMatchObject({
        action: "link.added",
        claimId: claim.id,
        to: { linkId: link.id, kind: "contradicts", otherClaimId: other.id, otherQuote: other.selectors.quote.exact },
      });
    }
  });

  it("allows a supports link beside a contradicts link on the same pair", async () => {
    const { linksUrl, limited, dozens } = await buildThreeClaims();
    await buildLink(db, limited, dozens, "contradicts");
    const response = await request("POST", linksUrl, {
      fromClaimId: limited.id,
      toClaimId: dozens.id,
      kind: "supports",
    });
    expect(response.status).toBe(201);
  });

  describe("bad input changes nothing", () => {
    it("rejects a link of a claim to itself", async () => {
      const { linksUrl, limited } = await buildThreeClaims();
      const response = await expectUnchanged(db, () =>
        request("POST", linksUrl, { fromClaimId: limited.id, toClaimId: limited.id, kind: "contradicts" }),
      );
      const error = await expectApiError(response, 422, "UNPROCESSABLE");
      expect(error.message).toContain("itself");
      expect(error.details).toMatchObject({ reason: "self_link" });
    });

    it("rejects a link to a claim of another article", async () => {
      const { linksUrl, limited } = await buildThreeClaims();
      const elsewhere = await buildThreeClaims();
      const response = await expectUnchanged(db, () =>
        request("POST", linksUrl, { fromClaimId: limited.id, toClaimId: elsewhere.dozens.id, kind: "contradicts" }),
      );
      const error = await expectApiError(response, 422, "UNPROCESSABLE");
      expect(error.details).toMatchObject({ reason: "claim_not_in_article", field: "toClaimId" });
    });

    it("rejects a link to a claim that does not exist", async () => {
      const { linksUrl, limited } = await buildThreeClaims();
      const response = await expectUnchanged(db, () =>
        request("POST", linksUrl, { fromClaimId: "no-such-claim", toClaimId: limited.id, kind: "supports" }),
      );
      const error = await expectApiError(response, 422, "UNPROCESSABLE");
      expect(error.details).toMatchObject({ reason: "claim_not_in_article", field: "fromClaimId" });
    });

    it("rejects a link to a deleted claim", async () => {
      const { linksUrl, limited, dozens } = await buildThreeClaims();
      await request("DELETE", `/api/claims/${dozens.id}`);
      const response = await expectUnchanged(db, () =>
        request("POST", linksUrl, { fromClaimId: limited.id, toClaimId: dozens.id, kind: "contradicts" }),
      );
      const error = await expectApiError(response, 422, "UNPROCESSABLE");
      expect(error.details).toMatchObject({ reason: "claim_deleted", claimId: dozens.id });
    });

    it("rejects a duplicate link with 409 and the link already there", async () => {
      const { linksUrl, limited, dozens } = await buildThreeClaims();
      const existing = await buildLink(db, limited, dozens, "contradicts");
      const response = await expectUnchanged(db, () =>
        request("POST", linksUrl, { fromClaimId: limited.id, toClaimId: dozens.id, kind: "contradicts" }),
      );
      const error = await expectApiError(response, 409, "CONFLICT");
      expect(error.details).toMatchObject({ current: { id: existing.id } });
    });

    it("rejects a duplicate link in the other direction with 409", async () => {
      const { linksUrl, limited, dozens } = await buildThreeClaims();
      await buildLink(db, limited, dozens, "contradicts");
      const response = await expectUnchanged(db, () =>
        request("POST", linksUrl, { fromClaimId: dozens.id, toClaimId: limited.id, kind: "contradicts" }),
      );
      await expectApiError(response, 409, "CONFLICT");
    });

    it("holds one live link per pair and kind in the database itself, whichever way round, removed ones aside", async () => {
      // What a writer that raced past the service's check would meet: the unique index of migration 0008.
      const { article, limited, dozens } = await buildThreeClaims();
      const link = await buildLink(db, limited, dozens, "contradicts");
      const row = { articleId: article.id, kind: "contradicts", createdById: link.createdBy.id };
      await expect(
        db.link.create({ data: { ...row, id: "raced-link", fromClaimId: dozens.id, toClaimId: limited.id } }),
      ).rejects.toMatchObject({ code: "P2002" });
      const removed = { ...row, fromClaimId: limited.id, toClaimId: dozens.id, deletedAt: new Date() };
      await db.link.createMany({
        data: [
          { ...removed, id: "removed-1" },
          { ...removed, id: "removed-2" },
        ],
      });
      expect(await db.link.count({ where: { articleId: article.id, deletedAt: null } })).toBe(1);
    });

    it("rejects an unknown link kind", async () => {
      const { linksUrl, limited, dozens } = await buildThreeClaims();
      const response = await expectUnchanged(db, () =>
        request("POST", linksUrl, { fromClaimId: limited.id, toClaimId: dozens.id, kind: "refutes" }),
      );
      const error = await expectApiError(response, 400, "VALIDATION_FAILED");
      expect(error.details).toMatchObject({ issues: [{ path: "kind" }] });
    });

    it("rejects a missing claim id", async () => {
      const { linksUrl, limited } = await buildThreeClaims();
      const response = await expectUnchanged(db, () =>
        request("POST", linksUrl, { fromClaimId: limited.id, kind: "contradicts" }),
      );
      await expectApiError(response, 400, "VALIDATION_FAILED");
    });

    it("rejects malformed JSON", async () => {
      const { linksUrl } = await buildThreeClaims();
      const response = await expectUnchanged(db, () => request("POST", linksUrl, "{"));
      await expectApiError(response, 400, "VALIDATION_FAILED");
    });

    it("rejects a body that is not application/json with 415", async () => {
      const { linksUrl, limited, dozens } = await buildThreeClaims();
      const body = JSON.stringify({ fromClaimId: limited.id, toClaimId: dozens.id, kind: "contradicts" });
      const response = await expectUnchanged(db, () =>
        request("POST", linksUrl, body, { "content-type": "text/plain" }),
      );
      await expectApiError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    });

    it("rejects a link on an article that does not exist", async () => {
      const { limited, dozens } = await buildThreeClaims();
      const response = await expectUnchanged(db, () =>
        request("POST", "/api/articles/missing/links", {
          fromClaimId: limited.id,
          toClaimId: dozens.id,
          kind: "contradicts",
        }),
      );
      await expectApiError(response, 404, "NOT_FOUND");
    });
  });
});

describe("GET /api/articles/:id/links", () => {
  it("lists links oldest first, hiding removed links and links of deleted claims", async () => {
    const { article, limited, dozens, unfounded } = await buildThreeClaims();
    const first = await buildLink(db, limited, dozens);
    const second = await buildLink(db, dozens, unfounded, "supports");
    const removed = await buildLink(db, limited, unfounded);
    await request("DELETE", `/api/links/${removed.id}`);
    expect((await listLinks(article.id)).map((link) => link.id)).toEqual([first.id, second.id]);

    await request("DELETE", `/api/claims/${unfounded.id}`);
    expect((await listLinks(article.id)).map((link) => link.id)).toEqual([first.id]);
  });

  it("answers 404 for an article that does not exist", async () => {
    await expectApiError(await request("GET", "/api/articles/missing/links"), 404, "NOT_FOUND");
  });
});

describe("DELETE /api/links/:id and restore", () => {
  it("removes a link, records it on both claims, and restores it", async () => {
    const { article, limited, dozens } = await buildThreeClaims();
    const link = await buildLink(db, limited, dozens);
    const removed = await request("DELETE", `/api/links/${link.id}`);
    expect(removed.status).toBe(200);
    expect(ZLink.parse(await removed.json())).toEqual(link);
    expect(await listLinks(article.id)).toEqual([]);
    const removals = await db.event.findMany({ where: { action: "link.removed", articleId: article.id } });
    expect(removals.map((event) => event.claimId).sort()).toEqual([limited.id, dozens.id].sort());

    const restored = await request("POST", `/api/links/${link.id}/restore`);
    expect(restored.status).toBe(200);
    expect(await listLinks(article.id)).toEqual([link]);
  });

  it("answers 404 for removing a link twice", async () => {
    const { limited, dozens } = await buildThreeClaims();
    const link = await buildLink(db, limited, dozens);
    await request("DELETE", `/api/links/${link.id}`);
    const response = await expectUnchanged(db, () => request("DELETE", `/api/links/${link.id}`));
    await expectApiError(response, 404, "NOT_FOUND");
  });

  it("answers 404 for a link that does not exist", async () => {
    await expectApiError(await request("DELETE", "/api/links/missing"), 404, "NOT_FOUND");
    await expectApiError(await request("POST", "/api/links/missing/restore"), 404, "NOT_FOUND");
  });

  it("refuses to restore a link that is not removed with 409", async () => {
    const { limited, dozens } = await buildThreeClaims();
    const link = await buildLink(db, limited, dozens);
    const response = await expectUnchanged(db, () => request("POST", `/api/links/${link.id}/restore`));
    await expectApiError(response, 409, "CONFLICT");
  });

  it("refuses to restore a link when the pair was linked again with 409", async () => {
    const { limited, dozens } = await buildThreeClaims();
    const link = await buildLink(db, limited, dozens);
    await request("DELETE", `/api/links/${link.id}`);
    await buildLink(db, dozens, limited);
    const response = await expectUnchanged(db, () => request("POST", `/api/links/${link.id}/restore`));
    await expectApiError(response, 409, "CONFLICT");
  });

  it("refuses to restore a link to a deleted claim with 422", async () => {
    const { limited, dozens } = await buildThreeClaims();
    const link = await buildLink(db, limited, dozens);
    await request("DELETE", `/api/links/${link.id}`);
    await request("DELETE", `/api/claims/${dozens.id}`);
    const response = await expectUnchanged(db, () => request("POST", `/api/links/${link.id}/restore`));
    await expectApiError(response, 422, "UNPROCESSABLE");
  });
});

describe("GET /api/articles/:id/contradictions", () => {
  it("lists every contradicts pair with both claims side by side, in document order", async () => {
    const { article, limited, dozens, unfounded } = await buildThreeClaims();
    const later = await buildLink(db, unfounded, dozens);
    const earlier = await buildLink(db, dozens, limited, "contradicts", "When?");
    await buildLink(db, limited, unfounded, "supports");
    const response = await request("GET", `/api/articles/${article.id}/contradictions`);
    expect(response.status).toBe(200);
    const { items } = ZContradictionList.parse(await response.json());
    expect(items.map((item) => item.id)).toEqual([earlier.id, later.id]);
    expect(items[0]).toMatchObject({
      kind: "contradicts",
      note: "When?",
      fromClaim: { id: dozens.id, speaker: "Robert Malley", verdict: "supported" },
      toClaim: {
        id: limited.id,
        speaker: "Hossein Amir-Abdollahian",
        verdict: "contradicted",
        selectors: { quote: { exact: limited.selectors.quote.exact } },
      },
    });
  });

  it("hides pairs whose claim is deleted", async () => {
    const { article, limited, dozens } = await buildThreeClaims();
    await buildLink(db, limited, dozens);
    await request("DELETE", `/api/claims/${limited.id}`);
    const { items } = ZContradictionList.parse(
      await (await request("GET", `/api/articles/${article.id}/contradictions`)).json(),
    );
    expect(items).toEqual([]);
  });

  it("answers 404 for an article that does not exist", async () => {
    await expectApiError(await request("GET", "/api/articles/missing/contradictions"), 404, "NOT_FOUND");
  });
});

describe("GET /api/articles/:id/links?since=", () => {
  it("answers only the links that changed after the cursor, and hides those whose claim was deleted", async () => {
    const { linksUrl, limited, dozens, unfounded } = await buildThreeClaims();
    const kept = await buildLink(db, limited, dozens, "contradicts");
    const hidden = await buildLink(db, dozens, unfounded, "contradicts");
    const { cursor } = ZLinkList.parse(await (await request("GET", linksUrl)).json());
    expect(cursor).toBeGreaterThan(0);

    expect((await request("DELETE", `/api/claims/${unfounded.id}`)).status).toBe(200);
    const fresh = await buildLink(db, limited, dozens, "supports");

    const changes = ZLinkList.parse(await (await request("GET", `${linksUrl}?since=${cursor}`)).json());
    expect(changes.items.map((link) => link.id)).toEqual([fresh.id]);
    expect(changes.deletedIds).toEqual([hidden.id]);
    expect(changes.items.map((link) => link.id)).not.toContain(kept.id);
    expect(changes.cursor).toBeGreaterThan(cursor as number);

    const nothing = ZLinkList.parse(await (await request("GET", `${linksUrl}?since=${changes.cursor}`)).json());
    expect(nothing).toMatchObject({ items: [], deletedIds: [] });
    await expectApiError(await request("GET", `${linksUrl}?since=-1`), 400, "VALIDATION_FAILED");
  });
});
