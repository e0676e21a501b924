import {
  type DocNode,
  plainTextToDoc,
  ZArticle,
  ZArticleSaved,
  ZClaim,
  ZClaimHistory,
  ZClaimList,
} from "@factmark/core";
import { afterAll, describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";
import { sendWhileArticleLocked } from "../test/sendWhileArticleLocked";
import { closeHeavyWork } from "../work/heavyWork";

const { db, request } = await createTestApp();
// Saves re-anchor on the worker pool.
afterAll(() => closeHeavyWork());

const docOf = (lines: string[]): DocNode => plainTextToDoc(lines.join("\n"));
const LINES = [
  "Iran sold a limited number of drones months before the Ukraine war, said Amir-Abdollahian.",
  "Robert Malley said Iran transferred dozens just this summer.",
  "Iravani called any support for Russia totally unfounded.",
];

async function save(id: string, version: number, doc: unknown) {
  return request("PATCH", `/api/articles/${id}`, { doc }, { "If-Match": `"${version}"` });
}

async function claimsOf(articleId: string) {
  return ZClaimList.parse(await (await request("GET", `/api/articles/${articleId}/claims`)).json()).items;
}

describe("PATCH /api/articles/:id with a new doc", () => {
  it("stores the doc and its text, re-anchors claims, records history, and bumps the version", async () => {
    const article = await buildArticle(db);
    const moved = await buildClaim(db, article, "transferred dozens just this summer");
    const edited = await buildClaim(db, article, "limited number of drones");
    const orphan = await buildClaim(db, article, "totally unfounded");
    const newLines = [
      "Iran sold a limited number of armed drones months before the Ukraine war, said Amir-Abdollahian.",
      "On Monday, the US envoy Robert Malley said Iran transferred dozens just this summer.",
      "Iravani rejected the report.",
    ];
    const response = await save(article.id, 1, docOf(newLines));
    expect(response.status).toBe(200);
    expect(response.headers.get("ETag")).toBe('"2"');
    const saved = ZArticleSaved.parse(await response.json());
    expect(saved.version).toBe(2);
    expect(saved.text).toBe(newLines.join("\n"));
    expect(saved.reanchored).toEqual({ exact: 1, moved: 0, fuzzy: 1, orphaned: 1 });

    const claims = await claimsOf(article.id);
    const byId = new Map(claims.map((claim) => [claim.id, claim]));
    const movedNow = byId.get(moved.id);
    expect(movedNow?.isOrphaned).toBe(false);
    expect(movedNow?.selectors.position.start).toBe(saved.text.indexOf("transferred dozens"));
    expect(movedNow?.version).toBe(2);
    expect(byId.get(edited.id)?.selectors.quote.exact).toBe("limited number of armed drones");
    // The orphan is still listed, flagged, with the quote it had.
    expect(byId.get(orphan.id)).toMatchObject({
      isOrphaned: true,
      selectors: { quote: { exact: "totally unfounded" } },
    });

    const history = ZClaimHistory.parse(await (await request("GET", `/api/claims/${edited.id}/history`)).json());
    expect(history.items[0]).toMatchObject({
      action: "claim.reanchored",
      from: { start: edited.selectors.position.start, exact: "limited number of drones" },
      to: { exact: "limited number of armed drones", status: "fuzzy" },
    });
    const orphanHistory = ZClaimHistory.parse(await (await request("GET", `/api/claims/${orphan.id}/history`)).json());
    expect(orphanHistory.items[0]).toMatchObject({ action: "claim.orphaned", from: { exact: "totally unfounded" } });

    const reread = ZArticle.parse(await (await request("GET", `/api/articles/${article.id}`)).json());
    expect(reread.doc).toEqual(docOf(newLines));
  });

  it("hands the claims an edit moved to the next refresh, and only those", async () => {
    const article = await buildArticle(db);
    const before = await buildClaim(db, article, "limited number of drones");
    const after = await buildClaim(db, article, "totally unfounded");
    const { cursor } = ZClaimList.parse(await (await request("GET", `/api/articles/${article.id}/claims`)).json());
    const newLines = [...LINES.slice(0, 2), `Later, ${LINES[2]}`];
    expect((await save(article.id, 1, docOf(newLines))).status).toBe(200);

    const changes = ZClaimList.parse(
      await (await request("GET", `/api/articles/${article.id}/claims?since=${cursor}`)).json(),
    );
    expect(changes.items.map((claim) => claim.id)).toEqual([after.id]);
    expect(changes.items[0]?.selectors.position.start).toBe(newLines.join("\n").indexOf("totally unfounded"));
    expect(changes.items.map((claim) => claim.id)).not.toContain(before.id);
  });

  it("finishes an edit that moves claims while reviewers change those claims, refusing none with a 5xx", async () => {
    const article = await buildArticle(db);
    const claims = await Promise.all(
      ["Iran sold", "limited number", "Robert Malley", "transferred dozens", "totally unfounded"].map((exact) =>
        buildClaim(db, article, exact),
      ),
    );
    const newLines = LINES.map((line) => `Reportedly, ${line}`);
    const statuses = await Promise.all([
      ...claims.map(
        async (claim) =>
          (await request("PATCH", `/api/claims/${claim.id}`, { verdict: "supported" }, { "If-Match": '"1"' })).status,
      ),
      save(article.id, 1, docOf(newLines)).then((response) => response.status),
      ...claims.map(
        async (claim) =>
          (await request("PATCH", `/api/claims/${claim.id}`, { rationale: "Checked." }, { "If-Match": '"1"' })).status,
      ),
    ]);
    // Each claim change either lands or meets the edit's new version (412): never a deadlock's 500.
    expect(statuses.filter((status) => status !== 200 && status !== 412)).toEqual([]);
    const now = await claimsOf(article.id);
    expect(now.map((claim) => claim.selectors.quote.exact).sort()).toEqual(
      claims.map((claim) => claim.selectors.quote.exact).sort(),
    );
  });

  it("places a new claim against the text as edited, not the text it read before the edit", async () => {
    const article = await buildArticle(db);
    await buildClaim(db, article, "Iran sold");
    const newLines = [...LINES.slice(0, 1), "Malley later said the transfers were in the hundreds.", ...LINES.slice(2)];
    expect((await save(article.id, 1, docOf(newLines))).status).toBe(200);

    const added = await request("POST", `/api/articles/${article.id}/claims`, {
      selectors: { quote: { exact: "in the hundreds" } },
    });
    expect(added.status).toBe(201);
    const gone = await expectUnchanged(db, () =>
      request("POST", `/api/articles/${article.id}/claims`, { selectors: { quote: { exact: "transferred dozens" } } }),
    );
    await expectApiError(gone, 422, "UNPROCESSABLE");
  });

  it("keeps metadata edits working beside the doc, and a doc-less save answers no summary", async () => {
    const article = await buildArticle(db);
    const response = await request("PATCH", `/api/articles/${article.id}`, { title: "Renamed" }, { "If-Match": '"1"' });
    expect(response.status).toBe(200);
    const saved = ZArticleSaved.parse(await response.json());
    expect(saved.title).toBe("Renamed");
    expect(saved.reanchored).toBeUndefined();
  });

  it("answers 412 with the current article when the version is stale, and changes nothing", async () => {
    const article = await buildArticle(db);
    await buildClaim(db, article, "totally unfounded");
    expect((await save(article.id, 1, docOf([...LINES, "A new last line."]))).status).toBe(200);
    const response = await expectUnchanged(db, () => save(article.id, 1, docOf(["Someone else's version."])));
    const error = await expectApiError(response, 412, "PRECONDITION_FAILED");
    const current = ZArticle.parse((error.details as { current: unknown }).current);
    expect(current.version).toBe(2);
    expect(current.text).toContain("A new last line.");
  });

  it("answers 428 without If-Match", async () => {
    const article = await buildArticle(db);
    const response = await expectUnchanged(db, () =>
      request("PATCH", `/api/articles/${article.id}`, { doc: docOf(["Text."]) }),
    );
    await expectApiError(response, 428, "PRECONDITION_REQUIRED");
  });

  it.each([
    ["an unknown node", { type: "doc", content: [{ type: "codeBlock", content: [{ type: "text", text: "x" }] }] }],
    ["a javascript: link", docWithLink("javascript:alert(1)")],
    ["an image", { type: "doc", content: [{ type: "paragraph", content: [{ type: "image", attrs: { src: "x" } }] }] }],
    ["a document with no text", { type: "doc", content: [{ type: "paragraph" }] }],
    ["something that is not a document", { type: "paragraph" }],
  ])("refuses %s with 400 and changes nothing", async (_name, doc) => {
    const article = await buildArticle(db);
    await buildClaim(db, article, "totally unfounded");
    const response = await expectUnchanged(db, () => save(article.id, 1, doc));
    await expectApiError(response, 400, "VALIDATION_FAILED");
  });

  it("answers 404 for an unknown article", async () => {
    const response = await expectUnchanged(db, () => save("nope", 1, docOf(["Text."])));
    await expectApiError(response, 404, "NOT_FOUND");
  });

  it("keeps an orphan orphaned on later saves, and counts it in the article list", async () => {
    const article = await buildArticle(db);
    const orphan = await buildClaim(db, article, "totally unfounded");
    await save(article.id, 1, docOf(LINES.slice(0, 2)));
    const second = ZArticleSaved.parse(
      await (await save(article.id, 2, docOf([...LINES.slice(0, 2), "More."]))).json(),
    );
    expect(second.reanchored).toEqual({ exact: 0, moved: 0, fuzzy: 0, orphaned: 0 });
    expect((await claimsOf(article.id)).find((claim) => claim.id === orphan.id)?.isOrphaned).toBe(true);
    const list = (await (await request("GET", "/api/articles")).json()) as {
      items: { id: string; orphanCount: number }[];
    };
    expect(list.items.find((item) => item.id === article.id)?.orphanCount).toBe(1);
  });
});

describe("POST /api/claims/:id/reattach", () => {
  async function orphaned() {
    const article = await buildArticle(db);
    const claim = await buildClaim(db, article, "totally unfounded");
    const saved = ZArticleSaved.parse(
      await (await save(article.id, 1, docOf([...LINES.slice(0, 2), "Iravani called the report baseless."]))).json(),
    );
    return { article: saved, claim: ZClaim.parse(await (await request("GET", `/api/claims/${claim.id}`)).json()) };
  }

  it("puts an orphan on new text, no longer orphaned, and records it", async () => {
    const { article, claim } = await orphaned();
    expect(claim.isOrphaned).toBe(true);
    const start = article.text.indexOf("baseless");
    const response = await request(
      "POST",
      `/api/claims/${claim.id}/reattach`,
      { selectors: { position: { start, end: start + 8 } } },
      { "If-Match": `"${claim.version}"` },
    );
    expect(response.status).toBe(200);
    const reattached = ZClaim.parse(await response.json());
    expect(reattached).toMatchObject({
      isOrphaned: false,
      version: claim.version + 1,
      selectors: { position: { start, end: start + 8 }, quote: { exact: "baseless" } },
    });
    expect(response.headers.get("ETag")).toBe(`"${claim.version + 1}"`);
    const history = ZClaimHistory.parse(await (await request("GET", `/api/claims/${claim.id}/history`)).json());
    expect(history.items[0]).toMatchObject({
      action: "claim.reanchored",
      from: { exact: "totally unfounded", isOrphaned: true },
      to: { exact: "baseless", status: "reattached" },
    });
  });

  it("accepts a quote alone, as creating a claim does", async () => {
    const { claim } = await orphaned();
    const response = await request("POST", `/api/claims/${claim.id}/reattach`, {
      selectors: { quote: { exact: "called the report baseless" } },
    });
    expect(response.status).toBe(200);
    expect(ZClaim.parse(await response.json()).isOrphaned).toBe(false);
  });

  it("refuses selectors that do not fit the text with 422, and changes nothing", async () => {
    const { claim } = await orphaned();
    const response = await expectUnchanged(db, () =>
      request("POST", `/api/claims/${claim.id}/reattach`, { selectors: { quote: { exact: "totally unfounded" } } }),
    );
    await expectApiError(response, 422, "UNPROCESSABLE");
  });

  it("refuses a stale If-Match with 412, a bad body with 400, an unknown claim with 404", async () => {
    const { claim } = await orphaned();
    const selectors = { quote: { exact: "baseless" } };
    const stale = await expectUnchanged(db, () =>
      request("POST", `/api/claims/${claim.id}/reattach`, { selectors }, { "If-Match": '"1"' }),
    );
    await expectApiError(stale, 412, "PRECONDITION_FAILED");
    const bad = await expectUnchanged(db, () => request("POST", `/api/claims/${claim.id}/reattach`, { selectors: {} }));
    await expectApiError(bad, 400, "VALIDATION_FAILED");
    const missing = await expectUnchanged(db, () => request("POST", "/api/claims/nope/reattach", { selectors }));
    await expectApiError(missing, 404, "NOT_FOUND");
  });

  it("sees what a write it waited for committed: a claim changed meanwhile is reattached as it is now, or refused with If-Match (412)", async () => {
    for (const ifMatch of [false, true]) {
      const { article, claim } = await orphaned();
      const response = await sendWhileArticleLocked(
        db,
        article.id,
        () =>
          request(
            "POST",
            `/api/claims/${claim.id}/reattach`,
            { selectors: { quote: { exact: "baseless" } } },
            ifMatch ? { "If-Match": `"${claim.version}"` } : {},
          ),
        (tx) =>
          tx.claim.update({
            where: { id: claim.id },
            data: { rationale: "Changed meanwhile.", version: { increment: 1 } },
          }),
      );
      const stored = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
      if (ifMatch) {
        const error = await expectApiError(response, 412, "PRECONDITION_FAILED");
        expect(error.details).toMatchObject({ current: { id: claim.id, version: claim.version + 1 } });
        expect({ isOrphaned: stored.isOrphaned, version: stored.version }).toEqual({
          isOrphaned: true,
          version: claim.version + 1,
        });
      } else {
        expect(response.status).toBe(200);
        expect(ZClaim.parse(await response.json())).toMatchObject({
          isOrphaned: false,
          rationale: "Changed meanwhile.",
          version: claim.version + 2,
        });
      }
    }
  });

  it("sees what a write it waited for committed: its claim or article deleted (404), storing nothing", async () => {
    for (const deleting of ["claim", "article"] as const) {
      const { article, claim } = await orphaned();
      const response = await sendWhileArticleLocked(
        db,
        article.id,
        () => request("POST", `/api/claims/${claim.id}/reattach`, { selectors: { quote: { exact: "baseless" } } }),
        (tx) =>
          deleting === "claim"
            ? tx.claim.update({ where: { id: claim.id }, data: { deletedAt: new Date(), version: { increment: 1 } } })
            : tx.article.update({ where: { id: article.id }, data: { deletedAt: new Date() } }),
      );
      const error = await expectApiError(response, 404, "NOT_FOUND");
      expect(error.message, deleting).toBe(`No claim with id "${claim.id}".`);
      const stored = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
      expect(stored.isOrphaned, deleting).toBe(true);
      expect(await db.event.count({ where: { claimId: claim.id, action: "claim.reanchored" } }), deleting).toBe(0);
    }
  });
});

function docWithLink(href: string) {
  return {
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href } }] }] },
    ],
  };
}
