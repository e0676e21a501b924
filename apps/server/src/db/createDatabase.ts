import { PrismaPg } from "@prisma/adapter-pg";
import * as Sqlite from "../generated/prisma/client";
import * as Postgres from "../generated/prisma-pg/client";
import { listenForChanges } from "../live/listenForChanges";
import { isDatabaseUnreachable } from "./isDatabaseUnreachable";
import { migrateSqlite } from "./migrate";
import { migratePostgres } from "./migratePostgres";
import { createPostgresPool, keepPostgresPool } from "./postgresPool";
import { sqlitePath } from "./sqlitePath";
import { keepSqliteWriter, SharedSqliteConnection } from "./sqliteWriter";
import { startWalCheckpointer } from "./walCheckpointer";

/**
 * The database client every repository takes, typed by the SQLite client. The PostgreSQL client is
 * generated from the same datamodel (prisma/postgres/schema.prisma is derived from prisma/schema.prisma),
 * so its models, queries and results are the same at run time; its types differ only by PostgreSQL-only
 * options (`mode: "insensitive"`), which the code must not use anyway since SQLite has none.
 * `createDatabase` casts it to this type once; the checks below fail to compile if the models part.
 */
export type Db = Sqlite.PrismaClient;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type SqliteModels = [
  Sqlite.Account,
  Sqlite.Session,
  Sqlite.Invite,
  Sqlite.Article,
  Sqlite.Claim,
  Sqlite.ArticleChangeCounter,
  Sqlite.Link,
  Sqlite.Evidence,
  Sqlite.Event,
];
type PostgresModels = [
  Postgres.Account,
  Postgres.Session,
  Postgres.Invite,
  Postgres.Article,
  Postgres.Claim,
  Postgres.ArticleChangeCounter,
  Postgres.Link,
  Postgres.Evidence,
  Postgres.Event,
];
const hasSameModels: Same<SqliteModels, PostgresModels> & Same<Sqlite.Prisma.ModelName, Postgres.Prisma.ModelName> =
  true;
void hasSameModels;

export type DatabaseProvider = "sqlite" | "postgresql";

/** PostgreSQL for `postgres://` and `postgresql://` URLs, else SQLite (`file:`). */
export function databaseProvider(databaseUrl: string): DatabaseProvider {
  return /^postgres(ql)?:\/\//i.test(databaseUrl) ? "postgresql" : "sqlite";
}

/** How long a writer waits for SQLite's lock before giving up, in milliseconds. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;
/** How often a server whose PostgreSQL cannot be reached at start tries again (ms). */
const START_RETRY_MS = 1000;
/** How long a PostgreSQL server waits at start for its LISTEN connection (ms) before it starts without it. */
const FIRST_LISTEN_WAIT_MS = 10_000;

/** Whether a database client (or one of its transactions) talks to PostgreSQL rather than SQLite. */
export function isPostgres(db: object): boolean {
  return (db as { _activeProvider?: string })._activeProvider === "postgresql";
}

/**
 * Opens the database a URL names, bringing its schema up to date first.
 * SQLite (`file:`) runs in WAL mode with a busy timeout; better-sqlite3 turns foreign keys on.
 * PostgreSQL goes through a `pg` pool of 10 connections (pg's default) per server process; a server started before
 * its PostgreSQL waits for it (whenDatabaseReachable), and one that cannot LISTEN within 10 s starts without (its
 * event streams then learn of other processes' changes at their poll).
 */
export async function createDatabase(databaseUrl: string): Promise<Db> {
  if (databaseProvider(databaseUrl) === "postgresql") return createPostgresDatabase(databaseUrl);
  const file = sqlitePath(databaseUrl);
  migrateSqlite(file);
  // The hot writes (a claim made, say) share Prisma's connection as batches of kept statements.
  const adapter = new SharedSqliteConnection({ url: `file:${file}`, timeout: SQLITE_BUSY_TIMEOUT_MS });
  const db = new Sqlite.PrismaClient({ adapter });
  await db.$connect();
  keepSqliteWriter(db, adapter.writer);
  // Per connection: a commit in WAL mode is durable once synced (FULL), not just written.
  await db.$queryRawUnsafe("PRAGMA synchronous = FULL");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  await checkpointInBackground(db, file);
  return db;
}

/** SQLite's checkpoints move to a thread of their own (see walCheckpointer.ts); `$disconnect` ends it. */
function checkpointInBackground(db: Sqlite.PrismaClient, file: string) {
  const checkpointer = startWalCheckpointer(file, {
    busyTimeoutMs: SQLITE_BUSY_TIMEOUT_MS,
    onOversized() {
      void db.$queryRawUnsafe("PRAGMA wal_checkpoint(PASSIVE)").catch(() => {});
    },
    onFailure(error) {
      console.error(`${error.message} SQLite checkpoints in the commits again.`);
      void db.$queryRawUnsafe("PRAGMA wal_autocheckpoint = 1000").catch(() => {});
    },
  });
  const disconnect = db.$disconnect.bind(db);
  db.$disconnect = async () => {
    await checkpointer.stop();
    await disconnect();
  };
  return db.$queryRawUnsafe("PRAGMA wal_autocheckpoint = 0");
}

async function createPostgresDatabase(databaseUrl: string): Promise<Db> {
  await whenDatabaseReachable(() => migratePostgres(databaseUrl), databaseUrl);
  // One pool for Prisma and the hot writes' prepared statements (postgresPool.ts); Prisma's disconnect ends it.
  const pool = createPostgresPool(databaseUrl);
  const db = new Postgres.PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  await db.$connect();
  keepPostgresPool(db, pool);
  // Changes and presence other server processes announce reach this one's event streams. Answered once it
  // listens: a stream opened before would hear of the changes made meanwhile only at its next poll (5 s).
  const listener = listenForChanges(databaseUrl);
  // A timer that keeps the process up meanwhile: the listener's own are unref'd, and with the database gone again
  // nothing else would, and the process would end with this start unsettled.
  let giveUp: NodeJS.Timeout | undefined;
  const isListening = await Promise.race([
    listener.listening,
    new Promise<false>((resolve) => {
      giveUp = setTimeout(() => resolve(false), FIRST_LISTEN_WAIT_MS);
    }),
  ]);
  clearTimeout(giveUp);
  if (!isListening) {
    console.warn(
      `Not listening for other processes' changes after ${FIRST_LISTEN_WAIT_MS} ms; still trying. Until then, event streams learn of changes at their poll.`,
    );
  }
  const disconnect = db.$disconnect.bind(db);
  db.$disconnect = async () => {
    await listener.stop();
    await disconnect();
  };
  return db as unknown as Db;
}

/**
 * Answers what `start` does, trying again every START_RETRY_MS for as long as it fails because the database at
 * `databaseUrl` cannot be reached (isDatabaseUnreachable: a server started before its database, or while it restarts);
 * says so once, naming the host (never the password), and again once it is reached. Any other failure is thrown at
 * once. Every step of a server's start goes through it (the migrations here, the seed in main.ts), so a start waits for
 * the database rather than ends: the supervisor does not restart a start that failed. `start` must be safe to run again.
 */
export async function whenDatabaseReachable<T>(start: () => Promise<T>, databaseUrl: string): Promise<T> {
  for (let isWaiting = false; ; ) {
    try {
      const answer = await start();
      if (isWaiting) console.log("PostgreSQL can be reached now.");
      return answer;
    } catch (error) {
      if (!isDatabaseUnreachable(error)) throw error;
      if (!isWaiting) {
        const reason = error instanceof Error ? error.message : String(error);
        console.error(
          `PostgreSQL at ${new URL(databaseUrl).host} cannot be reached (${reason}); trying again every ${START_RETRY_MS / 1000} s.`,
        );
      }
      isWaiting = true;
      await new Promise((resolve) => setTimeout(resolve, START_RETRY_MS));
    }
  }
}
