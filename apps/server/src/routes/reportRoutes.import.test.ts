import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type AnnotationCollection,
  type Article,
  buildNativeJson,
  buildReportModel,
  type NativeReport,
  ZArticle,
} from "@factmark/core";
import { describe, expect, it } from "vitest";
import { generateLargeReportInput } from "../../../../packages/core/src/testing/generateLargeReportInput";
import { CORE_ROOT } from "../../../../packages/core/src/testing/readFixture";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { buildEvidence } from "../test/buildEvidence";
import { buildLink } from "../test/buildLink";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";

const { db, request } = await createTestApp();

const article = await buildArticle(db, {
  sourceUrl: "https://www.example.com/iran-drones",
  outlet: "Example News",
  author: "A. Reporter",
  publishedAt: "2022-11-10",
});
const limited = await buildClaim(db, article, "a limited number of drones months before the Ukraine war", {
  verdict: "contradicted",
  speaker: "Hossein Amir-Abdollahian",
  rationale: 'Deliveries were documented after the invasion.\n\nSee below, "quoted" & <escaped>.',
});
const dozens = await buildClaim(db, article, "transferred dozens just this summer", {
  verdict: "supported",
  speaker: "Robert Malley",
});
const unfounded = await buildClaim(db, article, "totally unfounded", { speaker: "Amir Saeid Iravani" });
await buildClaim(db, article, "Iran sold", { rationale: "Overlaps the first claim." });
await buildLink(db, limited, dozens, "contradicts", "Months before the war, or this summer?");
await buildLink(db, unfounded, dozens, "contradicts");
await buildLink(db, limited, unfounded, "supports");
await buildEvidence(db, limited);
await buildEvidence(db, limited, {
  url: "https://www.state.gov/briefing",
  title: null,
  excerpt: null,
  stance: "context",
});
await buildEvidence(db, dozens, { stance: "supports", title: "Envoy's statement" });

/** The original article's document with one more paragraph holding `node`. */
function docWith(node: unknown) {
  const { content = [] } = original.article.doc as { content?: unknown[] };
  return { type: "doc", content: [...content, { type: "paragraph", content: [node] }] };
}

function linkedText(href: string) {
  return { type: "text", text: "a link", marks: [{ type: "link", attrs: { href } }] };
}

async function exportJson(id: string): Promise<NativeReport> {
  const response = await request("GET", `/api/articles/${id}/report?format=json`);
  expect(response.status).toBe(200);
  return (await response.json()) as NativeReport;
}

const original = await exportJson(article.id);

async function exportW3c(id: string): Promise<AnnotationCollection> {
  const response = await request("GET", `/api/articles/${id}/report?format=w3c`);
  expect(response.status).toBe(200);
  return (await response.json()) as AnnotationCollection;
}

async function importDocument(document: unknown): Promise<Article> {
  const response = await request("POST", "/api/articles/import", document);
  expect(response.status).toBe(201);
  const imported = ZArticle.parse(await response.json());
  expect(response.headers.get("location")).toBe(`/api/articles/${imported.id}`);
  return imported;
}

/** What a round trip must keep, ids aside: claims in order, and what hangs off them by claim number. */
function reviewOf(report: NativeReport) {
  const numberOf = new Map(report.claims.map((claim, index) => [claim.id, index + 1]));
  return {
    article: {
      title: report.article.title,
      sourceUrl: report.article.sourceUrl,
      outlet: report.article.outlet,
      author: report.article.author,
      publishedAt: report.article.publishedAt,
      text: report.article.text,
    },
    claims: report.claims.map((claim) => ({
      selectors: claim.selectors,
      verdict: claim.verdict,
      speaker: claim.speaker,
      rationale: claim.rationale,
      isOrphaned: claim.isOrphaned,
      evidence: report.evidence
        .filter((item) => item.claimId === claim.id)
        .map(({ url, title, excerpt, stance }) => ({ url, title, excerpt, stance })),
    })),
    links: report.links
      .map((link) => ({
        from: numberOf.get(link.fromClaimId),
        to: numberOf.get(link.toClaimId),
        kind: link.kind,
        note: link.note,
      }))
      .sort((a, b) => (a.from ?? 0) - (b.from ?? 0) || (a.to ?? 0) - (b.to ?? 0) || a.kind.localeCompare(b.kind)),
  };
}

/** A W3C export without what differs between two stored copies: ids, timestamps, and the claims' ids in links. */
function annotationsOf(collection: AnnotationCollection) {
  const claimIndex = new Map(collection.first.items.map((item, index) => [item.id, index]));
  return {
    about: collection["schema:about"],
    total: collection.total,
    items: collection.first.items.map(
      ({ id: _id, created: _created, modified: _modified, generated: _generated, ...item }) => ({
        ...item,
        target: Array.isArray(item.target) ? item.target.map((id) => claimIndex.get(id)) : item.target,
        // A link's direction names its claims' annotations, whose ids differ between the two copies.
        ...("linkFrom" in item ? { linkFrom: claimIndex.get(item.linkFrom as string) } : {}),
        ...("linkTo" in item ? { linkTo: claimIndex.get(item.linkTo as string) } : {}),
      }),
    ),
  };
}

describe("POST /api/articles/import", () => {
  it("round-trips a native JSON export: claims, verdicts, speakers, rationale, evidence and links", async () => {
    const exported = await exportJson(article.id);
    const imported = await importDocument(exported);
    expect(imported).toMatchObject({ title: article.title, text: article.text, version: 1 });
    expect(imported.id).not.toBe(article.id);
    const again = await exportJson(imported.id);
    expect(reviewOf(again)).toEqual(reviewOf(exported));
    expect(again.claims).toHaveLength(4);
    expect(again.links).toHaveLength(3);
    expect(again.evidence).toHaveLength(3);
    expect(again.article.doc).toEqual(exported.article.doc);
  });

  it("round-trips a W3C Web Annotation collection", async () => {
    const exported = await exportW3c(article.id);
    const imported = await importDocument(exported);
    const again = await exportW3c(imported.id);
    expect(annotationsOf(again)).toEqual(annotationsOf(exported));
    expect(reviewOf(await exportJson(imported.id))).toEqual(reviewOf(await exportJson(article.id)));
  });

  it("imports a W3C collection whose positions count code points, with Factmark's own terms", async () => {
    const emoji = await buildArticle(db, { content: "🚀 The mayor said crime fell 👍🏽 by 12% last year." });
    await buildClaim(db, emoji, "crime fell 👍🏽 by 12%", { verdict: "contradicted", speaker: "The mayor" });
    await buildClaim(db, emoji, "last year", { verdict: "supported" });
    const exported = await exportW3c(emoji.id);
    const imported = await importDocument(exported);
    expect(reviewOf(await exportJson(imported.id))).toEqual(reviewOf(await exportJson(emoji.id)));

    const fromFixture = await importDocument(
      JSON.parse(readFileSync(join(CORE_ROOT, "test-fixtures/annotations/factmark-export-code-points.json"), "utf8")),
    );
    const review = reviewOf(await exportJson(fromFixture.id));
    expect(review.claims.map((claim) => [claim.selectors.quote.exact, claim.verdict, claim.speaker])).toEqual([
      ["crime fell 👍🏽 by 12%", "contradicted", "The mayor"],
      ["last year", "supported", null],
    ]);
    // linkFrom/linkTo give the direction, whatever the order of the two targets.
    expect(review.links).toEqual([{ from: 2, to: 1, kind: "supports", note: null }]);
  });

  it("imports a W3C collection whose positions come from a web page (no paragraph breaks): the quotes win", async () => {
    const exported = await exportW3c(article.id);
    const text = exported["schema:about"]["schema:text"];
    const collection = JSON.parse(JSON.stringify(exported)) as {
      first: { items: { target: { selector?: { type: string; start?: number; end?: number }[] } }[] };
    };
    for (const item of collection.first.items) {
      for (const selector of Array.isArray(item.target) ? [] : (item.target.selector ?? [])) {
        if (selector.type !== "TextPositionSelector" || selector.start === undefined) continue;
        const breaks = text.slice(0, selector.start).split("\n").length - 1;
        selector.start -= breaks;
        selector.end = (selector.end ?? 0) - breaks;
      }
    }
    const imported = await importDocument(collection);
    expect(reviewOf(await exportJson(imported.id))).toEqual(reviewOf(await exportJson(article.id)));
  });

  it("records the import after the history it brings in", async () => {
    const exported = await exportJson(article.id);
    const imported = await importDocument(exported);
    const events = await db.event.findMany({ where: { articleId: imported.id }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.action)).toEqual([
      ...exported.events.map((event) => event.action),
      "article.imported",
    ]);
    expect(JSON.parse(events.at(-1)?.to ?? "null")).toMatchObject({ title: article.title, source: "factmark-json" });
  });

  it("imports a large export (2,000 claims, 500 links, 1,000 evidence) past the default body limit", async () => {
    const input = generateLargeReportInput();
    // As the server exports it: the native JSON always carries the history.
    const document = buildNativeJson(buildReportModel(input, { history: "include" }));
    expect(JSON.stringify(document).length).toBeGreaterThan(256 * 1024);
    const imported = await importDocument(document);
    const [claims, links, evidence] = await Promise.all([
      db.claim.count({ where: { articleId: imported.id } }),
      db.link.count({ where: { articleId: imported.id } }),
      db.evidence.count({ where: { claim: { articleId: imported.id } } }),
    ]);
    expect({ claims, links, evidence }).toEqual({ claims: 2000, links: 500, evidence: 1000 });
  }, 60_000);

  describe("a document that is not valid changes nothing", () => {
    const badDocuments: [string, () => unknown, number, string][] = [
      ["an array", () => [original], 400, "Expected a Factmark JSON export"],
      ["a document of another kind", () => ({ hello: "world" }), 400, "Expected a Factmark JSON export"],
      ["a newer schema version", () => ({ ...original, schemaVersion: 2 }), 400, "schemaVersion"],
      [
        "a claim with an unknown verdict",
        () => ({
          ...original,
          claims: original.claims.map((claim, i) => (i === 2 ? { ...claim, verdict: "maybe" } : claim)),
        }),
        400,
        "claims.2.verdict",
      ],
      [
        "a claim whose quote is not in the article",
        () => ({
          ...original,
          claims: original.claims.map((claim, i) =>
            i === 3
              ? { ...claim, selectors: { position: { start: 0, end: 5 }, quote: { exact: "Nowhere in this text" } } }
              : claim,
          ),
        }),
        422,
        "claims.3",
      ],
      [
        "evidence for a claim that is not there",
        () => ({
          ...original,
          evidence: [...original.evidence, { ...original.evidence[0], claimId: "missing-claim" }],
        }),
        422,
        "missing-claim",
      ],
      [
        "a link to a claim that is not there",
        () => ({ ...original, links: [...original.links, { ...original.links[0], toClaimId: "missing-claim" }] }),
        422,
        "missing-claim",
      ],
      [
        "evidence with a javascript: URL",
        () => ({ ...original, evidence: [{ ...original.evidence[0], url: "javascript:alert(1)" }] }),
        400,
        "evidence.0.url",
      ],
      // The document goes through the editor's schema, as a pasted or edited one does: a node or mark the
      // editor does not know would store an article that shows a blank body, or hand on a script link.
      [
        "a document with a javascript: link",
        () => ({ ...original, article: { ...original.article, doc: docWith(linkedText("javascript:alert(1)")) } }),
        400,
        "article.doc",
      ],
      [
        "a document with an image node that carries an event handler",
        () => ({
          ...original,
          article: { ...original.article, doc: docWith({ type: "image", attrs: { src: "x", onerror: "alert(1)" } }) },
        }),
        400,
        "article.doc",
      ],
      [
        "a document with a heading whose level is a string",
        () => ({
          ...original,
          article: {
            ...original.article,
            doc: {
              type: "doc",
              content: [
                { type: "heading", attrs: { level: "2" }, content: [{ type: "text", text: "Title" }] },
                ...((original.article.doc as { content: unknown[] }).content ?? []),
              ],
            },
          },
        }),
        400,
        "article.doc",
      ],
      [
        "a W3C collection without the article",
        () => ({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationCollection", first: { items: [] } }),
        400,
        "schema:about",
      ],
    ];

    for (const [name, build, status, named] of badDocuments) {
      it(`refuses ${name}, naming what is wrong`, async () => {
        const response = await expectUnchanged(db, () => request("POST", "/api/articles/import", build()));
        const error = await expectApiError(response, status, status === 422 ? "UNPROCESSABLE" : "VALIDATION_FAILED");
        expect(error.message).toContain(named);
      });
    }

    it("refuses a body that is not JSON", async () => {
      const response = await expectUnchanged(db, () => request("POST", "/api/articles/import", "{ not json"));
      await expectApiError(response, 400, "VALIDATION_FAILED");
    });

    it("refuses a body sent as something other than JSON", async () => {
      const response = await expectUnchanged(db, () =>
        request("POST", "/api/articles/import", JSON.stringify(original), { "content-type": "text/plain" }),
      );
      await expectApiError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    });

    it("refuses a body over 8 MB", async () => {
      const huge = { ...original, padding: "x".repeat(8 * 1024 * 1024) };
      const response = await expectUnchanged(db, () => request("POST", "/api/articles/import", huge));
      await expectApiError(response, 413, "PAYLOAD_TOO_LARGE");
    });

    it("writes nothing when the database refuses part of the import", async () => {
      // A failure after every row is written (a full disk, a lost connection): the article rolls back with its claims.
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
          return await request("POST", "/api/articles/import", original);
        } finally {
          (db as unknown as { $transaction: unknown }).$transaction = spy;
        }
      });
      expect(response.status).toBe(500);
    });
  });
});
