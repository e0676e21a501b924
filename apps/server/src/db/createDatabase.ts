import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { migrateSqlite } from "./migrate";
import { sqlitePath } from "./sqlitePath";

export type Db = PrismaClient;

/** How long a writer waits for SQLite's lock before giving up, in milliseconds. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Opens the database a URL names, bringing its schema up to date first.
 * SQLite (`file:`) runs in WAL mode with a busy timeout; better-sqlite3 turns foreign keys on.
 */
export async function createDatabase(databaseUrl: string): Promise<Db> {
  const file = sqlitePath(databaseUrl);
  migrateSqlite(file);
  const adapter = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: SQLITE_BUSY_TIMEOUT_MS });
  const db = new PrismaClient({ adapter });
  await db.$connect();
  // Per connection: a commit in WAL mode is durable once synced (FULL), not just written.
  await db.$queryRawUnsafe("PRAGMA synchronous = FULL");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  return db;
}
