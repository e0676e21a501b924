import {
  type Article,
  describeChangeEvent,
  PUBLIC_PAGE_CSS,
  PUBLIC_PAGE_CSS_PATH,
  ZClaimHistory,
  ZPublication,
} from "@factmark/core";
import { afterAll, describe, expect, it } from "vitest";
import { buildPublishableArticle, MALLEY_RATIONALE } from "../test/buildPublishableArticle";
import { createTestApp } from "../test/createTestApp";

const testApp = await createTestApp();
const { db, request } = testApp;
const anonymous = testApp.as("anonymous");

const PUBLIC_URL = "https://factcheck.example.org";
// Set before the fact-check below is published: its address is frozen with it.
process.env.PUBLIC_URL = PUBLIC_URL;
afterAll(() => {
  delete process.env.PUBLIC_URL;
});

async function readArticle(id: string): Promise<Article> {
  return (await (await request("GET", `/api/articles/${id}`)).json()) as Article;
}

async function publish(id: string, body: unknown = {}) {
  const { version } = await readArticle(id);
  const response = await request("POST", `/api/articles/${id}/publications`, body, { "If-Match": `"${version}"` });
  expect(response.status).toBe(201);
  return ZPublication.parse(await response.json());
}

/** A page as a reader's browser gets it: no session. */
async function fetchPage(path: string, method = "GET") {
  const response = await anonymous.request(method, path);
  return { response, html: await response.text() };
}

/** The JSON-LD data blocks of a page, parsed. */
function jsonLdOf(html: string): Record<string, unknown>[] {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  return blocks.map((block) => JSON.parse(block[1] ?? "null") as Record<string, unknown>);
}

// One fact-check, published once before the tests: "Did Iran sell drones?", its Malley claim number 1.
const { article, malley, iravani, unverified } = await buildPublishableArticle(db, { title: "Did Iran sell drones?" });
const first = await publish(article.id);
const SLUG = "did-iran-sell-drones";

describe("GET /fact-checks/:slug", () => {
  it("answers the latest version as HTML to anyone, under the strict CSP, cached a short while", async () => {
    const { response, html } = await fetchPage(`/fact-checks/${SLUG}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=UTF-8");
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=60");
    const csp = response.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain("Did Iran sell drones?");
    expect(html).toContain(`href="${PUBLIC_PAGE_CSS_PATH}"`);
    // No inline style anywhere: the CSP would block it.
    expect(html).not.toMatch(/<style|\sstyle=/i);
    expect(html).toContain(`/fact-checks/${SLUG}/claims/1`);
    expect(html).toContain(`/fact-checks/${SLUG}/claims/2`);
  });

  it("answers HEAD like GET, without a body", async () => {
    const { response, html } = await fetchPage(`/fact-checks/${SLUG}`, "HEAD");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=UTF-8");
    expect(html).toBe("");
  });

  it("shows no working history and no internal ids", async () => {
    const pages = await Promise.all(
      [`/fact-checks/${SLUG}`, `/fact-checks/${SLUG}/claims/1`, `/fact-checks/${SLUG}/claims/2`].map((path) =>
        fetchPage(path),
      ),
    );
    const history = ZClaimHistory.parse(await (await request("GET", `/api/claims/${malley.id}/history`)).json());
    const historyWords = history.items.map((event) => describeChangeEvent(event));
    expect(historyWords.length).toBeGreaterThan(0);
    const editor = await testApp.userFor("admin");
    for (const { html } of pages) {
      for (const words of [...historyWords, "marked the claim", "History"]) expect(html).not.toContain(words);
      for (const id of [article.id, malley.id, iravani.id, unverified.id, first.id, editor.id]) {
        expect(html).not.toContain(id);
      }
      // The unverified claim is not published.
      expect(html).not.toContain("limited number of drones");
    }
  });

  it("answers a helpful 404 page for an unknown slug, and 404 or 400 for a version that is not there or not a number", async () => {
    const unknown = await fetchPage("/fact-checks/no-such-fact-check");
    expect(unknown.response.status).toBe(404);
    expect(unknown.response.headers.get("Content-Type")).toBe("text/html; charset=UTF-8");
    expect(unknown.html).toContain("No fact-check is published at this address");
    const noVersion = await fetchPage(`/fact-checks/${SLUG}?version=7`);
    expect(noVersion.response.status).toBe(404);
    expect(noVersion.html).toContain("no version 7");
    expect(noVersion.html).toContain(`href="/fact-checks/${SLUG}"`);
    for (const version of ["0", "-1", "two", "1.5", "", "01"]) {
      const malformed = await fetchPage(`/fact-checks/${SLUG}?version=${version}`);
      expect(malformed.response.status, version).toBe(400);
      expect(malformed.response.headers.get("Content-Type")).toBe("text/html; charset=UTF-8");
    }
    const hostile = await fetchPage("/fact-checks/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    expect(hostile.response.status).toBe(404);
    expect(hostile.html).not.toContain("<script>alert");
  });

  it("answers the public 404 page, not the desk app, for any other address under /fact-checks", async () => {
    for (const address of ["/fact-checks", "/fact-checks/", `/fact-checks/${SLUG}/claims/1/extra`]) {
      const page = await fetchPage(address);
      expect(page.response.status, address).toBe(404);
      expect(page.html, address).toContain("No fact-check is published at this address");
    }
  });

  it("ignores query parameters it does not know (a newsletter's tracking tags)", async () => {
    const { response } = await fetchPage(`/fact-checks/${SLUG}?utm_source=newsletter`);
    expect(response.status).toBe(200);
  });
});

describe("GET /fact-checks/:slug/claims/:n", () => {
  it("embeds exactly one ClaimReview, whose datePublished is the first publication's, the same on every fetch", async () => {
    const pages = [await fetchPage(`/fact-checks/${SLUG}/claims/1`), await fetchPage(`/fact-checks/${SLUG}/claims/1`)];
    for (const { response, html } of pages) {
      expect(response.status).toBe(200);
      const blocks = jsonLdOf(html);
      expect(blocks).toHaveLength(1);
      expect(blocks[0]).toMatchObject({
        "@type": "ClaimReview",
        url: `${PUBLIC_URL}/fact-checks/${SLUG}/claims/1`,
        datePublished: first.publishedAt,
        claimReviewed: "Iran transferred dozens just this summer",
        itemReviewed: { "@type": "Claim", author: { "@type": "Person", name: "Robert Malley" } },
      });
    }
    expect(jsonLdOf(pages[0]?.html ?? "")).toEqual(jsonLdOf(pages[1]?.html ?? ""));
    const organisation = jsonLdOf((await fetchPage(`/fact-checks/${SLUG}/claims/2`)).html)[0];
    expect(organisation).toMatchObject({ itemReviewed: { author: { "@type": "Organization", name: "Iravani" } } });
  });

  it("shows the rationale with its formatting", async () => {
    const { html } = await fetchPage(`/fact-checks/${SLUG}/claims/1`);
    expect(MALLEY_RATIONALE).toContain("**July**");
    expect(html).toContain("<strong>July</strong>");
    expect(html).toContain('href="https://evidence.example/report"');
  });

  it("answers 404 for a claim the version does not have, and 400 for a number that is not one", async () => {
    const missing = await fetchPage(`/fact-checks/${SLUG}/claims/3`);
    expect(missing.response.status).toBe(404);
    expect(missing.html).toContain("no claim 3");
    expect(missing.html).toContain(`href="/fact-checks/${SLUG}"`);
    for (const number of ["0", "x", "1e2"]) {
      expect((await fetchPage(`/fact-checks/${SLUG}/claims/${number}`)).response.status, number).toBe(400);
    }
    expect((await fetchPage(`/fact-checks/nothing-here/claims/1`)).response.status).toBe(404);
  });
});

describe("GET /fact-checks/assets/public.css", () => {
  it("serves the pages' stylesheet, kept long, revalidated by its ETag", async () => {
    const response = await anonymous.request("GET", PUBLIC_PAGE_CSS_PATH);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/css; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=604800");
    expect(await response.text()).toBe(PUBLIC_PAGE_CSS);
    const etag = response.headers.get("ETag") ?? "";
    const again = await anonymous.request("GET", PUBLIC_PAGE_CSS_PATH, undefined, { "If-None-Match": etag });
    expect(again.status).toBe(304);
  });
});

// Last: these publish a correction and retract, which the tests above do not expect.
describe("a correction, then a retraction", () => {
  it("keeps datePublished, shows the note, keeps version 1 readable, then says the fact-check is retracted", async () => {
    await db.claim.update({
      where: { id: malley.id },
      data: { rationale: "Satellite images show deliveries in August." },
    });
    const second = await publish(article.id, { correctionNote: "The deliveries were in August, not July." });
    expect(second.version).toBe(2);

    const latest = await fetchPage(`/fact-checks/${SLUG}/claims/1`);
    const [review] = jsonLdOf(latest.html);
    expect(review).toMatchObject({ datePublished: first.publishedAt, dateModified: second.publishedAt });
    expect(latest.html).toContain("deliveries in August");
    const page = await fetchPage(`/fact-checks/${SLUG}`);
    expect(page.html).toContain("The deliveries were in August, not July.");

    const old = await fetchPage(`/fact-checks/${SLUG}/claims/1?version=1`);
    expect(old.response.status).toBe(200);
    expect(old.html).toContain("<strong>July</strong>");
    expect(old.html).not.toContain("deliveries in August");
    expect((await fetchPage(`/fact-checks/${SLUG}?version=1`)).response.status).toBe(200);

    const retracted = await request("POST", `/api/articles/${article.id}/publications/retract`, {
      note: "The satellite images could not be verified.",
    });
    expect(retracted.status).toBe(200);
    for (const path of [`/fact-checks/${SLUG}`, `/fact-checks/${SLUG}/claims/1`, `/fact-checks/${SLUG}?version=1`]) {
      const { response, html } = await fetchPage(path);
      expect(response.status, path).toBe(200);
      expect(html, path).toContain("Retracted");
      expect(html, path).toContain("The satellite images could not be verified.");
    }
  });
});
