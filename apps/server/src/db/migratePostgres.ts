import pg from "pg";
import { type Migration, POSTGRES_MIGRATIONS_DIR, readMigrations } from "./migrate";

/** Any fixed number: the advisory lock that lets one starting server migrate while the others wait. */
const MIGRATION_LOCK_KEY = 7_303_417;

/**
 * Brings a PostgreSQL database up to date: applies each pending migration in its own transaction and
 * records it in `_factmark_migrations`, so each runs once. Uses `pg` directly: `prisma migrate deploy`
 * through the adapter fails (a known Prisma bug). Servers starting together take turns on an advisory
 * lock, so a migration never runs twice. Returns the names of the migrations applied now.
 */
export async function migratePostgres(
  connectionString: string,
  migrations: Migration[] = readMigrations(POSTGRES_MIGRATIONS_DIR),
): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  // A connection lost meanwhile fails the query in flight; unheard, its "error" event would stop the process.
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_factmark_migrations" (
      "name" TEXT NOT NULL PRIMARY KEY,
      "appliedAt" TIMESTAMPTZ NOT NULL
    )`);
    const { rows } = await client.query<{ name: string }>(`SELECT "name" FROM "_factmark_migrations"`);
    const applied = new Set(rows.map((row) => row.name));
    const appliedNow: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(`INSERT INTO "_factmark_migrations" ("name", "appliedAt") VALUES ($1, now())`, [
          migration.name,
        ]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      appliedNow.push(migration.name);
    }
    return appliedNow;
  } finally {
    // Ending the session releases the advisory lock too.
    await client.end();
  }
}
