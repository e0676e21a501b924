import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";

/**
 * Serves the built web app from `webDistDir` on `app`, after its API routes: files with hashed names under
 * /assets are cached for a year (immutable), other files as they are, and every other page answers index.html
 * (the app routes on the client). Answers false, serving nothing, when there is no build.
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
  app.get("*", (c) => c.html(html));
  return true;
}
