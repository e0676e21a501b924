import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { databaseProvider } from "./createDatabase";

/** A database made for one test file or one benchmark run, removed by `drop`. */
export interface ThrowawayDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database: with a PostgreSQL server URL, a new database on that server
 * (`<prefix>_<random>`, which needs the CREATEDB right); otherwise a SQLite file in a new temporary folder.
 */
export async function createThrowawayDatabase(prefix: string, serverUrl?: string): Promise<ThrowawayDatabase> {
  if (serverUrl && databaseProvider(serverUrl) === "postgresql") {
    const name = `${prefix}_${randomBytes(6).toString("hex")}`;
    await onServer(serverUrl, `CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      // FORCE ends sessions a test left open, so a failed test cannot leave the database behind.
      drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  return {
    url: `file:${path.join(dir, "factmark.db")}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
