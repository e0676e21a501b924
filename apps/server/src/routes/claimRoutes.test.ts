import { applyClaimChanges, type Claim, type ClaimList, ZClaim, ZClaimList } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { BODY_LIMITS } from "../middleware/limitBody";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";
import { sendWhileArticleLocked } from "../test/sendWhileArticleLocked";

const { db, request } = await createTestApp();
const article = await buildArticle(db);
const { text } = article;
const claimsUrl = `/api/articles/${article.id}/claims`;

function positionOf(exact: string, within = text) {
  const start = within.indexOf(exact);
  if (start === -1) throw new Error(`"${exact}" is not in the text`);
  return { start, end: start + exact.length };
}

async function readClaim(response: Response): Promise<Claim> {
  return ZClaim.parse(await response.json());
}

describe("POST /api/articles/:id/claims", () => {
  it("creates a claim from a position, filling in the quote, as unverified", async () => {
    const position = positionOf("a limited number of drones");
    const response = await request("POST", claimsUrl, { selectors: { position } });
    expect(response.status).toBe(201);
    const claim = await readClaim(response);
    expect(claim).toMatchObject({
      articleId: article.id,
      verdict: "unverified",
      speaker: null,
      rationale: "",
      isOrphaned: false,
      version: 1,
      selectors: {
        position,
        quote: { exact: "a limited number of drones", prefix: "Iran sold ", suffix: expect.any(String) },
      },
    });
    expect(response.headers.get("ETag")).toBe('"1"');
    expect(response.headers.get("Location")).toBe(`/api/claims/${claim.id}`);
  });

  it("creates a claim from a quote alone, finding it in the text", async () => {
    const response = await request("POST", claimsUrl, {
      selectors: { quote: { exact: "transferred dozens" } },
      verdict: "contradicted",
    });
    expect(response.status).toBe(201);
    const claim = await readClaim(response);
    expect(claim.selectors.position).toEqual(positionOf("transferred dozens"));
    expect(claim.verdict).toBe("contradicted");
  });

  it("creates a claim from a position and the quote it holds", async () => {
    const position = positionOf("totally unfounded");
    const response = await request("POST", claimsUrl, {
      selectors: { position, quote: { exact: "totally unfounded" } },
      verdict: "supported",
      speaker: "  Amir Saeid Iravani ",
    });
    expect(response.status).toBe(201);
    expect(await readClaim(response)).toMatchObject({ verdict: "supported", speaker: "Amir Saeid Iravani" });
  });

  it("uses prefix and suffix to tell repeated quotes apart", async () => {
    const response = await request("POST", claimsUrl, {
      selectors: { quote: { exact: "Iran", prefix: "said " } },
    });
    expect(response.status).toBe(201);
    const { start } = positionOf("Iran transferred");
    expect((await readClaim(response)).selectors.position).toEqual({ start, end: start + "Iran".length });
  });

  describe("bad input changes nothing", () => {
    it("rejects malformed JSON", async () => {
      const response = await expectUnchanged(db, () => request("POST", claimsUrl, '{"selectors": {'));
      await expectApiError(response, 400, "VALIDATION_FAILED");
    });

    it("rejects a missing selectors field", async () => {
      const response = await expectUnchanged(db, () => request("POST", claimsUrl, { verdict: "supported" }));
      const error = await expectApiError(response, 400, "VALIDATION_FAILED");
      expect(error.details).toMatchObject({ issues: [{ path: "selectors" }] });
    });

    it("rejects a wrong-typed offset", async () => {
      const response = await expectUnchanged(db, () =>
        request("POST", claimsUrl, { selectors: { position: { start: "0", end: 4 } } }),
      );
      await expectApiError(response, 400, "VALIDATION_FAILED");
    });

    it("rejects selectors with neither position nor quote", async () => {
      const response = await expectUnchanged(db, () => request("POST", claimsUrl, { selectors: {} }));
      await expectApiError(response, 400, "VALIDATION_FAILED");
    });

    it("rejects an unknown verdict", async () => {
      const response = await expectUnchanged(db, () =>
        request("POST", claimsUrl, { selectors: { position: { start: 0, end: 4 } }, verdict: "false" }),
      );
      const error = await expectApiError(response, 400, "VALIDATION_FAILED");
      expect(error.details).toMatchObject({ issues: [{ path: "verdict" }] });
    });

    it("rejects an unknown field", async () => {
      const response = await expectUnchanged(db, () =>
        request("POST", claimsUrl, { selectors: { position: { start: 0, end: 4 } }, articleId: "other" }),
      );
      await expectApiError(response, 400, "VALIDATION_FAILED");
    });

    it("rejects start after end", async () => {
      const response = await expectUnchanged(db, () =>
        request("POST", claimsUrl, { selectors: { position: { start: 10, end: 4 } } }),
      );
      const error = await expectApiError(response, 400, "VALIDATION_FAILED");
      expect(error.message).toContain("start must not be after end");
    });

    it("rejects an empty selection", async () => {
      const response = await expectUnchanged(db, () =>
        request("POST", claimsUrl, { selectors: { position: { start: 4, end: 4 } } }),
      );
      const error = await expectApiError(response, 400, "VALIDATION_FAILED");
      expect(error.message).toContain("empty");
    });

    it("rejects an empty quote", async () => {
      const response = await expectUnchanged(db, () =>
        request("POST", claimsUrl, { selectors: { quote: { exact: "  " } } }),
      );
      await expectApiError(response, 400, "VALIDATION_FAILED");
    });

    it("rejects a selection of nothing but whitespace", async () => {
      const newline = text.indexOf("\n");
      const response = await expectUnchanged(db, () =>
        request("POST", claimsUrl, { selectors: { position: { start: newline, end: newline + 1 } } }),
      );
      const error = await expectApiError(response, 422, "UNPROCESSABLE");
      expect(error.details).toMatchObject({ reason: "empty" });
    });

    it("rejects offsets past the end of the text", async () => {
      const response = await expectUnchanged(db, () =>
        request("POST", claimsUrl, { selectors: { position: { start: text.length - 2, end: text.length + 5 } } }),
      );
      const error = await expectApiError(response, 422, "UNPROCESSABLE");
      expect(error.details).toMatchObject({ reason: "out_of_range" });
    });

    it("rejects an exact that is not at start", async () => {
      const position = positionOf("limited number");
      const response = await expectUnchanged(db, () =>
        request("POST", claimsUrl, { selectors: { position, quote: { exact: "dozens of drone" } } }),
      );
      const error = await expectApiError(response, 422, "UNPROCESSABLE");
      expect(error.details).toMatchObject({ reason: "quote_mismatch", actual: "limited number" });
    });

    it("rejects a quote that occurs nowhere", async () => {
      const response = await expectUnchanged(db, () =>
        request("POST", claimsUrl, { selectors: { quote: { exact: "hundreds of tanks" } } }),
      );
      const error = await expectApiError(response, 422, "UNPROCESSABLE");
      expect(error.details).toMatchObject({ reason: "not_found" });
    });

    it("rejects an ambiguous quote with a 422 that says so", async () => {
      const response = await expectUnchanged(db, () =>
        request("POST", claimsUrl, { selectors: { quote: { exact: "Iran" } } }),
      );
      const error = await expectApiError(response, 422, "UNPROCESSABLE");
      expect(error.message).toMatch(/occurs \d+ times/);
      expect(error.details).toMatchObject({ reason: "ambiguous", occurrences: expect.any(Array) });
    });

    it("rejects a claim on an article that does not exist", async () => {
      const response = await expectUnchanged(db, () =>
        request("POST", "/api/articles/no-such-article/claims", { selectors: { position: { start: 0, end: 4 } } }),
      );
      await expectApiError(response, 404, "NOT_FOUND");
    });

    it("rejects a claim on a deleted article", async () => {
      const gone = await buildArticle(db);
      await request("DELETE", `/api/articles/${gone.id}`);
      const response = await expectUnchanged(db, () =>
        request("POST", `/api/articles/${gone.id}/claims`, { selectors: { position: { start: 0, end: 4 } } }),
      );
      await expectApiError(response, 404, "NOT_FOUND");
    });

    it("rejects a body that is not application/json with 415", async () => {
      const body = JSON.stringify({ selectors: { position: { start: 0, end: 4 } } });
      const response = await expectUnchanged(db, () =>
        request("POST", claimsUrl, body, { "content-type": "text/plain" }),
      );
      await expectApiError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    });

    it("rejects a body over the size limit with 413", async () => {
      const body = { selectors: { quote: { exact: "x".repeat(BODY_LIMITS.default) } } };
      const response = await expectUnchanged(db, () => request("POST", claimsUrl, body));
      const error = await expectApiError(response, 413, "PAYLOAD_TOO_LARGE");
      expect(error.details).toEqual({ maxSize: BODY_LIMITS.default });
    });
  });
});

describe("unicode round-trips", () => {
  const sentences = {
    emoji: "Zelenskyy said 🇺🇦 will not give in 💪🏽 to Shahed drones.",
    combining: "Le ministre a dit: « Café » et cafe\u0301 ne sont pas pareils.",
    rightToLeft: "قال السفير إيرواني إن هذه الادعاءات لا أساس لها من الصحة.",
  };
  const content = ["Before the quotes.", ...Object.values(sentences), "After the quotes."].join("\n");

  for (const [name, sentence] of Object.entries(sentences)) {
    it(`keeps the offsets and quote of a claim on a ${name} sentence`, async () => {
      const unicode = await buildArticle(db, { content });
      const position = positionOf(sentence, unicode.text);
      const created = await request("POST", `/api/articles/${unicode.id}/claims`, {
        selectors: { position, quote: { exact: sentence } },
      });
      expect(created.status).toBe(201);
      const listed = ZClaimList.parse(await (await request("GET", `/api/articles/${unicode.id}/claims`)).json());
      const [claim] = listed.items;
      expect(claim?.selectors.position).toEqual(position);
      expect(claim?.selectors.quote.exact).toBe(sentence);
      expect(unicode.text.slice(position.start, position.end)).toBe(sentence);
      expect(claim?.selectors.quote.prefix.isWellFormed()).toBe(true);
    });
  }

  it("finds a quote holding emoji by its text alone", async () => {
    const unicode = await buildArticle(db, { content });
    const response = await request("POST", `/api/articles/${unicode.id}/claims`, {
      selectors: { quote: { exact: "🇺🇦 will not give in 💪🏽" } },
    });
    expect(response.status).toBe(201);
    expect((await readClaim(response)).selectors.position).toEqual(
      positionOf("🇺🇦 will not give in 💪🏽", unicode.text),
    );
  });

  it("rejects a position that splits an emoji in half", async () => {
    const unicode = await buildArticle(db, { content });
    const emojiStart = unicode.text.indexOf("💪");
    const response = await expectUnchanged(db, () =>
      request("POST", `/api/articles/${unicode.id}/claims`, {
        selectors: { position: { start: emojiStart + 1, end: emojiStart + 10 } },
      }),
    );
    await expectApiError(response, 422, "UNPROCESSABLE");
  });
});

describe("GET /api/articles/:id/claims", () => {
  it("lists live claims in document order", async () => {
    const ordered = await buildArticle(db);
    const last = await buildClaim(db, ordered, "totally unfounded");
    const first = await buildClaim(db, ordered, "Iran sold");
    const inner = await buildClaim(db, ordered, "sold");
    const outer = await buildClaim(db, ordered, "Iran sold a limited number");
    const middle = await buildClaim(db, ordered, "Robert Malley");
    const deleted = await buildClaim(db, ordered, "dozens");
    await request("DELETE", `/api/claims/${deleted.id}`);
    const response = await request("GET", `/api/articles/${ordered.id}/claims`);
    expect(response.status).toBe(200);
    const { items } = ZClaimList.parse(await response.json());
    expect(items.map((claim) => claim.id)).toEqual([outer.id, first.id, inner.id, middle.id, last.id]);
  });

  it("answers 404 for an article that does not exist", async () => {
    await expectApiError(await request("GET", "/api/articles/nope/claims"), 404, "NOT_FOUND");
  });
});

describe("GET /api/articles/:id/claims?since=", () => {
  async function readList(articleId: string, since?: number): Promise<ClaimList> {
    const query = since === undefined ? "" : `?since=${since}`;
    const response = await request("GET", `/api/articles/${articleId}/claims${query}`);
    expect(response.status).toBe(200);
    return ZClaimList.parse(await response.json());
  }

  it("answers only the claims written after the cursor, and the ids of those deleted", async () => {
    const own = await buildArticle(db);
    const untouched = await buildClaim(db, own, "Iran sold");
    const changed = await buildClaim(db, own, "Robert Malley");
    const deleted = await buildClaim(db, own, "dozens");
    const first = await readList(own.id);
    expect(first.deletedIds).toEqual([]);

    await request("PATCH", `/api/claims/${changed.id}`, { verdict: "supported" }, { "If-Match": '"1"' });
    await request("DELETE", `/api/claims/${deleted.id}`);
    const added = await buildClaim(db, own, "totally unfounded");
    const changes = await readList(own.id, first.cursor);

    expect(changes.items.map((claim) => [claim.id, claim.verdict])).toEqual([
      [changed.id, "supported"],
      [added.id, "unverified"],
    ]);
    expect(changes.deletedIds).toEqual([deleted.id]);
    expect(changes.cursor).toBeGreaterThan(first.cursor);
    expect(changes.items.map((claim) => claim.id)).not.toContain(untouched.id);
    // The kept list, brought up to date, is what a whole read answers now.
    expect(applyClaimChanges(first.items, changes)).toEqual((await readList(own.id)).items);
  });

  it("answers nothing at the latest cursor, until the next write", async () => {
    const own = await buildArticle(db);
    const claim = await buildClaim(db, own, "Iran sold");
    const { cursor } = await readList(own.id);
    expect(await readList(own.id, cursor)).toEqual({ items: [], deletedIds: [], cursor });

    await request("POST", `/api/claims/${claim.id}/restore`);
    await request("DELETE", `/api/claims/${claim.id}`);
    await request("POST", `/api/claims/${claim.id}/restore`);
    const after = await readList(own.id, cursor);
    expect(after.items.map((item) => [item.id, item.version])).toEqual([[claim.id, 3]]);
  });

  it("keeps the numbers of one article apart from another's", async () => {
    const mine = await buildArticle(db);
    const theirs = await buildArticle(db);
    await buildClaim(db, mine, "Iran sold");
    const { cursor } = await readList(mine.id);
    await buildClaim(db, theirs, "Iran sold");
    expect((await readList(mine.id, cursor)).items).toEqual([]);
  });

  it("loses no claim written by many reviewers at once while others refresh", async () => {
    const busy = await buildArticle(db);
    const words = busy.text.split(" ").slice(0, 24);
    let kept = await readList(busy.id);
    let cursor = kept.cursor;
    let items = kept.items;
    let offset = 0;
    const writes = words.map((word) => {
      const start = busy.text.indexOf(word, offset);
      offset = start + word.length;
      return request("POST", `/api/articles/${busy.id}/claims`, { selectors: { position: { start, end: offset } } });
    });
    // Refreshes race the writes: each brings what committed after the last one it saw.
    for (let refresh = 0; refresh < 6; refresh++) {
      kept = await readList(busy.id, cursor);
      items = applyClaimChanges(items, kept);
      cursor = kept.cursor;
    }
    const statuses = await Promise.all(writes.map(async (write) => (await write).status));
    expect(statuses.every((status) => status === 201)).toBe(true);
    items = applyClaimChanges(items, await readList(busy.id, cursor));
    expect(items).toEqual((await readList(busy.id)).items);
    expect(items).toHaveLength(words.length);
  });

  it("answers a whole read again only as it is now, after every kind of change", async () => {
    const own = await buildArticle(db);
    const claim = await buildClaim(db, own, "Iran sold");
    const ids = async () => (await readList(own.id)).items.map((item) => [item.id, item.verdict, item.version]);
    expect(await ids()).toEqual([[claim.id, "unverified", 1]]);
    expect(await ids()).toEqual([[claim.id, "unverified", 1]]);
    await request("PATCH", `/api/claims/${claim.id}`, { verdict: "contradicted" }, { "If-Match": '"1"' });
    expect(await ids()).toEqual([[claim.id, "contradicted", 2]]);
    await request("DELETE", `/api/claims/${claim.id}`);
    expect(await ids()).toEqual([]);
    await request("POST", `/api/claims/${claim.id}/restore`);
    const added = await buildClaim(db, own, "Robert Malley");
    expect(await ids()).toEqual([
      [claim.id, "contradicted", 4],
      [added.id, "unverified", 1],
    ]);
  });

  it("shows an author's new name in a whole read after an admin renames them", async () => {
    // An app of its own: the rename must not reach the other tests' author.
    const own = await createTestApp();
    const article = await buildArticle(own.db);
    const claim = await buildClaim(own.db, article, "Iran sold");
    const authorOf = async () =>
      ZClaimList.parse(await (await own.request("GET", `/api/articles/${article.id}/claims`)).json()).items[0]
        ?.createdBy;
    expect(await authorOf()).toEqual(claim.createdBy);
    const { items } = (await (await own.request("GET", "/api/users")).json()) as {
      items: { id: string; version: number }[];
    };
    const author = items.find((item) => item.id === claim.createdBy.id);
    const renamed = await own.request(
      "PATCH",
      `/api/users/${claim.createdBy.id}`,
      { name: "Renamed Reviewer" },
      { "If-Match": `"${author?.version}"` },
    );
    expect(renamed.status).toBe(200);
    expect(await authorOf()).toEqual({ id: claim.createdBy.id, name: "Renamed Reviewer" });
  });

  it("rejects a cursor that is not a whole number with 400, naming it", async () => {
    for (const since of ["-1", "abc", "1.5", "", "1e3", "9".repeat(16)]) {
      const response = await expectUnchanged(db, () => request("GET", `${claimsUrl}?since=${since}`));
      const error = await expectApiError(response, 400, "VALIDATION_FAILED");
      expect(error.message).toContain("since");
    }
  });
});

describe("GET /api/claims/:id", () => {
  it("answers the claim with its ETag", async () => {
    const claim = await buildClaim(db, article, "Robert Malley said");
    const response = await request("GET", `/api/claims/${claim.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("ETag")).toBe('"1"');
    expect(await readClaim(response)).toEqual(claim);
  });

  it("answers 404 for a claim that does not exist", async () => {
    await expectApiError(await request("GET", "/api/claims/missing"), 404, "NOT_FOUND");
  });
});

describe("PATCH /api/claims/:id", () => {
  it("changes the verdict when If-Match names the current version, and records it", async () => {
    const claim = await buildClaim(db, article, "months before the Ukraine war");
    const response = await request(
      "PATCH",
      `/api/claims/${claim.id}`,
      { verdict: "contradicted" },
      { "If-Match": '"1"' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("ETag")).toBe('"2"');
    expect(await readClaim(response)).toMatchObject({ verdict: "contradicted", version: 2 });
    const stored = await request("GET", `/api/claims/${claim.id}`);
    expect(await readClaim(stored)).toMatchObject({ verdict: "contradicted", version: 2 });
    const events = await db.event.findMany({ where: { claimId: claim.id, action: "claim.verdict_changed" } });
    expect(events.map((event) => [event.from, event.to])).toEqual([['"unverified"', '"contradicted"']]);
  });

  it("accepts a weak ETag and an unquoted version", async () => {
    const claim = await buildClaim(db, article, "just this summer");
    expect(
      (await request("PATCH", `/api/claims/${claim.id}`, { verdict: "supported" }, { "If-Match": 'W/"1"' })).status,
    ).toBe(200);
    expect(
      (await request("PATCH", `/api/claims/${claim.id}`, { verdict: "unverified" }, { "If-Match": "2" })).status,
    ).toBe(200);
  });

  it("rejects a stale If-Match with 412 and the current claim in details.current", async () => {
    const claim = await buildClaim(db, article, "support for Russia");
    await request("PATCH", `/api/claims/${claim.id}`, { verdict: "supported" }, { "If-Match": '"1"' });
    const response = await expectUnchanged(db, () =>
      request("PATCH", `/api/claims/${claim.id}`, { verdict: "contradicted" }, { "If-Match": '"1"' }),
    );
    const error = await expectApiError(response, 412, "PRECONDITION_FAILED");
    const current = ZClaim.parse((error.details as { current: unknown }).current);
    expect(current).toMatchObject({ id: claim.id, verdict: "supported", version: 2 });
  });

  it("rejects a change without If-Match with 428", async () => {
    const claim = await buildClaim(db, article, "Iravani called");
    const response = await expectUnchanged(db, () =>
      request("PATCH", `/api/claims/${claim.id}`, { verdict: "supported" }),
    );
    await expectApiError(response, 428, "PRECONDITION_REQUIRED");
  });

  it("rejects an unknown verdict", async () => {
    const claim = await buildClaim(db, article, "called any support");
    const response = await expectUnchanged(db, () =>
      request("PATCH", `/api/claims/${claim.id}`, { verdict: "mostly-true" }, { "If-Match": '"1"' }),
    );
    await expectApiError(response, 400, "VALIDATION_FAILED");
  });

  it("rejects malformed JSON", async () => {
    const claim = await buildClaim(db, article, "any support");
    const response = await expectUnchanged(db, () =>
      request("PATCH", `/api/claims/${claim.id}`, "{verdict: supported}", { "If-Match": '"1"' }),
    );
    await expectApiError(response, 400, "VALIDATION_FAILED");
  });

  it("rejects a body that is not application/json with 415", async () => {
    const claim = await buildClaim(db, article, "support for");
    const response = await expectUnchanged(db, () =>
      request("PATCH", `/api/claims/${claim.id}`, "verdict=supported", {
        "If-Match": '"1"',
        "content-type": "application/x-www-form-urlencoded",
      }),
    );
    await expectApiError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("answers 404 for a claim that does not exist", async () => {
    const response = await expectUnchanged(db, () =>
      request("PATCH", "/api/claims/missing", { verdict: "supported" }, { "If-Match": '"1"' }),
    );
    await expectApiError(response, 404, "NOT_FOUND");
  });
});

describe("DELETE /api/claims/:id and restore", () => {
  it("deletes a claim, then restores it", async () => {
    const claim = await buildClaim(db, article, "sold a limited");
    const deleted = await request("DELETE", `/api/claims/${claim.id}`);
    expect(deleted.status).toBe(200);
    expect(await readClaim(deleted)).toMatchObject({ id: claim.id, version: 2 });
    await expectApiError(await request("GET", `/api/claims/${claim.id}`), 404, "NOT_FOUND");
    const listed = ZClaimList.parse(await (await request("GET", claimsUrl)).json());
    expect(listed.items.map((item) => item.id)).not.toContain(claim.id);

    const restored = await request("POST", `/api/claims/${claim.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.headers.get("ETag")).toBe('"3"');
    expect(await readClaim(restored)).toMatchObject({ id: claim.id, version: 3, selectors: claim.selectors });
    expect((await request("GET", `/api/claims/${claim.id}`)).status).toBe(200);
  });

  it("refuses to restore a claim that is not deleted with 409", async () => {
    const claim = await buildClaim(db, article, "number of drones");
    const response = await expectUnchanged(db, () => request("POST", `/api/claims/${claim.id}/restore`));
    await expectApiError(response, 409, "CONFLICT");
  });

  it("rejects a stale If-Match on delete with 412", async () => {
    const claim = await buildClaim(db, article, "drones months");
    const response = await expectUnchanged(db, () =>
      request("DELETE", `/api/claims/${claim.id}`, undefined, { "If-Match": '"5"' }),
    );
    await expectApiError(response, 412, "PRECONDITION_FAILED");
  });

  it("answers 404 for deleting a claim twice", async () => {
    const claim = await buildClaim(db, article, "Ukraine war");
    await request("DELETE", `/api/claims/${claim.id}`);
    const response = await expectUnchanged(db, () => request("DELETE", `/api/claims/${claim.id}`));
    await expectApiError(response, 404, "NOT_FOUND");
  });

  for (const change of [
    "claim deleted",
    "claim deleted, If-Match",
    "article deleted",
    "claim changed, If-Match",
  ] as const) {
    it(`sees what a write it waited for committed on delete (${change}): the claim or its article deleted (404), a newer version (412, the claim as it is now), storing nothing`, async () => {
      const fresh = await buildArticle(db);
      const claim = await buildClaim(db, fresh, "sold a limited");
      const response = await sendWhileArticleLocked(
        db,
        fresh.id,
        () =>
          request(
            "DELETE",
            `/api/claims/${claim.id}`,
            undefined,
            change.endsWith("If-Match") ? { "If-Match": `"${claim.version}"` } : {},
          ),
        (tx) => {
          if (change === "article deleted") {
            return tx.article.update({ where: { id: fresh.id }, data: { deletedAt: new Date() } });
          }
          const data = change.startsWith("claim deleted")
            ? { deletedAt: new Date(), version: { increment: 1 } }
            : { rationale: "Changed meanwhile.", version: { increment: 1 } };
          return tx.claim.update({ where: { id: claim.id }, data });
        },
      );
      if (change === "claim changed, If-Match") {
        const error = await expectApiError(response, 412, "PRECONDITION_FAILED");
        expect(error.details, change).toMatchObject({
          current: { id: claim.id, version: claim.version + 1, rationale: "Changed meanwhile." },
        });
      } else {
        const error = await expectApiError(response, 404, "NOT_FOUND");
        expect(error.message, change).toBe(`No claim with id "${claim.id}".`);
      }
      const stored = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
      expect({ version: stored.version, isDeleted: stored.deletedAt !== null }, change).toEqual({
        version: change === "article deleted" ? claim.version : claim.version + 1,
        isDeleted: change.startsWith("claim deleted"),
      });
      expect(await db.event.count({ where: { claimId: claim.id, action: "claim.deleted" } }), change).toBe(0);
    });
  }

  it("deletes a claim changed while it waited for the lock as it is now, when no If-Match was sent", async () => {
    const fresh = await buildArticle(db);
    const claim = await buildClaim(db, fresh, "sold a limited");
    const response = await sendWhileArticleLocked(
      db,
      fresh.id,
      () => request("DELETE", `/api/claims/${claim.id}`),
      (tx) =>
        tx.claim.update({
          where: { id: claim.id },
          data: { rationale: "Changed meanwhile.", version: { increment: 1 } },
        }),
    );
    expect(response.status).toBe(200);
    expect(await readClaim(response)).toMatchObject({ rationale: "Changed meanwhile.", version: claim.version + 2 });
    const stored = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect({ version: stored.version, isDeleted: stored.deletedAt !== null }).toEqual({
      version: claim.version + 2,
      isDeleted: true,
    });
  });

  for (const change of ["claim restored", "article deleted", "claim changed, If-Match"] as const) {
    it(`sees what a write it waited for committed on restore (${change}): the claim restored (409), its article deleted (404), a newer version (412, the claim as it is now), storing nothing`, async () => {
      const fresh = await buildArticle(db);
      const claim = await buildClaim(db, fresh, "sold a limited");
      const deleted = await readClaim(await request("DELETE", `/api/claims/${claim.id}`));
      const { version } = deleted;
      const response = await sendWhileArticleLocked(
        db,
        fresh.id,
        () =>
          request(
            "POST",
            `/api/claims/${claim.id}/restore`,
            undefined,
            change.endsWith("If-Match") ? { "If-Match": `"${version}"` } : {},
          ),
        (tx) => {
          if (change === "article deleted") {
            return tx.article.update({ where: { id: fresh.id }, data: { deletedAt: new Date() } });
          }
          const data =
            change === "claim restored"
              ? { deletedAt: null, version: { increment: 1 } }
              : { rationale: "Changed meanwhile.", version: { increment: 1 } };
          return tx.claim.update({ where: { id: claim.id }, data });
        },
      );
      if (change === "claim restored") {
        const error = await expectApiError(response, 409, "CONFLICT");
        expect(error.details, change).toMatchObject({ current: { id: claim.id, version: version + 1 } });
      } else if (change === "article deleted") {
        const error = await expectApiError(response, 404, "NOT_FOUND");
        expect(error.message, change).toBe(`No claim with id "${claim.id}".`);
      } else {
        const error = await expectApiError(response, 412, "PRECONDITION_FAILED");
        expect(error.details, change).toMatchObject({
          current: { id: claim.id, version: version + 1, rationale: "Changed meanwhile." },
        });
      }
      const stored = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
      expect({ version: stored.version, isDeleted: stored.deletedAt !== null }, change).toEqual({
        version: change === "article deleted" ? version : version + 1,
        isDeleted: change !== "claim restored",
      });
      expect(await db.event.count({ where: { claimId: claim.id, action: "claim.restored" } }), change).toBe(0);
    });
  }

  it("restores a claim changed while it waited for the lock as it is now, when no If-Match was sent", async () => {
    const fresh = await buildArticle(db);
    const claim = await buildClaim(db, fresh, "sold a limited");
    const deleted = await readClaim(await request("DELETE", `/api/claims/${claim.id}`));
    const response = await sendWhileArticleLocked(
      db,
      fresh.id,
      () => request("POST", `/api/claims/${claim.id}/restore`),
      (tx) =>
        tx.claim.update({
          where: { id: claim.id },
          data: { rationale: "Changed meanwhile.", version: { increment: 1 } },
        }),
    );
    expect(response.status).toBe(200);
    expect(await readClaim(response)).toMatchObject({ rationale: "Changed meanwhile.", version: deleted.version + 2 });
    const stored = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect({ version: stored.version, isDeleted: stored.deletedAt !== null }).toEqual({
      version: deleted.version + 2,
      isDeleted: false,
    });
  });
});

describe("speaker and rationale", () => {
  it("changes speaker and rationale and records each with from and to", async () => {
    const claim = await buildClaim(db, article, "Robert Malley said Iran");
    const response = await request(
      "PATCH",
      `/api/claims/${claim.id}`,
      { speaker: "Robert Malley", rationale: "US envoy for Iran." },
      { "If-Match": '"1"' },
    );
    expect(response.status).toBe(200);
    expect(await readClaim(response)).toMatchObject({ speaker: "Robert Malley", rationale: "US envoy for Iran." });
    const events = await db.event.findMany({ where: { claimId: claim.id }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.action, event.from, event.to])).toEqual([
      ["claim.created", null, expect.any(String)],
      ["claim.speaker_changed", "null", '"Robert Malley"'],
      ["claim.rationale_changed", '""', '"US envoy for Iran."'],
    ]);
  });

  it("clears a speaker with an empty string or null", async () => {
    const claim = await buildClaim(db, article, "Malley said", { speaker: "Robert Malley" });
    const cleared = await request("PATCH", `/api/claims/${claim.id}`, { speaker: "  " }, { "If-Match": '"1"' });
    expect(await readClaim(cleared)).toMatchObject({ speaker: null });
    const again = await request("PATCH", `/api/claims/${claim.id}`, { speaker: null }, { "If-Match": '"2"' });
    expect(again.status).toBe(200);
  });

  for (const rationale of [
    "<script>alert('xss')</script>",
    '<img src="x" onerror="alert(1)">',
    "Line one\n\n- a list\n- [a link](javascript:alert(1))",
  ]) {
    it(`stores a rationale holding ${JSON.stringify(rationale.slice(0, 12))} as text, verbatim`, async () => {
      const claim = await buildClaim(db, article, "called any support for Russia");
      const response = await request("PATCH", `/api/claims/${claim.id}`, { rationale }, { "If-Match": '"1"' });
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toContain("application/json");
      expect((await readClaim(response)).rationale).toBe(rationale);
      expect((await readClaim(await request("GET", `/api/claims/${claim.id}`))).rationale).toBe(rationale);
      expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).rationale).toBe(rationale);
      await request("DELETE", `/api/claims/${claim.id}`);
    });
  }

  it("rejects an over-long rationale", async () => {
    const claim = await buildClaim(db, article, "totally");
    const response = await expectUnchanged(db, () =>
      request("PATCH", `/api/claims/${claim.id}`, { rationale: "x".repeat(20_001) }, { "If-Match": '"1"' }),
    );
    await expectApiError(response, 400, "VALIDATION_FAILED");
  });

  it("rejects a rationale holding a NUL character", async () => {
    const claim = await buildClaim(db, article, "unfounded");
    const response = await expectUnchanged(db, () =>
      request("PATCH", `/api/claims/${claim.id}`, { rationale: "a\u0000b" }, { "If-Match": '"1"' }),
    );
    await expectApiError(response, 400, "VALIDATION_FAILED");
  });
});
