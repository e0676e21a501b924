import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, readMigrations } from "./migrate";
import {
  derivePostgresMigration,
  derivePostgresSchema,
  POSTGRES_MIGRATIONS_DIR,
  POSTGRES_SCHEMA_FILE,
  SNAPSHOT_FILE,
  SQLITE_SCHEMA_FILE,
  withBinaryCollation,
} from "./postgresSchema";

// prisma/postgres is derived from prisma/schema.prisma and prisma/migrations: regenerate it in memory
// and compare. When this fails, run `pnpm prisma:derive` and commit what it writes.
describe("the derived PostgreSQL schema and migrations", () => {
  const postgresMigrations = readMigrations(POSTGRES_MIGRATIONS_DIR);

  it("match prisma/schema.prisma", () => {
    const derived = derivePostgresSchema(readFileSync(SQLITE_SCHEMA_FILE, "utf8"));
    expect(readFileSync(POSTGRES_SCHEMA_FILE, "utf8")).toBe(derived);
    const latest = postgresMigrations.at(-1);
    expect(latest && readFileSync(path.join(POSTGRES_MIGRATIONS_DIR, latest.name, SNAPSHOT_FILE), "utf8")).toBe(
      derived,
    );
  });

  it("have one migration per SQLite migration", () => {
    expect(postgresMigrations.map((migration) => migration.name)).toEqual(
      readMigrations(MIGRATIONS_DIR).map((migration) => migration.name),
    );
  });

  it("are each the diff between the schemas before and after", { timeout: 120_000 }, () => {
    let previous: string | null = null;
    for (const migration of postgresMigrations) {
      const snapshot = readFileSync(path.join(POSTGRES_MIGRATIONS_DIR, migration.name, SNAPSHOT_FILE), "utf8");
      expect(migration.sql, migration.name).toBe(derivePostgresMigration(migration.name, previous, snapshot));
      previous = snapshot;
    }
  });
});

describe("withBinaryCollation", () => {
  it("gives byte order to text columns a table is created with and to those added later", () => {
    expect(withBinaryCollation('CREATE TABLE "A" (\n    "id" TEXT NOT NULL,\n    "n" INTEGER\n);')).toBe(
      'CREATE TABLE "A" (\n    "id" TEXT COLLATE "C" NOT NULL,\n    "n" INTEGER\n);',
    );
    expect(withBinaryCollation('ALTER TABLE "Claim" ADD COLUMN     "originalAuthorName" TEXT;')).toBe(
      'ALTER TABLE "Claim" ADD COLUMN     "originalAuthorName" TEXT COLLATE "C";',
    );
  });
});
