import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { articleIdOfPagePath, escapeHtml } from "@factmark/core";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import { readSessionCookie } from "../auth/sessionCookie";
import type { Db } from "../db/createDatabase";
import { respond } from "../middleware/errorHandler";
import { isAnnotationProtocolPath } from "../routes/annotationProtocolRoutes";
import { FIRST_SCREEN_ID, readArticleFirstScreen, renderArticleFirstScreen } from "./articleFirstScreen";
import { contentSecurityPolicyWith } from "./contentSecurityPolicy";

/** The article page's module, as Vite's manifest names it. */
const ARTICLE_PAGE_SOURCE = "src/features/articles/components/ArticlePage.tsx";

/** A path naming a file (its last segment has an extension): the app's pages never do. */
const FILE_PATH = /\/[^/]*\.[A-Za-z0-9]{1,8}$/;

/** A `<link rel="stylesheet">` of index.html (how Vite links the entry's styles), its href captured. */
const STYLESHEET_LINK = /[ \t]*<link\b(?=[^>]*\brel="stylesheet")[^>]*\bhref="\/([^"]+)"[^>]*>\n?/gi;

/** index.html's entry module, as Vite writes it (one per build), its src captured. */
const ENTRY_SCRIPT = /[ \t]*<script\b(?=[^>]*\btype="module")[^>]*\bsrc="\/([^"]+)"[^>]*><\/script>\n?/gi;

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
 * no-store); signed out, or when the article cannot be read, the page is the plain one. That page is made to paint
 * at once (withStylesInline): it holds the app's stylesheet in itself, blocks rendering until the first screen is
 * parsed, so the first frame is the whole first screen, and starts the app's script, chunks and data only after
 * that frame (FIRST_FRAME_LOADER). Answers false, serving nothing, when there is no build.
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
  const articlePage = articlePageAssets(readManifest(webDistDir));
  const articlePageLinks = [
    ...articlePage.styles.map((style) => `<link rel="stylesheet" href="/${style}">`),
    ...articlePage.modules.map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
  ];
  const firstScreenPage = withStylesInline(html, webDistDir);
  // Started by the page's loader once the first screen's frame is drawn (heldLink). Same credentials mode
  // as the app's own requests for them (Vite links a chunk's styles `crossorigin` too), so they are taken.
  const firstScreenPageLinks = [
    ...articlePage.styles.map((style) => heldLink("style", `/${style}`)),
    ...articlePage.modules.map((file) => heldLink("script", `/${file}`)),
  ];
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
    const firstScreen = db ? await readArticleFirstScreen(db, c, articleId) : null;
    if (!firstScreen) {
      return c.html(withPreloads(html, [...(isSignedIn ? dataPreloads(articleId) : []), ...articlePageLinks]));
    }
    // This reviewer's view of the article as it is now: kept by no one, the browser included.
    c.header("Cache-Control", "private, no-store");
    const drawn = renderArticleFirstScreen(firstScreen);
    if (!firstScreenPage) {
      const page = withPreloads(html, [...dataPreloads(articleId), ...articlePageLinks]);
      return c.html(withFirstScreen(page, firstScreen.article.title, drawn));
    }
    c.header(
      "Content-Security-Policy",
      contentSecurityPolicyWith({
        styleSrc: [`'${firstScreenPage.styleHash}'`],
        scriptSrc: [`'${FIRST_FRAME_LOADER_HASH}'`],
      }),
    );
    const dataLinks = dataPreloadUrls(articleId).map((url) => heldLink("fetch", url));
    const page = withPreloads(firstScreenPage.html, [...dataLinks, ...firstScreenPageLinks]);
    return c.html(withFirstScreen(page, firstScreen.article.title, drawn));
  });
  return true;
}

function readManifest(webDistDir: string): Record<string, ManifestChunk> {
  const file = path.join(webDistDir, ".vite", "manifest.json");
  // A build without a manifest still serves; its article page just loads its chunk when the router asks.
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, ManifestChunk>;
}

/** What the article page's chunk needs beyond what index.html loads: files under dist (`assets/…`). */
interface ArticlePageAssets {
  /** Its stylesheets, in the order its chunks import them. */
  styles: string[];
  /** Its chunk and the chunks it imports. */
  modules: string[];
}

function articlePageAssets(manifest: Record<string, ManifestChunk>): ArticlePageAssets {
  const page = manifest[ARTICLE_PAGE_SOURCE];
  if (!page) return { styles: [], modules: [] };
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
  return {
    styles: [...styles].filter((style) => !entryStyles.has(style)),
    modules: [...files].filter((file) => !entryFiles.has(file)),
  };
}

/** index.html with its stylesheets inline, and the hash of that inline stylesheet (for the page's policy). */
interface StylesInline {
  html: string;
  /** `sha256-<base64>` of the `<style>` element's text, as a Content-Security-Policy source names it. */
  styleHash: string;
}

/**
 * index.html as the page with an article's first screen starts, made to paint that screen in its first frame:
 * - index.html's stylesheets (the app's own: every rule the first screen uses) are inside one `<style>`, the
 *   build's files as they are and in their order, so nothing is fetched, not even from the cache, before the
 *   first paint, and the page looks as it does with them linked. The article page's chunk brings its own
 *   stylesheets (Vite's loader links them when the chunk loads, as on any other way in), none of them about the
 *   first screen.
 * - `<link rel="expect" href="#first-screen" blocking="render">` holds rendering until the first screen is parsed:
 *   the browser otherwise paints the empty page the moment it reaches `<body>`, and parses the first screen
 *   only after that frame and whatever else is waiting.
 * - The entry module is held (heldLink "entry") and started by FIRST_FRAME_LOADER after that frame, with the page's
 *   chunks and data (the caller holds those): nothing is compiled or read on the main thread before it.
 * Null when index.html links no stylesheet, one is missing from dist, or it has no one entry module: the page then
 * stays as it is.
 */
function withStylesInline(html: string, webDistDir: string): StylesInline | null {
  const files = [...html.matchAll(STYLESHEET_LINK)].map(([, href]) => path.join(webDistDir, href as string));
  if (files.length === 0 || !files.every((file) => existsSync(file))) return null;
  const entries = [...html.matchAll(ENTRY_SCRIPT)];
  if (entries.length !== 1) return null;
  const css = files.map((file) => readFileSync(file, "utf8")).join("\n");
  // CSS escapes "<" in its strings (\3c); a stylesheet holding "</style" would end the element early.
  if (/<\/style/i.test(css)) return null;
  const styleHash = `sha256-${createHash("sha256").update(css).digest("base64")}`;
  const head = [
    `<style>${css}</style>`,
    `<link rel="expect" href="#${FIRST_SCREEN_ID}" blocking="render">`,
    heldLink("entry", `/${(entries[0] as RegExpMatchArray)[1]}`),
    `<script>${FIRST_FRAME_LOADER}</script>`,
  ];
  return {
    html: html
      .replace(ENTRY_SCRIPT, "")
      .replace(STYLESHEET_LINK, "")
      .replace(/([ \t]*)<\/head>/i, (end, indent) => `${indent}  ${head.join(`\n${indent}  `)}\n${end}`),
    styleHash,
  };
}

/**
 * The requests the app starts on an article's page (app/startRouteData.ts), same URLs and same credentials mode
 * (`crossorigin` is fetch()'s default, same-origin), so the app's fetch() takes the preloaded answers.
 */
function dataPreloadUrls(articleId: string): string[] {
  return ["/api/auth/me", `/api/articles/${articleId}`, `/api/articles/${articleId}/claims`];
}

/** dataPreloadUrls as the `<link rel="preload">`s the parser starts at once (the pages without a first screen). */
function dataPreloads(articleId: string): string[] {
  return dataPreloadUrls(articleId).map((url) => `<link rel="preload" as="fetch" crossorigin href="${url}">`);
}

/**
 * What a page with a first screen starts only once that screen's frame is drawn, held in its head as an inert
 * `<link>` (no `rel`: the parser fetches nothing for it): `kind` is a preload's `as` (fetch, style, script), or
 * `entry` for the app's entry module. FIRST_FRAME_LOADER starts them, in their order.
 */
function heldLink(kind: "fetch" | "style" | "script" | "entry", href: string): string {
  return `<link data-after-first-frame="${kind}" crossorigin href="${href}">`;
}

/**
 * The page's one inline script: once the first frame is drawn (a task queued from requestAnimationFrame runs after
 * that frame's paint), it turns each held link into the preload it stands for and adds the entry module. Traced in
 * Chromium on a 2-core machine, the data (2 MB for 2,000 claims) arriving and the entry compiling while that frame
 * was laid out and rastered held it back: navigation to the first screen 570 ms preloaded at once, 393 ms held,
 * 548 ms with the data alone preloaded at once; every highlight in the editor no later, 1,797 vs 1,811 ms (medians
 * of 12 in one run of bench/firstScreenLoading.ts). A tab opened in the background draws no frame until
 * shown: there (or when the tab is hidden before its first frame) it starts at once, so the app is ready when the
 * reviewer turns to it. When the entry module cannot be fetched, it puts an alert over the first screen ("Factmark
 * could not load", a button to reload) and moves the focus to that button.
 */
const FIRST_FRAME_LOADER = [
  // The entry failing to arrive (a dropped connection, a deploy that removed it) would leave the inert first screen
  // looking ready for good: it says so over it instead (styles.css .app-failed), with a way to reload.
  '(()=>{const failed=()=>{if(document.querySelector(".app-failed"))return;const message=document.createElement("div");',
  'message.className="app-failed";message.setAttribute("role","alert");',
  'const title=document.createElement("h1");title.textContent="Factmark could not load";',
  'const text=document.createElement("p");text.textContent="Its script did not arrive. Check the connection, then reload the page.";',
  'const reload=document.createElement("button");reload.type="button";reload.className="button";',
  'reload.textContent="Reload the page";reload.addEventListener("click",()=>location.reload());',
  "message.append(title,text,reload);document.body.prepend(message);reload.focus()};",
  "let started=false;const start=()=>{if(started)return;started=true;",
  'for(const held of document.querySelectorAll("link[data-after-first-frame]")){const kind=held.dataset.afterFirstFrame;',
  'if(kind==="entry"){const script=document.createElement("script");script.type="module";script.crossOrigin="";',
  'script.addEventListener("error",failed);script.src=held.href;document.head.append(script)}',
  'else{const link=document.createElement("link");',
  'link.rel="preload";link.as=kind;link.crossOrigin="";link.href=held.href;document.head.append(link)}}};',
  'if(document.visibilityState==="hidden")start();else{requestAnimationFrame(()=>setTimeout(start));',
  'document.addEventListener("visibilitychange",start,{once:true})}})()',
].join("");

/** `sha256-<base64>` of FIRST_FRAME_LOADER, the source the page's policy allows it by. */
const FIRST_FRAME_LOADER_HASH = `sha256-${createHash("sha256").update(FIRST_FRAME_LOADER).digest("base64")}`;

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
