import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type AnnotationImportResult,
  type ClaimList,
  type LinkList,
  plainTextToDoc,
  ZAnnotationImportResult,
} from "@factmark/core";
import { afterAll, describe, expect, it } from "vitest";
import { CORE_ROOT } from "../../../../packages/core/src/testing/readFixture";
import { createApp } from "../app";
import { createDatabase } from "../db/createDatabase";
import { postgresPoolOf } from "../db/postgresPool";
import { ARTICLE_CONTENT, buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";
import { closeHeavyWork } from "../work/heavyWork";

const testApp = await createTestApp();
const { db, request } = testApp;
afterAll(() => closeHeavyWork());
// Another server on the same database (PostgreSQL; SQLite runs one process per file): its pool, and its articles'
// lines of writes (inArticleLine), are its own.
const otherServerDb = postgresPoolOf(db)
  ? await createDatabase(postgresPoolOf(db)?.options.connectionString as string)
  : db;
const otherServer = createApp({ db: otherServerDb });
afterAll(() => (otherServerDb === db ? undefined : otherServerDb.$disconnect()));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(CORE_ROOT, "test-fixtures/annotations", name), "utf8"));
}

async function importOnto(articleId: string, document: unknown, query = ""): Promise<AnnotationImportResult> {
  const response = await request("POST", `/api/articles/${articleId}/annotations/import${query}`, document);
  expect(response.status).toBe(200);
  return ZAnnotationImportResult.parse(await response.json());
}

async function claimsOf(articleId: string, since?: number): Promise<ClaimList> {
  const response = await request(
    "GET",
    `/api/articles/${articleId}/claims${since === undefined ? "" : `?since=${since}`}`,
  );
  expect(response.status).toBe(200);
  return (await response.json()) as ClaimList;
}

describe("POST /api/articles/:id/annotations/import", () => {
  it("anchors a Hypothesis export by its quotes, answering every item in order with its reason", async () => {
    const article = await buildArticle(db);
    const result = await importOnto(article.id, fixture("hypothesis-search.json"));
    expect(result.items.map((item) => item.outcome)).toEqual([
      "anchored",
      "anchored",
      "skipped",
      "skipped",
      "anchored",
    ]);
    expect(result).toMatchObject({ articleId: article.id, anchored: 3, orphaned: 0, skipped: 2 });
    expect(result.items[0]?.reason).toMatch(/holds other text.*placed by its quote/);
    expect(result.items[3]?.reason).toMatch(/reply/);

    const claims = (await claimsOf(article.id)).items;
    const first = claims.find((claim) => claim.id === result.items[0]?.claimId);
    expect(first).toMatchObject({
      selectors: { position: { start: 115, end: 150 }, quote: { exact: "transferred dozens just this summer" } },
      verdict: "contradicted",
      rationale: "Deliveries were seen in August.",
      createdAt: "2026-10-02T09:30:00.123Z",
    });
    const across = claims.find((claim) => claim.id === result.items[4]?.claimId);
    expect(across?.isAnchorUnconfirmed).toBe(true);
  });

  it("keeps each annotation's creator as the claim's original author, and the importer as the one who added it", async () => {
    const article = await buildArticle(db);
    const result = await importOnto(article.id, fixture("recogito-annotations.json"));
    const ids = result.items.map((item) => item.claimId);
    const rows = await db.claim.findMany({ where: { id: { in: ids.filter((id) => id !== null) } } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(ids[0] as string)).toMatchObject({
      originalAuthorName: "Bob Reviewer",
      createdAt: new Date("2026-09-14T08:00:00.000Z"),
    });
    const admin = await testApp.userFor("admin");
    expect(byId.get(ids[1] as string)?.originalAuthorName).toBe("carol");
    expect(byId.get(ids[1] as string)?.createdById).toBe(admin.id);
    expect(result.items[2]).toMatchObject({ outcome: "skipped", claimId: null });
  });

  it("writes one change to the article's log, so lists since the last change and the history show the new claims", async () => {
    const article = await buildArticle(db);
    const { cursor } = await claimsOf(article.id);
    const result = await importOnto(article.id, fixture("w3c-paged-collection.json"));
    const changes = await claimsOf(article.id, cursor);
    expect(changes.items.map((claim) => claim.id).sort()).toEqual(
      result.items.flatMap((item) => (item.claimId ? [item.claimId] : [])).sort(),
    );
    expect(changes.cursor).toBe(cursor + 1);
    const history = await request("GET", `/api/claims/${result.items[0]?.claimId}/history`);
    const events = (await history.json()) as { items: { action: string }[] };
    expect(events.items.map((event) => event.action)).toEqual(["claim.imported"]);
    expect(result.items[2]).toMatchObject({ path: "first.next.next", outcome: "skipped" });
    expect(result.items[2]?.reason).toContain("not fetched");
  });

  it("reads positions in code points", async () => {
    const article = await buildArticle(db, { content: "🚀 The mayor said crime fell 👍🏽 by 12% last year." });
    const result = await importOnto(article.id, fixture("emoji-code-points.json"));
    const claims = (await claimsOf(article.id)).items;
    expect(result.items.map((item) => item.outcome)).toEqual(["anchored", "anchored"]);
    expect(claims.map((claim) => claim.selectors.position)).toEqual([
      { start: 18, end: 40 },
      { start: 18, end: 40 },
    ]);
  });

  it("keeps an annotation whose quote is not in the article as an orphaned claim", async () => {
    const article = await buildArticle(db);
    const result = await importOnto(article.id, fixture("w3c-annotation-page-refined.json"));
    expect(result.items.map((item) => item.outcome)).toEqual([
      "anchored",
      "anchored",
      "skipped",
      "skipped",
      "skipped",
      "orphaned",
    ]);
    const orphan = (await claimsOf(article.id)).items.find((claim) => claim.id === result.items[5]?.claimId);
    expect(orphan).toMatchObject({
      isOrphaned: true,
      selectors: { quote: { exact: "the drones were never delivered" } },
    });
  });

  it("marks nothing twice when the same document is imported again", async () => {
    const article = await buildArticle(db);
    const first = await importOnto(article.id, fixture("recogito-annotations.json"));
    const again = ZAnnotationImportResult.parse(
      await (
        await expectUnchanged(db, () =>
          request("POST", `/api/articles/${article.id}/annotations/import`, fixture("recogito-annotations.json")),
        )
      ).json(),
    );
    expect(first.anchored).toBe(3);
    expect(again).toMatchObject({ anchored: 0, skipped: 4 });
    expect(again.items[0]?.reason).toMatch(/has this claim already/);
    expect((await claimsOf(article.id)).items).toHaveLength(3);
  });

  it("answers an import where nothing anchors, and stores nothing", async () => {
    const article = await buildArticle(db);
    const response = await expectUnchanged(db, () =>
      request("POST", `/api/articles/${article.id}/annotations/import`, {
        type: "Annotation",
        bodyValue: "A page note",
        target: "https://example.org/page",
      }),
    );
    expect(response.status).toBe(200);
    const result = ZAnnotationImportResult.parse(await response.json());
    expect(result.items).toEqual([
      expect.objectContaining({ path: "", outcome: "skipped", claimId: null, reason: expect.stringMatching(/whole/) }),
    ]);
  });

  describe("with ?strict=true", () => {
    it("refuses the whole batch when any item would not anchor, naming each, and stores nothing", async () => {
      const article = await buildArticle(db);
      const response = await expectUnchanged(db, () =>
        request(
          "POST",
          `/api/articles/${article.id}/annotations/import?strict=true`,
          fixture("hypothesis-search.json"),
        ),
      );
      const error = await expectApiError(response, 422, "UNPROCESSABLE");
      expect(error.message).toContain("rows.2");
      expect(error.details).toMatchObject({
        issues: [
          { path: "rows.2", message: expect.stringMatching(/^skipped: /) },
          { path: "rows.3", message: expect.stringMatching(/^skipped: /) },
        ],
      });
    });

    it("imports a batch where every item anchors", async () => {
      const article = await buildArticle(db);
      const result = await importOnto(article.id, fixture("w3c-single-annotation.json"), "?strict=true");
      expect(result.anchored).toBe(1);
    });
  });

  describe("bad requests change nothing", () => {
    it("refuses a viewer (403)", async () => {
      const article = await buildArticle(db);
      // Signed in first: the viewer's account and session are stored on first use.
      await testApp.as("viewer").request("GET", `/api/articles/${article.id}`);
      const response = await expectUnchanged(db, () =>
        testApp
          .as("viewer")
          .request("POST", `/api/articles/${article.id}/annotations/import`, fixture("w3c-single-annotation.json")),
      );
      await expectApiError(response, 403, "FORBIDDEN");
    });

    it("lets a reviewer import", async () => {
      const article = await buildArticle(db);
      const response = await testApp
        .as("reviewer")
        .request("POST", `/api/articles/${article.id}/annotations/import`, fixture("w3c-single-annotation.json"));
      expect(response.status).toBe(200);
    });

    const cases: [string, () => unknown, number, string][] = [
      ["a document of no Web Annotation shape", () => ({ hello: "world" }), 400, "Expected one annotation"],
      ["a collection without pages", () => ({ type: "AnnotationCollection" }), 400, '"first"'],
      ["a page whose items are not a list", () => ({ type: "AnnotationPage", items: "x" }), 400, "items"],
      [
        "more annotations than one import may hold",
        () => Array.from({ length: 20_001 }, () => ({ type: "Annotation", target: "x" })),
        400,
        "At most 20000",
      ],
    ];
    for (const [name, build, status, named] of cases) {
      it(`refuses ${name}, naming what is wrong`, async () => {
        const article = await buildArticle(db);
        const response = await expectUnchanged(db, () =>
          request("POST", `/api/articles/${article.id}/annotations/import`, build()),
        );
        const error = await expectApiError(response, status, "VALIDATION_FAILED");
        expect(error.message).toContain(named);
      });
    }

    it("refuses a body that is not JSON", async () => {
      const article = await buildArticle(db);
      const response = await expectUnchanged(db, () =>
        request("POST", `/api/articles/${article.id}/annotations/import`, "{ not json"),
      );
      await expectApiError(response, 400, "VALIDATION_FAILED");
    });

    it("writes nothing when the database refuses part of the import", async () => {
      const article = await buildArticle(db);
      const spy = db.$transaction.bind(db);
      const response = await expectUnchanged(db, async () => {
        (db as unknown as { $transaction: unknown }).$transaction = (
          callback: (tx: unknown) => Promise<unknown>,
          options: unknown,
        ) =>
          spy(async (tx) => {
            await callback(tx);
            throw new Error("an injected failure after every row was written (the test simulates a full disk)");
          }, options as never);
        try {
          return await request(
            "POST",
            `/api/articles/${article.id}/annotations/import`,
            fixture("recogito-annotations.json"),
          );
        } finally {
          (db as unknown as { $transaction: unknown }).$transaction = spy;
        }
      });
      expect(response.status).toBe(500);
    });

    it("refuses a body over 8 MB, or not sent as JSON", async () => {
      const article = await buildArticle(db);
      const url = `/api/articles/${article.id}/annotations/import`;
      const huge = { type: "Annotation", bodyValue: "x".repeat(8 * 1024 * 1024), target: "x" };
      await expectApiError(await expectUnchanged(db, () => request("POST", url, huge)), 413, "PAYLOAD_TOO_LARGE");
      const asText = await expectUnchanged(db, () =>
        request("POST", url, JSON.stringify(fixture("w3c-single-annotation.json")), { "content-type": "text/plain" }),
      );
      await expectApiError(asText, 415, "UNSUPPORTED_MEDIA_TYPE");
    });

    it("answers 404 for an article that is not there, or deleted", async () => {
      const deleted = await buildArticle(db);
      expect(
        (await request("DELETE", `/api/articles/${deleted.id}`, undefined, { "If-Match": `"${deleted.version}"` }))
          .status,
      ).toBe(204);
      for (const id of ["no-such-article", deleted.id]) {
        const response = await expectUnchanged(db, () =>
          request("POST", `/api/articles/${id}/annotations/import`, fixture("w3c-single-annotation.json")),
        );
        await expectApiError(response, 404, "NOT_FOUND");
      }
    });
  });
});

describe("hostile and unusual documents", () => {
  const quoteOn = (exact: string, extra: Record<string, unknown> = {}) => ({
    type: "Annotation",
    target: { source: "https://news.example/x", selector: { type: "TextQuoteSelector", exact } },
    ...extra,
  });

  it.each([
    ["on the event loop", ARTICLE_CONTENT],
    ["on a worker thread", `${ARTICLE_CONTENT}\n${"A long article goes to the worker pool. ".repeat(4_000)}`],
  ])(
    "answers an item whose selector is refined thousands deep as skipped, keeping the good one (%s)",
    async (_, content) => {
      const article = await buildArticle(db, { content });
      const exact = ARTICLE_CONTENT.split("\n")[0]?.slice(0, 20) ?? "";
      // Written out by hand: JSON.stringify itself recurses, and 8,000 levels overflow its stack too (~450 KB).
      const depth = 8_000;
      const selector = `${'{"type":"XPathSelector","value":"/html/body","refinedBy":'.repeat(depth)}${JSON.stringify({ type: "TextQuoteSelector", exact })}${"}".repeat(depth)}`;
      const document = `[${JSON.stringify(quoteOn(exact))},{"type":"Annotation","target":{"source":"x","selector":${selector}}}]`;
      const result = await importOnto(article.id, document);
      expect(result.items.map((item) => item.outcome)).toEqual(["anchored", "skipped"]);
      expect(result.items[1]?.reason).toMatch(/nested more than 64 levels deep/);
    },
  );

  it("skips a quote longer than a claim's may be, storing nothing (so the article's native export stays importable)", async () => {
    const article = await buildArticle(db);
    const response = await expectUnchanged(db, () =>
      request("POST", `/api/articles/${article.id}/annotations/import`, [quoteOn("x".repeat(1_000_000))]),
    );
    const result = ZAnnotationImportResult.parse(await response.json());
    expect(result.items[0]).toMatchObject({
      outcome: "skipped",
      reason: "Its quote is 1000000 characters long; a claim's quote holds at most 20000.",
    });
  });

  it("says under ?strict=true that an orphan would be kept, not that it was, since nothing is stored", async () => {
    const article = await buildArticle(db);
    const response = await expectUnchanged(db, () =>
      request("POST", `/api/articles/${article.id}/annotations/import?strict=true`, [
        quoteOn("words that are in no article at all, anywhere"),
      ]),
    );
    const error = await expectApiError(response, 422, "UNPROCESSABLE");
    const [issue] = (error.details as { issues: { message: string }[] }).issues;
    expect(issue?.message).toMatch(/^would be kept as an orphaned claim, but \?strict=true stores nothing: Its quote/);
    expect(issue?.message).not.toMatch(/Kept as an orphan/);
  });

  it("reads the Web Annotation Protocol's and Factmark's own media types", async () => {
    const article = await buildArticle(db);
    const body = JSON.stringify(fixture("w3c-single-annotation.json"));
    for (const type of [
      'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
      "application/ld+json",
      "application/anno+json",
    ]) {
      const response = await request("POST", `/api/articles/${article.id}/annotations/import`, body, {
        "content-type": type,
      });
      expect(response.status, type).toBe(200);
      expect(ZAnnotationImportResult.parse(await response.json()).items).toHaveLength(1);
    }
  });

  it("still refuses those media types on every other route", async () => {
    const article = await buildArticle(db);
    const response = await expectUnchanged(db, () =>
      request("POST", `/api/articles/${article.id}/claims`, JSON.stringify({ selectors: { quote: { exact: "x" } } }), {
        "content-type": "application/ld+json",
      }),
    );
    await expectApiError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
  });
});

/**
 * A 173 KB article of 1,500-odd distinct lines, and `count` Hypothesis-style annotations on them: each a quote with
 * prefix and suffix, and a web page's position (no line breaks counted), so every one is placed by its quote.
 */
function largeImport(count: number) {
  const lines: string[] = [];
  let length = 0;
  for (let line = 0; length < 173_000; line += 1) {
    const words = `In district ${line} the council said spending rose by ${(line * 7) % 97} percent, and critics disputed figure ${line * 13}.`;
    lines.push(words);
    length += words.length + 1;
  }
  const text = lines.join("\n");
  const annotations = Array.from({ length: count }, (_, index) => {
    const line = (index * 37) % lines.length;
    const exact = `the council said spending rose by ${(line * 7) % 97} percent`;
    const start = text.indexOf(`In district ${line} `) + `In district ${line} `.length - line;
    return {
      type: "Annotation",
      body: [{ type: "TextualBody", value: `Note ${index}` }],
      target: {
        source: "https://news.example/council",
        selector: [
          { type: "TextQuoteSelector", exact, prefix: `district ${line} `, suffix: ", and critics" },
          { type: "TextPositionSelector", start, end: start + exact.length },
        ],
      },
    };
  });
  return { text, document: { type: "AnnotationPage", items: annotations } };
}

describe("a large import", () => {
  it("places 5,000 annotations on a 173 KB article off the event loop: /healthz answers meanwhile", async () => {
    const { text, document } = largeImport(5_000);
    const article = await buildArticle(db, { content: text });
    let lastTick = Date.now();
    let longestStallMs = 0;
    const ticker = setInterval(() => {
      longestStallMs = Math.max(longestStallMs, Date.now() - lastTick);
      lastTick = Date.now();
    }, 10);
    let importedAt: number | undefined;
    const importing = request("POST", `/api/articles/${article.id}/annotations/import`, document).then((response) => {
      importedAt = Date.now();
      return response;
    });
    // Asked while the import places its annotations: answered within a second, long before the import is done.
    const asked = Date.now();
    await sleep(50);
    const health = await request("GET", "/healthz");
    const healthMs = Date.now() - asked;
    expect(health.status).toBe(200);
    expect(importedAt).toBeUndefined();
    expect(healthMs).toBeLessThan(1_000);
    const response = await importing;
    clearInterval(ticker);
    // Placed inline, the event loop stood still for the whole import (10 s on a busy machine, 2 s on an idle one); on
    // the pool only the answer's arrival and each group of rows written hold it, 0.15-0.3 s at a time.
    expect(longestStallMs).toBeLessThan(1_000);
    expect(response.status).toBe(200);
    const result = ZAnnotationImportResult.parse(await response.json());
    expect(result).toMatchObject({ anchored: 5_000, orphaned: 0, skipped: 0 });
    const first = await db.claim.findUnique({ where: { id: result.items[0]?.claimId ?? "" } });
    expect(text.slice(first?.start, first?.end)).toBe("the council said spending rose by 0 percent");
  }, 120_000);
});

describe("while the import places its annotations", () => {
  /**
   * Sends `send` with the article saved (a line put before its text) just before each of the import's first `times`
   * transactions: as if a reviewer saved it, on another server, while the import was placing its annotations on the
   * old text.
   */
  async function savedWhilePlacing<T>(articleId: string, times: number, send: () => Promise<T>): Promise<T> {
    const transaction = db.$transaction.bind(db);
    let saves = 0;
    let isSaving = false;
    (db as unknown as { $transaction: unknown }).$transaction = async (
      callback: (tx: unknown) => Promise<unknown>,
      options: unknown,
    ) => {
      if (!isSaving && saves < times) {
        isSaving = true;
        const { version, text } = await db.article.findUniqueOrThrow({ where: { id: articleId } });
        // From another server: on this one the save would wait in the article's line behind the import, which
        // waits for it.
        const saved = await otherServer.request(`/api/articles/${articleId}`, {
          method: "PATCH",
          headers: {
            cookie: await testApp.cookieFor("admin"),
            "content-type": "application/json",
            "If-Match": `"${version}"`,
          },
          body: JSON.stringify({ doc: plainTextToDoc(`Update ${saves + 1}.\n${text}`) }),
        });
        expect(saved.status).toBe(200);
        saves += 1;
        isSaving = false;
      }
      return transaction(callback as never, options as never);
    };
    try {
      return await send();
    } finally {
      (db as unknown as { $transaction: unknown }).$transaction = transaction;
    }
  }

  const denial = () => {
    const start = ARTICLE_CONTENT.indexOf("totally unfounded");
    return {
      type: "Annotation",
      bodyValue: "Contradicted by the envoy.",
      target: {
        source: "https://www.example.com/iran-drones",
        selector: [
          { type: "TextPositionSelector", start, end: start + "totally unfounded".length },
          { type: "TextQuoteSelector", exact: "totally unfounded" },
        ],
      },
    };
  };

  it("places them again on an article saved meanwhile, so every claim is on its words in the saved text", async () => {
    const article = await buildArticle(db);
    const result = await savedWhilePlacing(article.id, 1, () => importOnto(article.id, denial()));
    expect(result.anchored).toBe(1);
    const [claim] = (await claimsOf(article.id)).items;
    const saved = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(saved.text.startsWith("Update 1.\n")).toBe(true);
    expect(claim?.selectors.position.start).toBe(ARTICLE_CONTENT.indexOf("totally unfounded") + "Update 1.\n".length);
    expect(saved.text.slice(claim?.selectors.position.start, claim?.selectors.position.end)).toBe("totally unfounded");
  });

  it("answers 409 and stores nothing when the article is saved again while they are placed anew", async () => {
    const article = await buildArticle(db);
    const response = await savedWhilePlacing(article.id, 2, () =>
      request("POST", `/api/articles/${article.id}/annotations/import`, denial()),
    );
    const error = await expectApiError(response, 409, "CONFLICT");
    expect(error.message).toMatch(/saved twice while its annotations were being placed.*Import the document again/);
    expect(await db.claim.count({ where: { articleId: article.id } })).toBe(0);
  });
});

describe("links", () => {
  async function linksOf(articleId: string): Promise<LinkList> {
    const response = await request("GET", `/api/articles/${articleId}/links`);
    expect(response.status).toBe(200);
    return (await response.json()) as LinkList;
  }

  /** A claim annotation on the sample article's words, with the id another annotation links it by. */
  function claimAnnotation(id: string, exact: string) {
    return { id, type: "Annotation", target: { source: "x", selector: { type: "TextQuoteSelector", exact } } };
  }

  it("stores a link between two annotations of the document, in its direction, through the change log", async () => {
    const article = await buildArticle(db, { content: "🚀 The mayor said crime fell 👍🏽 by 12% last year." });
    const { cursor } = await claimsOf(article.id);
    const result = await importOnto(article.id, fixture("factmark-export-code-points.json"));
    expect(result.items.map((item) => item.outcome)).toEqual(["anchored", "anchored", "linked"]);
    expect(result).toMatchObject({ anchored: 2, linked: 1, skipped: 0 });
    const [crime, lastYear, link] = result.items;
    expect(link?.reason).toBe(
      'Linked as "supports", from the annotation at "first.items.1" to the annotation at "first.items.0".',
    );
    const { items } = await linksOf(article.id);
    // linkFrom/linkTo give the direction, whatever the order of the two targets.
    expect(items).toEqual([
      expect.objectContaining({
        id: link?.linkId,
        fromClaimId: lastYear?.claimId,
        toClaimId: crime?.claimId,
        kind: "supports",
        createdAt: "2026-11-22T09:00:00.000Z",
      }),
    ]);
    const since = await request("GET", `/api/articles/${article.id}/links?since=${cursor}`);
    expect(((await since.json()) as LinkList).items.map((item) => item.id)).toEqual([link?.linkId]);
    const history = await request("GET", `/api/claims/${crime?.claimId}/history`);
    const events = (await history.json()) as { items: { action: string }[] };
    expect(events.items.map((event) => event.action).sort()).toEqual(["claim.imported", "link.added"]);
  });

  it("links claims the article has, named by their exported annotation id; a repeat is skipped with the reason", async () => {
    const article = await buildArticle(db);
    const envoy = await buildClaim(db, article, "transferred dozens just this summer");
    const denial = await buildClaim(db, article, "totally unfounded");
    const exported = (claimId: string) => `https://factmark.example/annotations/claims/${claimId}`;
    const link = {
      type: "Annotation",
      motivation: "linking",
      body: { type: "TextualBody", purpose: "tagging", value: "contradicts" },
      target: [exported(denial.id), exported(envoy.id)],
    };
    const first = await importOnto(article.id, [link, link]);
    expect(first.items.map((item) => [item.outcome, item.reason])).toEqual([
      [
        "linked",
        `Linked as "contradicts", from the article's claim "${denial.id}" to the article's claim "${envoy.id}".`,
      ],
      ["skipped", 'These two claims are already linked as "contradicts": a pair holds one link of a kind.'],
    ]);
    expect((await linksOf(article.id)).items).toEqual([
      expect.objectContaining({ fromClaimId: denial.id, toClaimId: envoy.id, kind: "contradicts" }),
    ]);
    const again = await expectUnchanged(db, () =>
      request("POST", `/api/articles/${article.id}/annotations/import`, {
        ...link,
        target: [exported(envoy.id), exported(denial.id)],
      }),
    );
    expect(again.status).toBe(200);
    expect(ZAnnotationImportResult.parse(await again.json()).items[0]).toMatchObject({
      outcome: "skipped",
      linkId: null,
      reason: expect.stringMatching(/already linked as "contradicts"/),
    });
  });

  it("skips a link whose end is not a claim here, saying which end and why, and stores the rest", async () => {
    const article = await buildArticle(db);
    const link = (from: string, to: string) => ({
      type: "Annotation",
      linkKind: "supports",
      linkFrom: from,
      linkTo: to,
      target: [from, to],
    });
    const result = await importOnto(article.id, [
      claimAnnotation("urn:a", "totally unfounded"),
      claimAnnotation("urn:b", "the drones were never delivered"),
      link("urn:a", "urn:b"),
      link("urn:a", "https://elsewhere.example/notes/7"),
      link("https://factmark.example/annotations/claims/no-such-claim", "urn:a"),
      link("urn:a", "urn:a"),
      { type: "Annotation", motivation: "linking", target: ["urn:a", "urn:b"] },
    ]);
    expect(result.items.map((item) => [item.outcome, item.reason])).toEqual([
      ["anchored", expect.any(String)],
      ["orphaned", expect.any(String)],
      [
        "skipped",
        'The annotation it links to ("urn:b") was kept as an orphan, not anchored, so there is no claim to link.',
      ],
      [
        "skipped",
        'It links to "https://elsewhere.example/notes/7", which is neither an annotation of this document nor a claim of this article.',
      ],
      ["skipped", 'It links from the claim "no-such-claim", which this article does not have (or has deleted).'],
      ["skipped", "Both its ends are the same claim: a claim is not linked to itself."],
      ["skipped", expect.stringMatching(/A link needs a kind/)],
    ]);
    expect(result).toMatchObject({ anchored: 1, orphaned: 1, linked: 0, skipped: 5 });
    expect((await linksOf(article.id)).items).toEqual([]);
    expect(await db.claim.count({ where: { articleId: article.id } })).toBe(2);
  });

  it("counts a linked item as whole under ?strict=true", async () => {
    const article = await buildArticle(db);
    const result = await importOnto(
      article.id,
      [
        claimAnnotation("urn:a", "totally unfounded"),
        claimAnnotation("urn:b", "transferred dozens just this summer"),
        { type: "Annotation", linkKind: "contradicts", linkFrom: "urn:b", linkTo: "urn:a", target: ["urn:a", "urn:b"] },
      ],
      "?strict=true",
    );
    expect(result).toMatchObject({ anchored: 2, linked: 1, skipped: 0 });
  });
});

describe("errors of the worker pool", () => {
  it("stops placing that outruns its time with 422 naming the limit, and stores nothing", async () => {
    const { text, document } = largeImport(5_000);
    const article = await buildArticle(db, { content: text });
    process.env.ANNOTATION_PLAN_TIME_MS = "50";
    try {
      const response = await expectUnchanged(db, () =>
        request("POST", `/api/articles/${article.id}/annotations/import`, document),
      );
      const error = await expectApiError(response, 422, "UNPROCESSABLE");
      expect(error.message).toBe("Placing the annotations took longer than 0.05 s and was stopped.");
      expect(error.details).toMatchObject({ limit: "time", limitMs: 50 });
    } finally {
      delete process.env.ANNOTATION_PLAN_TIME_MS;
    }
  }, 120_000);
});
