// Writes prisma/postgres/ (schema and migrations) from prisma/schema.prisma and prisma/migrations.
// Run after adding a SQLite migration: `pnpm prisma:derive`, then `pnpm exec prisma generate`.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  derivePostgres,
  POSTGRES_MIGRATIONS_DIR,
  POSTGRES_SCHEMA_FILE,
  SNAPSHOT_FILE,
} from "../apps/server/src/db/postgresSchema";

const { schema, migrations, added } = derivePostgres();
mkdirSync(path.dirname(POSTGRES_SCHEMA_FILE), { recursive: true });
writeFileSync(POSTGRES_SCHEMA_FILE, schema);
for (const migration of migrations) {
  if (!added.includes(migration.name)) continue;
  const dir = path.join(POSTGRES_MIGRATIONS_DIR, migration.name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), migration.sql);
  writeFileSync(path.join(dir, SNAPSHOT_FILE), migration.snapshot);
}
console.log(
  added.length > 0
    ? `Derived PostgreSQL migrations: ${added.join(", ")}.`
    : "PostgreSQL schema derived; no new migration.",
);
