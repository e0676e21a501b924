import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";

/** The article page's module, as Vite's manifest names it. */
const ARTICLE_PAGE_SOURCE = "src/features/articles/components/ArticlePage.tsx";
/** An article's id as a path segment may carry one (core's ZId: letters, digits, `-` and `_`). */
const ARTICLE_PATH = /^\/articles\/([A-Za-z0-9_-]{1,100})\/?$/;

/** One chunk of Vite's build manifest (dist/.vite/manifest.json): its file, and the chunks and styles it imports. */
interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

/**
 * Serves the built web app from `webDistDir` on `app`, after its API routes: files with hashed names under
 * /assets are cached for a year (immutable), other files as they are, and every other page answers index.html
 * (the app routes on the client). An article's page (/articles/:id) answers it with preloads, so the browser
 * fetches the article page's chunks and the three requests the page starts with (who is signed in, the article,
 * its claims) while the entry script loads, not one after another. Answers false, serving nothing, when there is
 * no build.
 */
// biome-ignore lint/suspicious/noExplicitAny: any Hono app, whatever its environment type.
export function serveWebApp(app: Hono<any>, webDistDir: string): boolean {
  const indexHtml = path.join(webDistDir, "index.html");
  if (!existsSync(indexHtml)) return false;
  const root = path.relative(process.cwd(), webDistDir);
  app.use(
    "/assets/*",
    serveStatic({ root, onFound: (_path, c) => c.header("Cache-Control", "public, max-age=31536000, immutable") }),
  );
  app.use("*", serveStatic({ root }));
  const html = readFileSync(indexHtml, "utf8");
  const articlePageAssets = articlePagePreloads(readManifest(webDistDir));
  app.get("*", (c) => {
    const articleId = ARTICLE_PATH.exec(c.req.path)?.[1];
    if (articleId === undefined || articleId === "new") return c.html(html);
    return c.html(withPreloads(html, [...dataPreloads(articleId), ...articlePageAssets]));
  });
  return true;
}

function readManifest(webDistDir: string): Record<string, ManifestChunk> {
  const file = path.join(webDistDir, ".vite", "manifest.json");
  // A build without a manifest still serves; its article page just loads its chunk when the router asks.
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, ManifestChunk>;
}

/** `<link>`s for the article page's chunk, the chunks it imports (less those index.html loads already), and its styles. */
function articlePagePreloads(manifest: Record<string, ManifestChunk>): string[] {
  const page = manifest[ARTICLE_PAGE_SOURCE];
  if (!page) return [];
  const entryFiles = new Set<string>();
  const entryStyles = new Set<string>();
  const collect = (key: string, files: Set<string>, styles: Set<string>) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const style of chunk.css ?? []) styles.add(style);
    for (const imported of chunk.imports ?? []) collect(imported, files, styles);
  };
  for (const [key, chunk] of Object.entries(manifest)) {
    if ((chunk as ManifestChunk & { isEntry?: boolean }).isEntry) collect(key, entryFiles, entryStyles);
  }
  const files = new Set<string>();
  const styles = new Set<string>();
  collect(ARTICLE_PAGE_SOURCE, files, styles);
  return [
    ...[...styles]
      .filter((style) => !entryStyles.has(style))
      .map((style) => `<link rel="stylesheet" href="/${style}">`),
    ...[...files]
      .filter((file) => !entryFiles.has(file))
      .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
  ];
}

/**
 * The requests the app starts on an article's page (app/startRouteData.ts), same URLs and same credentials mode
 * (`crossorigin` is fetch()'s default, same-origin), so the app's fetch() takes the preloaded answers.
 */
function dataPreloads(articleId: string): string[] {
  return ["/api/auth/me", `/api/articles/${articleId}`, `/api/articles/${articleId}/claims`].map(
    (url) => `<link rel="preload" as="fetch" crossorigin href="${url}">`,
  );
}

/** `html` with `links` first in its head, before the entry script, so they start with the page. */
function withPreloads(html: string, links: string[]): string {
  return html.replace(/<head>/i, `<head>\n    ${links.join("\n    ")}`);
}
