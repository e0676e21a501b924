import { createRequire } from "node:module";

// bench/ is not a workspace package, so Node cannot find the server's dependencies from here:
// load them from where the server resolves them (the same module instances the app uses).
const requireFromServer = createRequire(new URL("../apps/server/package.json", import.meta.url));

export const pg = requireFromServer("pg") as typeof import("pg");
export const Database = requireFromServer("better-sqlite3") as typeof import("better-sqlite3");
export const { Hono } = requireFromServer("hono") as typeof import("hono");
export const { serve } = requireFromServer("@hono/node-server") as typeof import("@hono/node-server");
