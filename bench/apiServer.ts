// A server for the API benchmark, in its own process so the load generator does not share its event loop.
// BENCH_SERVER=baseline: the reference, bare Hono routes on prepared better-sqlite3 / pg statements (apiBaseline.ts).
// BENCH_SERVER=app with BENCH_PROFILE=1: the full app, counting Prisma operations and SQL statements a request
// (the load itself runs against the server as users start it, bench/appServer.ts). Tells its port to the parent.
import { createApp } from "../apps/server/src/app";
import { securitySettingsFromEnv } from "../apps/server/src/auth/securitySettings";
import { createDatabase, type Db } from "../apps/server/src/db/createDatabase";
import { keepPostgresPool, postgresPoolOf } from "../apps/server/src/db/postgresPool";
import { keepSqliteWriter, sqliteWriterOf } from "../apps/server/src/db/sqliteWriter";
import { createBaselineApp } from "./apiBaseline";
import { countQueries, queryCounts } from "./queryCounter";
import { serve } from "./serverModules";

const databaseUrl = process.env.BENCH_DATABASE_URL ?? "";
const isProfiling = process.env.BENCH_PROFILE === "1";

let close: () => Promise<void>;
let fetch: (request: Request) => Response | Promise<Response>;
if (process.env.BENCH_SERVER === "app") {
  if (isProfiling) countQueries();
  let db: Db = await createDatabase(databaseUrl);
  if (isProfiling) {
    const writer = sqliteWriterOf(db);
    const pool = postgresPoolOf(db);
    // Counts Prisma operations (each one compiles a query plan: the cost that matters in Prisma 6).
    db = db.$extends({
      query: {
        $allOperations({ args, query }) {
          queryCounts.prismaOperations++;
          return query(args);
        },
      },
    }) as unknown as Db;
    // The extended client writes its hot paths as the app's does: in prepared statements, not Prisma queries.
    if (writer) keepSqliteWriter(db, writer);
    if (pool) keepPostgresPool(db, pool);
  }
  const app = createApp({ db, security: securitySettingsFromEnv() });
  fetch = app.fetch;
  close = () => db.$disconnect();
} else {
  if (isProfiling) countQueries();
  const baseline = await createBaselineApp(databaseUrl);
  fetch = baseline.app.fetch;
  close = baseline.close;
}

const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.send?.({ port: info.port });
});
process.on("message", (message: { type: string }) => {
  if (message.type === "counts") process.send?.({ counts: { ...queryCounts } });
  if (message.type === "reset") {
    queryCounts.prismaOperations = 0;
    queryCounts.sqlStatements = 0;
  }
  if (message.type === "stop") server.close(() => void close().finally(() => process.exit(0)));
});
