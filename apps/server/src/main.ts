import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { securitySettingsFromEnv } from "./auth/securitySettings";
import { loadConfig } from "./config";
import { createDatabase, type Db, databaseProvider, whenDatabaseReachable } from "./db/createDatabase";
import { seed } from "./db/seed";
import { sqlitePath } from "./db/sqlitePath";
import { DatabaseInUseError, holdSqliteProcessLock, type SqliteProcessLock } from "./db/sqliteProcessLock";
import { SEED_ADMIN } from "./repositories/accountRepository";
import { warmArticleTallies } from "./repositories/articleRepository";
import { serveWebApp } from "./web/serveWebApp";
import { closeHeavyWork, warmHeavyWork } from "./work/heavyWork";
import { WORKER_MODULES } from "./work/workerModules";

const config = loadConfig();
const security = securitySettingsFromEnv();

/**
 * How long a stopping server lets the requests under way finish (ms) before it closes every connection left: an
 * article's event stream never ends by itself, and its browser reconnects (to another server, or this one restarted).
 */
const SHUTDOWN_GRACE_MS = 3000;
/**
 * How long a stopping server waits in all (ms) before it exits with database calls still under way: one may wait on a
 * lock an outside session holds for as long as it does. The database rolls back what they had not committed; their
 * requests were answered nothing (their connections were closed at SHUTDOWN_GRACE_MS).
 */
const SHUTDOWN_LIMIT_MS = 10_000;

// Stopping is heard from the first moment: a start waiting for its database stops at once, cleanly (exit 0).
let isShuttingDown = false;
let server: Server | undefined;
let db: Db | undefined;
let lock: SqliteProcessLock | undefined;
process.on("SIGINT", shutDown);
process.on("SIGTERM", shutDown);
// The supervisor is gone (even killed outright): stop too, rather than run on unsupervised.
process.on("disconnect", shutDown);

// Before the first migration: one server process per SQLite file.
if (databaseProvider(config.databaseUrl) === "sqlite") lock = lockOrExit(sqlitePath(config.databaseUrl));
db = await createDatabase(config.databaseUrl);
const database = db;
// The database may go away again after the migrations: the seed waits for it too.
await whenDatabaseReachable(() => seed(database, SEED_ADMIN), config.databaseUrl);

const app = createApp({ db: database, security });
if (!serveWebApp(app, config.webDistDir, database)) {
  console.warn(`No built web app at ${config.webDistDir}: serving the API only (run "pnpm build").`);
}

// serve() answers an http.Server unless told to serve HTTP/2, which it is not here.
server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Factmark is running at http://localhost:${info.port}/`);
  // Under the supervisor (supervise.ts): it counts a start as done from here.
  process.send?.({ type: "ready", port: info.port });
  // The worker threads load their libraries now, not when the first reviewer imports or exports something, and the
  // articles' claim tallies are counted now, not in the first reviewer's list. Whoever started it through an IPC
  // channel (bench/appServer.ts) may wait for this before measuring anything.
  const tallies = warmArticleTallies(database).catch((error: unknown) => {
    // Only slower: the first list counts them instead. (Or the server stopped meanwhile, and closed the database.)
    if (!isShuttingDown) console.error("The articles' claim tallies could not be counted at start:", error);
  });
  Promise.all([warmHeavyWork(Object.values(WORKER_MODULES)), tallies]).then(
    () => process.send?.({ type: "warmed" }),
    (error: unknown) => {
      // A server stopped while they still load ends them itself (closeHeavyWork): that is no failure to report.
      if (!isShuttingDown) console.error("The worker threads for heavy work could not start:", error);
      process.send?.({ type: "warmed", error: String(error) });
    },
  );
}) as Server;
// Listening failed (the port is another program's, or not this user's to open): say so, and end the start.
server.once("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EADDRINUSE") {
    console.error(`Port ${config.port} is in use by another program: stop it, or set PORT to another port.`);
  } else if (error.code === "EACCES") {
    console.error(`Port ${config.port} may not be opened by this user: set PORT to a port above 1023.`);
  } else {
    console.error(`The server could not listen on port ${config.port}:`, error);
  }
  lock?.release();
  process.exit(1);
});

/**
 * Stops the server: at once while it starts (a database call under way is rolled back with its connection), else
 * after its requests finish (SHUTDOWN_GRACE_MS at most for their connections, SHUTDOWN_LIMIT_MS in all); exits 0.
 */
function shutDown() {
  if (isShuttingDown) return;
  isShuttingDown = true;
  const exit = () => {
    lock?.release();
    process.exit(0);
  };
  const started = server;
  if (!started) exit();
  else {
    started.close(() => {
      void Promise.allSettled([db?.$disconnect(), closeHeavyWork()]).finally(exit);
    });
    started.closeIdleConnections();
    setTimeout(() => started.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
    setTimeout(() => {
      console.error(
        `Stopped after ${SHUTDOWN_LIMIT_MS / 1000} s with work still under way (as a rule a database call waiting on a lock); the database rolls back what was not committed.`,
      );
      exit();
    }, SHUTDOWN_LIMIT_MS).unref();
  }
}

function lockOrExit(databaseFile: string): SqliteProcessLock {
  try {
    return holdSqliteProcessLock(databaseFile);
  } catch (error) {
    if (!(error instanceof DatabaseInUseError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
