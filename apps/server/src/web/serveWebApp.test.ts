import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../auth/sessionCookie";
import { startSession } from "../domain/startSession";
import { SEED_ADMIN } from "../repositories/accountRepository";
import { deactivateUser } from "../services/accounts/deactivateUser";
import { deleteArticle } from "../services/articles/deleteArticle";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { buildLink } from "../test/buildLink";
import { createTestApp } from "../test/createTestApp";
import { serveWebApp } from "./serveWebApp";

/** The app's stylesheet in the build below: what index.html links. */
const APP_CSS = ".app-header{background:#1d2433}.claim-hl[data-verdict=contradicted]{color:#b42318}";

/** A web build as Vite writes it: index.html loading the entry and its styles, and the manifest naming every chunk. */
function buildDist({ hasManifest = true } = {}): string {
  const dist = mkdtempSync(path.join(tmpdir(), "factmark-web-"));
  mkdirSync(path.join(dist, "assets"));
  mkdirSync(path.join(dist, ".vite"));
  writeFileSync(
    path.join(dist, "index.html"),
    '<!doctype html>\n<html lang="en">\n  <head>\n    <title>Factmark</title>\n    <script type="module" crossorigin src="/assets/index-E1.js"></script>\n    <link rel="stylesheet" crossorigin href="/assets/index-C1.css">\n  </head>\n  <body><div id="root"></div></body>\n</html>\n',
  );
  writeFileSync(path.join(dist, "assets", "index-C1.css"), APP_CSS);
  if (hasManifest) {
    writeFileSync(
      path.join(dist, ".vite", "manifest.json"),
      JSON.stringify({
        "index.html": {
          file: "assets/index-E1.js",
          isEntry: true,
          imports: ["_shared-S1.js"],
          css: ["assets/index-C1.css"],
        },
        "_shared-S1.js": { file: "assets/shared-S1.js" },
        "_editor-X1.js": { file: "assets/editor-X1.js", imports: ["index.html"] },
        "src/features/articles/components/ArticlePage.tsx": {
          file: "assets/ArticlePage-A1.js",
          isDynamicEntry: true,
          imports: ["index.html", "_shared-S1.js", "_editor-X1.js"],
          css: ["assets/ArticlePage-C2.css"],
        },
      }),
    );
  }
  return dist;
}

/** A session cookie's shape (serveWebApp only looks whether one is sent; the API checks it). */
const SIGNED_IN = `${SESSION_COOKIE}=${"a".repeat(43)}`;

async function page(url: string, dist = buildDist(), cookie = SIGNED_IN) {
  const app = new Hono();
  expect(serveWebApp(app, dist)).toBe(true);
  const response = await app.request(url, { headers: { cookie } });
  expect(response.status).toBe(200);
  return response.text();
}

describe("serveWebApp", () => {
  it("starts an article's data and its page's chunks with the page, before the entry script", async () => {
    const html = await page("/articles/01a2-abc_9");
    const links = [...html.matchAll(/<link [^>]+>/g)].map(([link]) => link);
    expect(links).toEqual([
      '<link rel="preload" as="fetch" crossorigin href="/api/auth/me">',
      '<link rel="preload" as="fetch" crossorigin href="/api/articles/01a2-abc_9">',
      '<link rel="preload" as="fetch" crossorigin href="/api/articles/01a2-abc_9/claims">',
      '<link rel="stylesheet" href="/assets/ArticlePage-C2.css">',
      // The entry's own imports load with it already; only the page's chunks are added.
      '<link rel="modulepreload" crossorigin href="/assets/ArticlePage-A1.js">',
      '<link rel="modulepreload" crossorigin href="/assets/editor-X1.js">',
      // index.html's own.
      '<link rel="stylesheet" crossorigin href="/assets/index-C1.css">',
    ]);
    expect(html.indexOf("/api/auth/me")).toBeLessThan(html.indexOf("/assets/index-E1.js"));
  });

  it("adds nothing to other pages, nor to an address that cannot name an article", async () => {
    const plain = await page("/");
    expect(plain.match(/<link[^>]*>/g)).toEqual(['<link rel="stylesheet" crossorigin href="/assets/index-C1.css">']);
    for (const url of ["/articles/new", "/articles/abc/report", "/work", "/articles/%3Cscript%3E", "/articles/a%22b"]) {
      expect(await page(url), url).toBe(plain);
    }
  });

  it("preloads no data for a visitor without a session, who would only get 401s, and still the page's chunks", async () => {
    const html = await page("/articles/abc", buildDist(), "other=1");
    expect(html).not.toContain("/api/");
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/ArticlePage-A1.js">');
  });

  it("answers 404, not the app's page, for a file that is not there", async () => {
    const app = new Hono();
    expect(serveWebApp(app, buildDist())).toBe(true);
    for (const url of ["/assets/ArticlePage-OLD.js", "/assets/missing.css", "/robots.txt", "/favicon.ico"]) {
      const response = await app.request(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get("content-type"), url).not.toContain("text/html");
    }
  });

  it("still preloads an article's data without a manifest, its chunks then loading when the router asks", async () => {
    const html = await page("/articles/abc", buildDist({ hasManifest: false }));
    expect(html).toContain('<link rel="preload" as="fetch" crossorigin href="/api/articles/abc/claims">');
    expect(html).not.toContain("modulepreload");
  });
});

describe("serveWebApp, an article's page with its first screen drawn", async () => {
  const testApp = await createTestApp();
  const { db } = testApp;
  expect(serveWebApp(testApp.app, buildDist(), db)).toBe(true);
  // The same build but for its stylesheet, gone.
  const withoutStyles = await createTestApp();
  const distWithoutStyles = buildDist();
  rmSync(path.join(distWithoutStyles, "assets", "index-C1.css"));
  expect(serveWebApp(withoutStyles.app, distWithoutStyles, withoutStyles.db)).toBe(true);
  const HOSTILE_TITLE = '"><img src=x onerror=alert(1)> <script>alert(2)</script>';
  let article: Awaited<ReturnType<typeof buildArticle>>;
  let plain: string;
  beforeAll(async () => {
    article = await buildArticle(db, { title: HOSTILE_TITLE });
    await buildClaim(db, article, "sold a limited number of drones", { verdict: "contradicted" });
    plain = await (await testApp.request("GET", `/articles/${article.id}`, undefined, {}, { as: "anonymous" })).text();
  });

  /** The page as a visitor without a session cookie gets it: a cookie, even a stale one, adds the data preloads. */
  const withoutDataPreloads = (html: string) => html.replace(/\n\s*<link rel="preload" as="fetch"[^>]*>/g, "");

  /** The page at `url` for a request carrying `cookie` (none: signed out), with its Cache-Control and policy. */
  async function pageFor(url: string, cookie?: string, app = testApp.app) {
    const response = await app.request(url, { headers: { cookie: cookie ?? "other=1" } });
    expect(response.status).toBe(200);
    return {
      html: await response.text(),
      cacheControl: response.headers.get("cache-control"),
      policy: response.headers.get("content-security-policy"),
    };
  }

  it("draws a signed-in reviewer's first screen into the page: its first words and each claim's highlight", async () => {
    const { html, cacheControl } = await pageFor(`/articles/${article.id}`, await testApp.cookieFor("reviewer"));
    const firstScreen = html.slice(html.indexOf('<div id="first-screen"'), html.indexOf('<div id="root">'));
    expect(firstScreen).toMatch(/^<div id="first-screen" inert aria-hidden="true">/);
    expect(firstScreen).toContain("Iran ");
    expect(firstScreen).toMatch(
      /<span class="claim-hl [^"]*" data-claim-id="[^"]+" data-verdict="contradicted"[^>]*><span>sold a limited number of drones<\/span><\/span>/,
    );
    expect(firstScreen).toContain('<span class="account-menu__role">Reviewer</span>');
    // Its own header's and skeleton's text, its title too, escaped: the title is the reviewer's input.
    expect(html).not.toContain("<script>alert(2)");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain(
      "<title>&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &lt;script&gt;alert(2)&lt;/script&gt; · Factmark</title>",
    );
    expect(cacheControl).toBe("private, no-store");
    // Still starting the data and chunks, once that screen is drawn.
    expect(html).toContain(
      `<link data-after-first-frame="fetch" crossorigin href="/api/articles/${article.id}/claims">`,
    );
  });

  it("counts the claims and contradictions in the first screen as the app's panel then does: orphans apart, every contradiction", async () => {
    const counted = await buildArticle(db, { title: "Counted as the app counts" });
    const sold = await buildClaim(db, counted, "sold a limited number of drones", { verdict: "contradicted" });
    const dozens = await buildClaim(db, counted, "transferred dozens", { verdict: "supported" });
    const unfounded = await buildClaim(db, counted, "totally unfounded");
    await buildLink(db, sold, dozens, "contradicts");
    await buildLink(db, dozens, unfounded, "supports");
    // Its words edited away: in "No longer in the text", not among the panel's claims.
    await db.claim.update({ where: { id: unfounded.id }, data: { isOrphaned: true } });
    const { html } = await pageFor(`/articles/${counted.id}`, await testApp.cookieFor("reviewer"));
    expect(html).toContain('role="tab" aria-selected="true">Claims <span class="filter-chip__count">2</span>');
    expect(html).toContain('workspace__drawer-toggle">Claims (2)</button>');
    expect(html).toContain('aria-selected="false">Contradictions <span class="filter-chip__count">1</span>');
  });

  it("paints the first screen in the page's first frame: its styles inside it, nothing to fetch before, rendering held until the first screen is parsed", async () => {
    const { html, policy } = await pageFor(`/articles/${article.id}`, await testApp.cookieFor("reviewer"));
    const head = html.slice(0, html.indexOf("<body>"));
    // The app's stylesheet, as the build wrote it, in a <style>; no stylesheet link holds the first paint.
    expect(head).toContain(`<style>${APP_CSS}</style>`);
    expect(html).not.toMatch(/<link rel="stylesheet"/);
    expect(head).toContain('<link rel="expect" href="#first-screen" blocking="render">');
    // The page's chunk and its styles are held for after the first frame, in the credentials mode the app asks in.
    expect(head).toContain('<link data-after-first-frame="style" crossorigin href="/assets/ArticlePage-C2.css">');
    expect(head).toContain('<link data-after-first-frame="script" crossorigin href="/assets/ArticlePage-A1.js">');
    expect(head).not.toContain("modulepreload");
    expect(html.indexOf("<style>")).toBeLessThan(html.indexOf('<div id="first-screen"'));
    // The app's policy, allowing that one inline stylesheet by its hash and no other inline style.
    const hash = createHash("sha256").update(APP_CSS).digest("base64");
    const appPolicy = (await pageFor("/")).policy;
    expect(appPolicy).toContain("style-src 'self';");
    expect(policy).toContain(`style-src 'self' 'sha256-${hash}';`);
    expect(policy?.replace(/ 'sha256-[^']+'/g, "")).toBe(appPolicy);
  });

  it("starts the app's script, its chunks and its data only after the first screen's frame, by an inline loader its policy allows", async () => {
    const { html, policy } = await pageFor(`/articles/${article.id}`, await testApp.cookieFor("reviewer"));
    const head = html.slice(0, html.indexOf("<body>"));
    // Nothing is fetched or compiled before the first frame: no entry script, no preload the parser would start.
    expect(head).not.toMatch(/<script[^>]*\bsrc=/);
    expect(head).not.toMatch(/<link rel="(preload|modulepreload)"/);
    // Each is held in the head, in the order it starts, the entry last.
    const held = [...head.matchAll(/<link data-after-first-frame="([^"]+)"[^>]*\bhref="([^"]+)"/g)].map(
      ([, rel, href]) => `${rel} ${href}`,
    );
    expect(held).toEqual([
      "fetch /api/auth/me",
      `fetch /api/articles/${article.id}`,
      `fetch /api/articles/${article.id}/claims`,
      "style /assets/ArticlePage-C2.css",
      "script /assets/ArticlePage-A1.js",
      "script /assets/editor-X1.js",
      "entry /assets/index-E1.js",
    ]);
    // The loader is the page's one inline script, allowed by its hash and nothing wider.
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(([, text]) => text as string);
    expect(scripts).toHaveLength(1);
    const hash = createHash("sha256")
      .update(scripts[0] as string)
      .digest("base64");
    expect(policy).toMatch(new RegExp(`script-src 'self' 'sha256-${hash.replace(/[+/]/g, "\\$&")}';`));
    expect(policy).not.toContain("unsafe-inline");
  });

  it("keeps the app's policy and its linked stylesheets on every other page, and when the build lacks its stylesheet", async () => {
    const appPolicy = (await pageFor("/")).policy;
    expect(appPolicy).not.toContain("sha256");
    const signedOut = await pageFor(`/articles/${article.id}`);
    expect(signedOut.policy).toBe(appPolicy);
    expect(signedOut.html).not.toContain("<style>");
    expect(signedOut.html).toContain('<link rel="stylesheet" crossorigin href="/assets/index-C1.css">');
    const other = await buildArticle(withoutStyles.db, { title: "Unstyled" });
    const reviewer = await withoutStyles.cookieFor("reviewer");
    const unstyled = await pageFor(`/articles/${other.id}`, reviewer, withoutStyles.app);
    expect(unstyled.html).toContain('id="first-screen"');
    expect(unstyled.html).not.toContain("<style>");
    expect(unstyled.html).not.toContain('rel="expect"');
    expect(unstyled.html).toContain('<link rel="stylesheet" href="/assets/ArticlePage-C2.css">');
    expect(unstyled.policy).toBe(appPolicy);
  });

  it("shows each role what the app will show it: a viewer gets no editing buttons, an editor does", async () => {
    const viewer = await pageFor(`/articles/${article.id}`, await testApp.cookieFor("viewer"));
    expect(viewer.html).toContain("sold a limited number of drones");
    expect(viewer.html).not.toContain("Edit text");
    const editor = await pageFor(`/articles/${article.id}`, await testApp.cookieFor("editor"));
    expect(editor.html).toContain("Edit text");
  });

  it("serves the plain page, no article in it, to anyone who may not read the article", async () => {
    expect(plain).not.toContain("first-screen");
    expect(plain).not.toContain("Iran");
    const expired = await startSession(db, SEED_ADMIN.id, -1_000);
    const forged = `${SESSION_COOKIE}=${"A".repeat(43)}`;
    const notAToken = `${SESSION_COOKIE}=%22%3E%3Cscript%3E`;
    for (const cookie of [undefined, `${SESSION_COOKIE}=${expired.token}`, forged, notAToken]) {
      const { html, cacheControl } = await pageFor(`/articles/${article.id}`, cookie);
      expect(withoutDataPreloads(html), cookie).toBe(plain);
      expect(cacheControl, cookie).toBeNull();
    }
  });

  it("serves the plain page for an account deactivated since it signed in", async () => {
    const session = await startSession(db, (await testApp.userFor("reviewer")).id, 60_000);
    const cookie = `${SESSION_COOKIE}=${session.token}`;
    expect((await pageFor(`/articles/${article.id}`, cookie)).html).toContain('id="first-screen"');
    const row = await db.account.findUniqueOrThrow({ where: { id: "test-reviewer" }, select: { version: true } });
    await deactivateUser(db, SEED_ADMIN, "test-reviewer", row.version);
    expect(withoutDataPreloads((await pageFor(`/articles/${article.id}`, cookie)).html)).toBe(plain);
  });

  it("serves the plain page, never an error, for an article that is not there or was deleted", async () => {
    const cookie = await testApp.cookieFor("admin");
    const deleted = await buildArticle(db, { title: "Gone", content: "A deleted article's words." });
    await deleteArticle(db, SEED_ADMIN, deleted.id);
    for (const id of [deleted.id, "no-such-article"]) {
      const { html, cacheControl } = await pageFor(`/articles/${id}`, cookie);
      expect(html).not.toContain("first-screen");
      expect(html).not.toContain("deleted article");
      expect(html).toContain(`href="/api/articles/${id}"`);
      expect(cacheControl).toBeNull();
    }
  });

  it("draws the first screen of a 2,000-claim article in a few milliseconds once its lists are kept", async () => {
    const long = await buildArticle(db, {
      title: "Long",
      content: Array.from({ length: 2_000 }, (_, index) => `Sentence ${index} says something checkable.`).join("\n"),
    });
    for (let index = 0; index < 2_000; index += 1) {
      await buildClaim(db, long, `Sentence ${index} says`, { verdict: index % 2 ? "supported" : "unverified" });
    }
    const cookie = await testApp.cookieFor("admin");
    await pageFor(`/articles/${long.id}`, cookie);
    const times: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      const started = performance.now();
      const { html } = await pageFor(`/articles/${long.id}`, cookie);
      times.push(performance.now() - started);
      expect(html).toContain('data-verdict="unverified"');
    }
    console.info(`The first screen of 2,000 claims: ${times.map((time) => time.toFixed(1)).join(", ")} ms`);
    expect(Math.min(...times)).toBeLessThan(100);
  }, 120_000);
});
