import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { PROJECT_ROOT } from "../config";
import { createTestDatabase } from "../test/createTestApp";
import { createDatabase } from "./createDatabase";
import { diffPostgresDatamodels, POSTGRES_SCHEMA_FILE, SQLITE_SCHEMA_FILE } from "./postgresSchema";
import { createThrowawayDatabase } from "./throwawayDatabase";

// Some migrations are written by hand, where Prisma's would lose rows (a rename, a column added in place):
// this proves that a database they build is the one the schema describes, on the provider under test.
const database = await createTestDatabase();
const isPostgres = !database.url.startsWith("file:");
const db = await createDatabase(database.url);
const workDir = mkdtempSync(path.join(tmpdir(), "factmark-drift-"));
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
  rmSync(workDir, { recursive: true, force: true });
});

function prisma(args: string[], env: Record<string, string> = {}): string {
  return execFileSync(path.join(PROJECT_ROOT, "node_modules/.bin/prisma"), args, {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
}

it.skipIf(isPostgres)(
  "a SQLite database built by the migrations is exactly the one the schema describes",
  { timeout: 120_000 },
  () => {
    const pulled = prisma(["db", "pull", "--print", "--schema", SQLITE_SCHEMA_FILE], {
      PRISMA_CLI_DATABASE: database.url.slice("file:".length),
    });
    // The CLI prints its warnings on stdout too; the migration runner's own table is not in the schema.
    const introspected = pulled
      .slice(pulled.search(/^generator /m))
      .replace(/^model factmark_migrations \{[^}]*\}\n/m, "")
      .replace(HAND_WRITTEN_SQLITE_MODELS, "");
    expect(introspected).toMatch(/^model Account \{/m);
    const introspectedFile = path.join(workDir, "introspected.prisma");
    writeFileSync(introspectedFile, introspected);
    const difference = prisma([
      "migrate",
      "diff",
      "--from-schema-datamodel",
      introspectedFile,
      "--to-schema-datamodel",
      SQLITE_SCHEMA_FILE,
      "--script",
    ]);
    expect(difference.trim()).toBe("-- This is an empty migration.");
  },
);

/** Indexes written by hand in a migration because Prisma's schema language cannot express them. */
const HAND_WRITTEN_INDEXES = ["Link_live_pair_kind_key"];
/**
 * Tables written by hand in a migration because Prisma's datamodel cannot describe them: migration 0012's search
 * index, kept by triggers ("SearchEntry", and the FTS5 table "SearchText" with its shadow tables). PostgreSQL's
 * version lives in a schema of its own ("search"), outside the public schema compared below.
 */
const HAND_WRITTEN_SQLITE_MODELS =
  /^(?:\/\/\/.*\n)*model (?:SearchEntry|SearchText|SearchText_(?:config|data|docsize|idx)) \{[^}]*\}\n\n?/gm;

// Prisma cannot introspect PostgreSQL through its driver adapter (the only engine these machines have), so
// the migrated database's catalog is compared with that of a database made straight from the schema.
it.runIf(isPostgres)(
  "a PostgreSQL database built by the migrations has the tables, columns, indexes and constraints of one made from the schema",
  { timeout: 120_000 },
  async () => {
    const fromSchema = await createThrowawayDatabase("factmark_drift", process.env.TEST_DATABASE_URL);
    try {
      await onDatabase(fromSchema.url, (client) =>
        client.query(diffPostgresDatamodels(null, readFileSync(POSTGRES_SCHEMA_FILE, "utf8"))),
      );
      const [migrated, expected] = await Promise.all([database.url, fromSchema.url].map(describeCatalog));
      // Indexes Prisma's schema cannot express live only in the migrations (0008's partial unique index).
      const handWritten = (migrated ?? []).filter((line) => HAND_WRITTEN_INDEXES.some((name) => line.includes(name)));
      expect(handWritten).toHaveLength(HAND_WRITTEN_INDEXES.length);
      expect(migrated?.filter((line) => !handWritten.includes(line))).toEqual(expected);
      expect(migrated?.join("\n")).toContain("table Session column accountId");
    } finally {
      await fromSchema.drop();
    }
  },
);

async function onDatabase<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The public schema's tables, columns, indexes and constraints, one sorted line each. */
function describeCatalog(url: string): Promise<string[]> {
  return onDatabase(url, async (client) => {
    const { rows } = await client.query<{ line: string }>(`
      SELECT format('table %s column %s %s %s default %s collation %s', table_name, column_name, data_type,
                    is_nullable, column_default, collation_name) AS line
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_factmark_migrations'
      UNION ALL
      SELECT format('index %s', indexdef) FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_factmark_migrations'
      UNION ALL
      SELECT format('constraint %s on %s: %s', c.conname, t.relname, pg_get_constraintdef(c.oid))
        FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND t.relname <> '_factmark_migrations'`);
    return rows.map((row) => row.line).sort();
  });
}
