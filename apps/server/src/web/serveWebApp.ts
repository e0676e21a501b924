import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { articleIdOfPagePath, escapeHtml } from "@factmark/core";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import { readSessionCookie } from "../auth/sessionCookie";
import type { Db } from "../db/createDatabase";
import { respond } from "../middleware/errorHandler";
import { isAnnotationProtocolPath } from "../routes/annotationProtocolRoutes";
import { readArticleFirstScreen, renderArticleFirstScreen } from "./articleFirstScreen";

/** The article page's module, as Vite's manifest names it. */
const ARTICLE_PAGE_SOURCE = "src/features/articles/components/ArticlePage.tsx";

/** A path naming a file (its last segment has an extension): the app's pages never do. */
const FILE_PATH = /\/[^/]*\.[A-Za-z0-9]{1,8}$/;

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
 * its claims) while the entry script loads, not one after another. With `db`, an article's page for a reviewer
 * signed in (who may read it) also comes with its first screen drawn (articleFirstScreen.ts: the app's header, the
 * article's first words and their highlights), painted before any script runs, and is not cached (private,
 * no-store); signed out, or when the article cannot be read, the page is the plain one. Answers false, serving
 * nothing, when there is no build.
 */
// biome-ignore lint/suspicious/noExplicitAny: any Hono app, whatever its environment type.
export function serveWebApp(app: Hono<any>, webDistDir: string, db?: Db): boolean {
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
  // A file that is not there is not a page: an old tab asking for a chunk a deploy removed gets a clear 404, not HTML.
  app.get("/assets/*", (c) => c.text("No such file.", 404));
  app.get("*", async (c) => {
    if (FILE_PATH.test(c.req.path)) return c.text("No such file.", 404);
    // Annotation ids and containers are JSON-LD (annotationProtocolRoutes); a reader of one must never get the app.
    if (isAnnotationProtocolPath(c.req.path)) return respond(c, 404, "NOT_FOUND", "No such annotation address.");
    const articleId = articleIdOfPagePath(c.req.path);
    if (articleId === null) return c.html(html);
    // Without a session the data requests would only answer 401: the app asks, then shows the sign-in.
    const isSignedIn = readSessionCookie(c) !== undefined;
    const page = withPreloads(html, [...(isSignedIn ? dataPreloads(articleId) : []), ...articlePageAssets]);
    const firstScreen = db ? await readArticleFirstScreen(db, c, articleId) : null;
    if (!firstScreen) return c.html(page);
    // This reviewer's view of the article as it is now: kept by no one, the browser included.
    c.header("Cache-Control", "private, no-store");
    return c.html(withFirstScreen(page, firstScreen.article.title, renderArticleFirstScreen(firstScreen)));
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

/**
 * `html` titled after the article, with `firstScreen` just before #root: outside it, so the app's first render into
 * #root leaves it be (the app takes it away itself, in the frame its own view of the article shows).
 */
function withFirstScreen(html: string, title: string, firstScreen: string): string {
  return html
    .replace(/<title>[^<]*<\/title>/i, () => `<title>${escapeHtml(title)} · Factmark</title>`)
    .replace(/<div id="root">/i, (root) => `${firstScreen}${root}`);
}

/** `html` with `links` first in its head, before the entry script, so they start with the page. */
function withPreloads(html: string, links: string[]): string {
  return html.replace(/<head>/i, `<head>\n    ${links.join("\n    ")}`);
}
