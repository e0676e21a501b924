import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  type AnnotationCollection,
  FACTMARK_CONTEXT,
  type TextPositionSelector,
  type TextQuoteSelector,
  type WebAnnotation,
} from "@factmark/core";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { reportOrganisation, reportOrganisationFor } from "../report/reportSettings";
import { SEED_ADMIN } from "../repositories/accountRepository";
import type { AnnotationContainerDocument, AnnotationPageDocument } from "../services/annotations/annotationContainer";
import { deleteArticle } from "../services/articles/deleteArticle";
import { deleteClaim } from "../services/claims/deleteClaim";
import { updateClaim } from "../services/claims/updateClaim";
import { deleteLink } from "../services/links/deleteLink";
import { exportReport } from "../services/report/exportReport";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { buildEvidence } from "../test/buildEvidence";
import { buildLink } from "../test/buildLink";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { serveWebApp } from "../web/serveWebApp";
import { closeHeavyWork } from "../work/heavyWork";

const { app, db, request } = await createTestApp();
// Report models (and the export) are built on the worker pool; its threads end with the file.
afterAll(() => closeHeavyWork());
afterEach(() => {
  delete process.env.ANNOTATION_PAGE_SIZE;
  delete process.env.FACTMARK_ORGANISATION_URL;
});

/** The web app installed after the API, as main.ts does: its page fallback must never answer these paths. */
function installWebApp(): void {
  const dist = mkdtempSync(path.join(tmpdir(), "factmark-web-"));
  mkdirSync(path.join(dist, "assets"));
  writeFileSync(
    path.join(dist, "index.html"),
    '<!doctype html><html><head></head><body><div id="root"></div></body></html>',
  );
  expect(serveWebApp(app, dist)).toBe(true);
}
installWebApp();

const MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/** An article with an emoji before its claims, so positions in code points differ from UTF-16's. */
async function buildAnnotatedArticle() {
  const article = await buildArticle(db, {
    title: "Drones 🚀 and the envoy",
    content:
      "🚀 Iran sold a limited number of drones months before the Ukraine war 👍🏽, said Amir-Abdollahian.\nRobert Malley said Iran transferred dozens just this summer.",
  });
  const limited = await buildClaim(db, article, "a limited number of drones months before the Ukraine war 👍🏽", {
    verdict: "contradicted",
    speaker: "Hossein Amir-Abdollahian",
  });
  const dozens = await buildClaim(db, article, "transferred dozens just this summer", { verdict: "supported" });
  const link = await buildLink(db, limited, dozens, "contradicts", "Months before, or this summer?");
  await buildEvidence(db, limited);
  return { article, limited, dozens, link };
}

const annotated = await buildAnnotatedArticle();

async function exportOf(articleId: string): Promise<AnnotationCollection> {
  const response = await request("GET", `/api/articles/${articleId}/report?format=w3c`);
  expect(response.status).toBe(200);
  return (await response.json()) as AnnotationCollection;
}

/** Path and query of an absolute id, to send through the app. */
function pathOf(id: string): string {
  const url = new URL(id);
  return `${url.pathname}${url.search}`;
}

/** An annotation without `generated`: the time its serialisation was made, not something it says. */
function withoutGenerated({ generated: _generated, ...rest }: WebAnnotation) {
  return rest;
}

describe("GET /annotations/claims/:id and /annotations/links/:id", () => {
  it("resolves every id an export names to that annotation alone, with the export's @context, for a signed-in reader", async () => {
    const exported = await exportOf(annotated.article.id);
    expect(exported.first.items).toHaveLength(3);
    for (const item of exported.first.items) {
      const response = await request("GET", pathOf(item.id), undefined, {}, { as: "viewer" });
      expect(response.status, item.id).toBe(200);
      expect(response.headers.get("content-type")).toBe(MEDIA_TYPE);
      const answered = (await response.json()) as WebAnnotation;
      expect(answered["@context"]).toEqual(exported["@context"]);
      const { "@context": _context, ...annotation } = answered;
      expect(withoutGenerated(annotation)).toEqual(withoutGenerated(item));
    }
    // The links' ends, the collection, its page and Factmark's context resolve too.
    const others = [
      ...exported.first.items.flatMap((item) => [item.linkFrom, item.linkTo].filter((id) => id !== undefined)),
      exported.id,
      exported.first.id,
      exported["@context"][1],
    ];
    for (const id of others) {
      const response = await request("GET", pathOf(id), undefined, {}, { as: "viewer" });
      expect(response.status, id).toBe(200);
      expect(response.headers.get("content-type"), id).toMatch(/^application\/ld\+json/);
    }
  });

  it("gives the claim's position in code points, which reads its quote in the article's text", async () => {
    const response = await request("GET", `/annotations/claims/${annotated.limited.id}`);
    const annotation = (await response.json()) as WebAnnotation;
    if (Array.isArray(annotation.target)) throw new Error("A claim targets the article.");
    const [quote, position] = annotation.target.selector as [TextQuoteSelector, TextPositionSelector];
    expect(quote.exact).toBe("a limited number of drones months before the Ukraine war 👍🏽");
    expect(position).toEqual({ type: "TextPositionSelector", start: 12, end: 71 });
    expect([...annotated.article.text].slice(position.start, position.end).join("")).toBe(quote.exact);
    expect(annotation).toMatchObject({ verdict: "contradicted", speaker: "Hossein Amir-Abdollahian" });
  });

  it("answers with the protocol's headers: media type, a weak ETag, Link to ldp:Resource, Allow and Vary", async () => {
    const response = await request("GET", `/annotations/links/${annotated.link.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(MEDIA_TYPE);
    expect(response.headers.get("etag")).toMatch(/^W\/"[\w-]{22}"$/);
    expect(response.headers.get("link")).toBe('<http://www.w3.org/ns/ldp#Resource>; rel="type"');
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(response.headers.get("vary")).toContain("Accept");
    expect(response.headers.get("cache-control")).toBe("private, no-cache");
    const link = (await response.json()) as WebAnnotation;
    expect(link).toMatchObject({
      linkKind: "contradicts",
      linkFrom: `http://localhost/annotations/claims/${annotated.limited.id}`,
      linkTo: `http://localhost/annotations/claims/${annotated.dozens.id}`,
    });
  });

  it("answers 304 to If-None-Match with the current ETag, and a new ETag once the claim changes", async () => {
    const article = await buildArticle(db);
    const claim = await buildClaim(db, article, "totally unfounded");
    const url = `/annotations/claims/${claim.id}`;
    const etag = (await request("GET", url)).headers.get("etag") ?? "";
    const again = await request("GET", url, undefined, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    await updateClaim(db, SEED_ADMIN, claim.id, claim.version, { verdict: "contradicted" });
    const changed = await request("GET", url, undefined, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(((await changed.json()) as WebAnnotation).verdict).toBe("contradicted");
  });

  it("answers HEAD with the headers and no body, and OPTIONS with Allow even without a session (CORS pre-flight)", async () => {
    const head = await app.request(`/annotations/claims/${annotated.limited.id}`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toMatch(/^W\//);
    expect(await head.text()).toBe("");
    const options = await request(
      "OPTIONS",
      `/annotations/claims/${annotated.limited.id}`,
      undefined,
      {},
      {
        as: "anonymous",
      },
    );
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });

  it("answers 401 as JSON without a session, never the app's page", async () => {
    for (const url of [
      `/annotations/claims/${annotated.limited.id}`,
      `/annotations/links/${annotated.link.id}`,
      `/articles/${annotated.article.id}/annotations`,
      `/articles/${annotated.article.id}/annotations?page=0`,
    ]) {
      const response = await request("GET", url, undefined, {}, { as: "anonymous" });
      expect(response.headers.get("content-type"), url).toMatch(/^application\/json/);
      await expectApiError(response, 401, "UNAUTHENTICATED");
    }
  });

  it("answers 404 as JSON for a claim or link that is not there, deleted, or of a deleted article", async () => {
    const article = await buildArticle(db);
    const deletedClaim = await buildClaim(db, article, "totally unfounded");
    const keptClaim = await buildClaim(db, article, "transferred dozens just this summer");
    const deletedLink = await buildLink(db, keptClaim, deletedClaim);
    await deleteLink(db, SEED_ADMIN, deletedLink.id);
    await deleteClaim(db, SEED_ADMIN, deletedClaim.id);
    const gone = await buildArticle(db);
    const claimOfGone = await buildClaim(db, gone, "totally unfounded");
    await deleteArticle(db, SEED_ADMIN, gone.id);
    for (const url of [
      "/annotations/claims/clm_never_there",
      `/annotations/claims/${deletedClaim.id}`,
      `/annotations/claims/${claimOfGone.id}`,
      "/annotations/links/lnk_never_there",
      `/annotations/links/${deletedLink.id}`,
      "/annotations/claims/%3Cscript%3E",
      `/annotations/claims/${keptClaim.id}/extra`,
      "/annotations/evidence/x",
      "/articles/art_never_there/annotations",
      `/articles/${gone.id}/annotations`,
      `/articles/${article.id}/annotations/`,
      `/articles/${article.id}/annotations/anything`,
    ]) {
      const response = await request("GET", url);
      expect(response.headers.get("content-type"), url).toMatch(/^application\/json/);
      await expectApiError(response, 404, "NOT_FOUND");
    }
    // The app's pages still answer where they should.
    const page = await request("GET", `/articles/${article.id}`);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
  });

  it("refuses writes with a JSON 404: the protocol's write side is not offered", async () => {
    const response = await request("DELETE", `/annotations/claims/${annotated.limited.id}`);
    await expectApiError(response, 404, "NOT_FOUND");
    expect((await request("GET", `/annotations/claims/${annotated.limited.id}`)).status).toBe(200);
  });

  it("roots ids at the address the request came to, or PUBLIC_URL's, not the organisation's site", async () => {
    process.env.FACTMARK_ORGANISATION_URL = "https://news-site.example.com";
    const response = await app.request(`https://desk.example.net/annotations/claims/${annotated.limited.id}`);
    const annotation = (await response.json()) as WebAnnotation;
    expect(annotation.id).toBe(`https://desk.example.net/annotations/claims/${annotated.limited.id}`);
    expect(annotation["@context"]).toEqual([
      "http://www.w3.org/ns/anno.jsonld",
      "https://desk.example.net/ns/factmark.jsonld",
    ]);
  });

  it("resolves the ids of a W3C export built for this server while the organisation's URL is another site", async () => {
    process.env.FACTMARK_ORGANISATION_URL = "https://news-site.example.com";
    const organisation = reportOrganisationFor("w3c", reportOrganisation(undefined), "http://localhost");
    const file = await exportReport(db, annotated.article.id, "w3c", organisation);
    const exported = JSON.parse(new TextDecoder().decode(await file.body())) as AnnotationCollection;
    expect(exported["@context"][1]).toBe("http://localhost/ns/factmark.jsonld");
    for (const item of exported.first.items) {
      expect((await request("GET", pathOf(item.id))).status, item.id).toBe(200);
    }
    // Every other format keeps the organisation's address.
    expect(reportOrganisationFor("claimreview", reportOrganisation(undefined), "http://localhost").url).toBe(
      "https://news-site.example.com",
    );
  });

  it("resolves the export's ids when the organisation's URL is another site: they name this server", async () => {
    process.env.FACTMARK_ORGANISATION_URL = "https://news-site.example.com";
    const exported = await exportOf(annotated.article.id);
    for (const item of exported.first.items) {
      expect(item.id.startsWith("http://localhost/annotations/"), item.id).toBe(true);
      expect((await request("GET", pathOf(item.id))).status).toBe(200);
    }
  });
});

describe("GET /articles/:id/annotations (the article's annotation container)", () => {
  const containerUrl = `/articles/${annotated.article.id}/annotations`;

  it("is an ldp:BasicContainer and AnnotationCollection with its first page of descriptions embedded", async () => {
    const response = await request("GET", containerUrl, undefined, {}, { as: "viewer" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(MEDIA_TYPE);
    const links = response.headers.get("link") ?? "";
    expect(links).toContain('<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"');
    expect(links).toContain('<http://www.w3.org/ns/ldp#Resource>; rel="type"');
    expect(links).toContain(
      '<http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"',
    );
    expect(response.headers.get("etag")).toMatch(/^W\//);
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    // compress() adds Accept-Encoding to it.
    expect(response.headers.get("vary")).toMatch(/^Accept, Prefer\b/);
    const container = (await response.json()) as AnnotationContainerDocument;
    expect(container).toMatchObject({
      "@context": [
        "http://www.w3.org/ns/anno.jsonld",
        "http://www.w3.org/ns/ldp.jsonld",
        "http://localhost/ns/factmark.jsonld",
      ],
      id: `http://localhost${containerUrl}`,
      type: ["BasicContainer", "AnnotationCollection"],
      total: 3,
      last: `http://localhost${containerUrl}?page=0`,
    });
    const first = container.first as AnnotationPageDocument;
    expect(first).toMatchObject({ type: "AnnotationPage", startIndex: 0, partOf: { id: container.id, total: 3 } });
    expect(first.items.map((item) => (item as WebAnnotation).id)).toEqual(
      (await exportOf(annotated.article.id)).first.items.map((item) => item.id),
    );
  });

  it("pages the annotations: first, next and prev pages by ?page=N, last, and every annotation once in order", async () => {
    process.env.ANNOTATION_PAGE_SIZE = "2";
    const container = (await (await request("GET", containerUrl)).json()) as AnnotationContainerDocument;
    const first = container.first as AnnotationPageDocument;
    expect(first.items).toHaveLength(2);
    expect(first.next).toBe(`http://localhost${containerUrl}?page=1`);
    expect(container.last).toBe(`http://localhost${containerUrl}?page=1`);
    const pageResponse = await request("GET", pathOf(first.next ?? ""));
    expect(pageResponse.headers.get("content-type")).toBe(MEDIA_TYPE);
    expect(pageResponse.headers.get("etag")).toMatch(/^W\//);
    const second = (await pageResponse.json()) as AnnotationPageDocument;
    expect(second).toMatchObject({
      "@context": ["http://www.w3.org/ns/anno.jsonld", "http://localhost/ns/factmark.jsonld"],
      id: `http://localhost${containerUrl}?page=1`,
      type: "AnnotationPage",
      partOf: { id: container.id, total: 3 },
      startIndex: 2,
      prev: `http://localhost${containerUrl}?page=0`,
    });
    expect(second.next).toBeUndefined();
    const exported = await exportOf(annotated.article.id);
    expect([...first.items, ...second.items].map((item) => (item as WebAnnotation).id)).toEqual(
      exported.first.items.map((item) => item.id),
    );
    await expectApiError(await request("GET", `${containerUrl}?page=2`), 404, "NOT_FOUND");
    for (const page of ["-1", "abc", "1.5", ""]) {
      await expectApiError(await request("GET", `${containerUrl}?page=${page}`), 400, "VALIDATION_FAILED");
    }
  });

  it("follows Prefer: a minimal container links its pages; contained IRIs list ids; both say Preference-Applied", async () => {
    process.env.ANNOTATION_PAGE_SIZE = "2";
    const minimal = await request("GET", containerUrl, undefined, {
      prefer: 'return=representation;include="http://www.w3.org/ns/ldp#PreferMinimalContainer"',
    });
    expect(minimal.headers.get("preference-applied")).toBe("return=representation");
    expect(await minimal.json()).toMatchObject({
      total: 3,
      first: `http://localhost${containerUrl}?page=0`,
      last: `http://localhost${containerUrl}?page=1`,
    });
    const iris = await request("GET", containerUrl, undefined, {
      prefer: 'return=representation;include="http://www.w3.org/ns/oa#PreferContainedIRIs"',
    });
    const container = (await iris.json()) as AnnotationContainerDocument;
    const first = container.first as AnnotationPageDocument;
    expect(first.items).toEqual([
      `http://localhost/annotations/claims/${annotated.limited.id}`,
      `http://localhost/annotations/claims/${annotated.dozens.id}`,
    ]);
    expect(first.next).toBe(`http://localhost${containerUrl}?iris=1&page=1`);
    const second = (await (await request("GET", pathOf(first.next ?? ""))).json()) as AnnotationPageDocument;
    expect(second.items).toEqual([`http://localhost/annotations/links/${annotated.link.id}`]);
    const both = await request("GET", containerUrl, undefined, {
      prefer:
        'return=representation; include="http://www.w3.org/ns/ldp#PreferMinimalContainer http://www.w3.org/ns/oa#PreferContainedIRIs"',
    });
    expect(await both.json()).toMatchObject({ first: `http://localhost${containerUrl}?iris=1&page=0` });
  });

  it("is an empty container, with no pages, for an article without annotations", async () => {
    const article = await buildArticle(db);
    const response = await request("GET", `/articles/${article.id}/annotations`);
    const container = (await response.json()) as AnnotationContainerDocument;
    expect(container).toMatchObject({ total: 0, type: ["BasicContainer", "AnnotationCollection"] });
    expect(container.first).toBeUndefined();
    await expectApiError(await request("GET", `/articles/${article.id}/annotations?page=0`), 404, "NOT_FOUND");
  });
});

describe("GET /ns/factmark.jsonld", () => {
  it("answers Factmark's context to anyone, as JSON-LD a cache may keep", async () => {
    const response = await request("GET", "/ns/factmark.jsonld", undefined, {}, { as: "anonymous" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/ld+json");
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    expect(await response.json()).toEqual(FACTMARK_CONTEXT);
    const etag = response.headers.get("etag") ?? "";
    expect((await request("GET", "/ns/factmark.jsonld", undefined, { "if-none-match": etag })).status).toBe(304);
  });
});

describe("the report models the annotations are made from", () => {
  it("are the ones the report page keeps: reading annotations after the report model builds nothing again", async () => {
    // One report build a session, refilled once an hour: a second build would be 429.
    const limited = await createTestApp({ security: { reportLimit: { capacity: 1, perMinute: 1 / 60 } } });
    const article = await buildArticle(limited.db);
    const claim = await buildClaim(limited.db, article, "totally unfounded", { verdict: "contradicted" });
    expect((await limited.request("GET", `/api/articles/${article.id}/report/model`)).status).toBe(200);
    const container = await limited.request("GET", `/articles/${article.id}/annotations`);
    expect(container.status).toBe(200);
    expect((await limited.request("GET", `/annotations/claims/${claim.id}`)).status).toBe(200);
  });
});
