import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { serveWebApp } from "./serveWebApp";

/** A web build as Vite writes it: index.html loading the entry, and the manifest naming every chunk. */
function buildDist({ hasManifest = true } = {}): string {
  const dist = mkdtempSync(path.join(tmpdir(), "factmark-web-"));
  mkdirSync(path.join(dist, "assets"));
  mkdirSync(path.join(dist, ".vite"));
  writeFileSync(
    path.join(dist, "index.html"),
    '<!doctype html>\n<html lang="en">\n  <head>\n    <title>Factmark</title>\n    <script type="module" crossorigin src="/assets/index-E1.js"></script>\n  </head>\n  <body><div id="root"></div></body>\n</html>\n',
  );
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

async function page(url: string, dist = buildDist()) {
  const app = new Hono();
  expect(serveWebApp(app, dist)).toBe(true);
  const response = await app.request(url);
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
    ]);
    expect(html.indexOf("/api/auth/me")).toBeLessThan(html.indexOf("/assets/index-E1.js"));
  });

  it("adds nothing to other pages, nor to an address that cannot name an article", async () => {
    const plain = await page("/");
    expect(plain).not.toContain("<link");
    for (const url of ["/articles/new", "/articles/abc/report", "/work", "/articles/%3Cscript%3E", "/articles/a%22b"]) {
      expect(await page(url), url).toBe(plain);
    }
  });

  it("still preloads an article's data without a manifest, its chunks then loading when the router asks", async () => {
    const html = await page("/articles/abc", buildDist({ hasManifest: false }));
    expect(html).toContain('<link rel="preload" as="fetch" crossorigin href="/api/articles/abc/claims">');
    expect(html).not.toContain("modulepreload");
  });
});
