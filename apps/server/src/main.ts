import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { createApp } from "./app";
import { securitySettingsFromEnv } from "./auth/securitySettings";
import { loadConfig } from "./config";
import { createDatabase } from "./db/createDatabase";
import { seed } from "./db/seed";
import { SEED_ADMIN } from "./repositories/accountRepository";

const config = loadConfig();
const db = await createDatabase(config.databaseUrl);
await seed(db, SEED_ADMIN);

const app = createApp({ db, security: securitySettingsFromEnv() });
const indexHtml = path.join(config.webDistDir, "index.html");
if (existsSync(indexHtml)) {
  const root = path.relative(process.cwd(), config.webDistDir);
  app.use(
    "/assets/*",
    serveStatic({ root, onFound: (_path, c) => c.header("Cache-Control", "public, max-age=31536000, immutable") }),
  );
  app.use("*", serveStatic({ root }));
  // Every other page is the web app's: it routes on the client.
  const html = readFileSync(indexHtml, "utf8");
  app.get("*", (c) => c.html(html));
} else {
  console.warn(`No built web app at ${config.webDistDir}: serving the API only (run "pnpm build").`);
}

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Factmark is running at http://localhost:${info.port}/`);
});

function shutDown() {
  server.close(() => {
    void db.$disconnect().finally(() => process.exit(0));
  });
}
process.on("SIGINT", shutDown);
process.on("SIGTERM", shutDown);
