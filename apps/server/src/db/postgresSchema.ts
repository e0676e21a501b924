import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../config";
import { POSTGRES_MIGRATIONS_DIR, SQLITE_MIGRATIONS_DIR } from "./migrationDirs";

/**
 * PostgreSQL's schema and migrations are derived from the SQLite ones, the single source of truth:
 * Prisma's `provider` cannot come from the environment, so each provider needs its own schema file.
 * `pnpm prisma:derive` writes what this module computes; a test checks that it is in sync.
 */

export const SQLITE_SCHEMA_FILE = path.join(PROJECT_ROOT, "prisma/schema.prisma");
export const POSTGRES_SCHEMA_FILE = path.join(PROJECT_ROOT, "prisma/postgres/schema.prisma");
// The migration folders live in migrationDirs.ts; re-exported for prisma/derive-postgres.ts and the tests.
export { POSTGRES_MIGRATIONS_DIR, SQLITE_MIGRATIONS_DIR } from "./migrationDirs";
/** Beside each PostgreSQL migration: the derived schema it brings the database to, the base of the next diff. */
export const SNAPSHOT_FILE = "schema.prisma.snapshot";
/** Beside a SQLite migration: PostgreSQL's version of what the datamodel cannot say (triggers), appended to its diff. */
export const POSTGRES_EXTRA_FILE = "postgresql.sql";
/**
 * Beside a SQLite migration that renames: PostgreSQL's migration, written by hand and used instead of the
 * diff, which would drop the old table and create the new one, rows and all. The PostgreSQL suite checks
 * that the migrated database matches the schema (migratePostgres.test.ts).
 */
export const POSTGRES_OVERRIDE_FILE = "postgresql.override.sql";

const HEADER = "// Derived from prisma/schema.prisma by `pnpm prisma:derive`: edit that file, not this one.\n";

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(text)) throw new Error(`prisma/schema.prisma no longer has ${pattern}: update postgresSchema.ts.`);
  return text.replace(pattern, replacement);
}

/** The PostgreSQL schema: the same datamodel, another provider, its own client. */
export function derivePostgresSchema(sqliteSchema: string): string {
  let schema = replaceOnce(sqliteSchema, /provider\s*=\s*"sqlite"/, 'provider = "postgresql"');
  schema = replaceOnce(
    schema,
    /output(\s*)=\s*"\.\.\/apps\/server\/src\/generated\/prisma"/,
    'output$1= "../../apps/server/src/generated/prisma-pg"',
  );
  schema = replaceOnce(schema, /url(\s*)=\s*"file:[^"]*"/, 'url$1= "postgresql://localhost/factmark"');
  return HEADER + schema;
}

/**
 * Text columns compare byte by byte, as SQLite's do, whatever the server's default collation:
 * ids, speakers and quotes then sort the same on both providers (and UUIDv7 ids in time order).
 */
export function withBinaryCollation(sql: string): string {
  // A column of CREATE TABLE (indented) or of ALTER TABLE … ADD COLUMN (after the keywords).
  return sql.replace(/^((?:\s+|.*\bADD COLUMN\s+)"[^"]+" TEXT)(?=[ ,;\n]|$)/gm, '$1 COLLATE "C"');
}

/** `prisma migrate diff` between two PostgreSQL datamodels (null: the empty database), as SQL. */
export function diffPostgresDatamodels(fromSchema: string | null, toSchema: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "factmark-derive-"));
  try {
    const toFile = path.join(dir, "to.prisma");
    writeFileSync(toFile, toSchema);
    const from = ["--from-empty"];
    if (fromSchema !== null) {
      const fromFile = path.join(dir, "from.prisma");
      writeFileSync(fromFile, fromSchema);
      from.splice(0, 1, "--from-schema-datamodel", fromFile);
    }
    const sql = execFileSync(
      path.join(PROJECT_ROOT, "node_modules/.bin/prisma"),
      ["migrate", "diff", ...from, "--to-schema-datamodel", toFile, "--script"],
      { cwd: PROJECT_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    return withBinaryCollation(sql);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function migrationNames(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

export interface DerivedMigration {
  name: string;
  sql: string;
  snapshot: string;
}

/**
 * The PostgreSQL migration for a SQLite one: the datamodel diff, then the migration's PostgreSQL-only SQL;
 * or, for a rename, the hand-written override.
 */
export function derivePostgresMigration(name: string, fromSchema: string | null, toSchema: string): string {
  const overrideFile = path.join(SQLITE_MIGRATIONS_DIR, name, POSTGRES_OVERRIDE_FILE);
  if (existsSync(overrideFile)) return readFileSync(overrideFile, "utf8");
  const extraFile = path.join(SQLITE_MIGRATIONS_DIR, name, POSTGRES_EXTRA_FILE);
  const extra = existsSync(extraFile) ? readFileSync(extraFile, "utf8") : "";
  return diffPostgresDatamodels(fromSchema, toSchema) + extra;
}

/**
 * What prisma/postgres should hold. Existing PostgreSQL migrations are kept as they are; each SQLite
 * migration without a counterpart gets one that diffs the last snapshot against the current schema
 * (write one SQLite migration per schema change, then derive).
 */
export function derivePostgres(): { schema: string; migrations: DerivedMigration[]; added: string[] } {
  const schema = derivePostgresSchema(readFileSync(SQLITE_SCHEMA_FILE, "utf8"));
  const existing = new Set(migrationNames(POSTGRES_MIGRATIONS_DIR));
  const migrations: DerivedMigration[] = [];
  const added: string[] = [];
  let previous: string | null = null;
  for (const name of migrationNames(SQLITE_MIGRATIONS_DIR)) {
    const dir = path.join(POSTGRES_MIGRATIONS_DIR, name);
    if (existing.has(name)) {
      const snapshot = readFileSync(path.join(dir, SNAPSHOT_FILE), "utf8");
      migrations.push({ name, sql: readFileSync(path.join(dir, "migration.sql"), "utf8"), snapshot });
      previous = snapshot;
    } else {
      migrations.push({ name, sql: derivePostgresMigration(name, previous, schema), snapshot: schema });
      added.push(name);
      previous = schema;
    }
  }
  return { schema, migrations, added };
}
