// The bundle section of `pnpm bench`: the gzipped JavaScript a browser loads before it can show an
// article: the entry script of dist/index.html, its static imports, and the ArticlePage chunk the
// router lazy-loads with its own static imports. Baseline: the entry alone (what the article list needs).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { newestModification } from "./newestModification";
import type { BenchRow } from "./table";

const SECTION = "Bundle";
const GOAL_KILOBYTES = 250;
const REPOSITORY_ROOT = fileURLToPath(new URL("../", import.meta.url));
export const WEB_DIST_DIR = path.join(REPOSITORY_ROOT, "apps/web/dist");
/** What the web build is made from: a change to any of these makes dist stale. */
const WEB_SOURCES = ["apps/web/src", "apps/web/index.html", "apps/web/vite.config.ts", "packages/core/src"];

/** Builds the web app (`pnpm --filter @factmark/web build`) when dist is missing or older than its sources. */
export function ensureWebBuild(): void {
  const indexHtml = path.join(WEB_DIST_DIR, "index.html");
  const sourcesChanged = Math.max(
    ...WEB_SOURCES.map((source) => newestModification(path.join(REPOSITORY_ROOT, source))),
  );
  if (existsSync(indexHtml) && statSync(indexHtml).mtimeMs >= sourcesChanged) return;
  process.stderr.write("Building the web app (dist is missing or older than its sources)…\n");
  execFileSync("pnpm", ["--filter", "@factmark/web", "build"], { cwd: REPOSITORY_ROOT, stdio: ["ignore", 2, 2] });
}

/** The files a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`), relative to dist/assets. */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\/[^"']+\.js)["']/g)) {
    found.add(match[1] as string);
  }
  return [...found];
}

/** `start` and every chunk it reaches through static imports, as paths inside dist/assets. */
function withStaticImports(start: string[]): string[] {
  const seen = new Set<string>();
  const pending = [...start];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(path.join(WEB_DIST_DIR, "assets", file), "utf8");
    for (const imported of staticImports(code)) pending.push(path.posix.normalize(imported));
  }
  return [...seen];
}

function gzippedBytes(files: string[]): number {
  return files.reduce(
    (total, file) => total + gzipSync(readFileSync(path.join(WEB_DIST_DIR, "assets", file)), { level: 9 }).length,
    0,
  );
}

/** The JavaScript the article page loads first, and the entry alone, in gzipped kilobytes. */
export function measureArticlePageBundle() {
  const html = readFileSync(path.join(WEB_DIST_DIR, "index.html"), "utf8");
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="\/assets\/([^"]+\.js)"/g)].map(
    (match) => match[1] as string,
  );
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/assets\/([^"]+\.js)"/g)].map(
    (match) => match[1] as string,
  );
  if (entries.length === 0) throw new Error("dist/index.html loads no module script.");
  const entryFiles = withStaticImports([...entries, ...preloads]);
  // The router's lazy import of the article page: `import("./ArticlePage-<hash>.js")` in the entry.
  const articlePageChunk = entryFiles
    .flatMap((file) => [
      ...readFileSync(path.join(WEB_DIST_DIR, "assets", file), "utf8").matchAll(
        /import\(["']\.\/(ArticlePage-[^"']+\.js)["']\)/g,
      ),
    ])
    .map((match) => match[1] as string)[0];
  if (!articlePageChunk) throw new Error("The entry does not lazy-load an ArticlePage chunk.");
  const articleFiles = withStaticImports([...entryFiles, articlePageChunk]);
  return {
    articleFiles,
    articleKilobytes: gzippedBytes(articleFiles) / 1024,
    entryKilobytes: gzippedBytes(entryFiles) / 1024,
    rawKilobytes:
      articleFiles.reduce((total, file) => total + statSync(path.join(WEB_DIST_DIR, "assets", file)).size, 0) / 1024,
  };
}

export async function benchBundle(): Promise<BenchRow[]> {
  ensureWebBuild();
  const { articleFiles, articleKilobytes, entryKilobytes, rawKilobytes } = measureArticlePageBundle();
  return [
    {
      section: SECTION,
      name: "JS the article page loads first (gzip -9)",
      unit: "KB",
      value: articleKilobytes,
      baseline: entryKilobytes,
      goal: `≤ ${GOAL_KILOBYTES} KB`,
      isGoalMet: articleKilobytes <= GOAL_KILOBYTES,
      note: `${articleFiles.length} chunks, ${Math.round(rawKilobytes)} KB before gzip; baseline: the entry chunk alone (the article list)`,
    },
  ];
}
