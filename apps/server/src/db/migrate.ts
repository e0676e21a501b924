import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { SQLITE_MIGRATIONS_DIR } from "./migrationDirs";

// Both folders live in migrationDirs.ts; re-exported under the names migratePostgres.ts and the tests import.
export { POSTGRES_MIGRATIONS_DIR, SQLITE_MIGRATIONS_DIR as MIGRATIONS_DIR } from "./migrationDirs";

export interface Migration {
  name: string;
  sql: string;
}

/** The migrations the project ships, in the order they apply (their folder names sort that way). */
export function readMigrations(dir = SQLITE_MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

/**
 * Brings a SQLite file up to date: applies each pending migration in its own transaction and
 * records it, so each runs once. Also puts the file in WAL mode, which SQLite remembers.
 * Returns the names of the migrations applied now.
 */
export function migrateSqlite(file: string, migrations = readMigrations()): string[] {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    db.exec(`CREATE TABLE IF NOT EXISTS "_factmark_migrations" (
      "name" TEXT NOT NULL PRIMARY KEY,
      "appliedAt" TEXT NOT NULL
    )`);
    const applied = new Set(
      db
        .prepare<[], { name: string }>(`SELECT "name" FROM "_factmark_migrations"`)
        .all()
        .map((row) => row.name),
    );
    const record = db.prepare(`INSERT INTO "_factmark_migrations" ("name", "appliedAt") VALUES (?, ?)`);
    const appliedNow: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.name)) continue;
      db.transaction(() => {
        db.exec(migration.sql);
        record.run(migration.name, new Date().toISOString());
      }).immediate();
      appliedNow.push(migration.name);
    }
    return appliedNow;
  } finally {
    db.close();
  }
}
