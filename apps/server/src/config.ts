import { fileURLToPath } from "node:url";

/** The server's settings, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /** The built web app (apps/web/dist, found as PROJECT_ROOT is), served beside the API; absent in API-only tests. */
  webDistDir: string;
}

export const DEFAULT_DATABASE_URL = "file:./data/factmark.db";

/**
 * The repository's root: relative paths in settings are read from here, and the server's files (migrations, the
 * sample article) are found from it. Three levels up from this file's code, which is in src/ from the sources and
 * in dist/ once built (apps/server/build.mjs bundles it into files directly in dist/): both are in apps/server.
 */
export const PROJECT_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, not "${env.PORT}".`);
  }
  return {
    port,
    host: env.HOST ?? "127.0.0.1",
    databaseUrl: env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL,
    webDistDir: env.WEB_DIST_DIR ?? fileURLToPath(new URL("../../web/dist", import.meta.url)),
  };
}
