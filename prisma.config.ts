// Makes the Prisma CLI use its WASM schema engine through a driver adapter: the native engine
// cannot be downloaded on these machines. The server does not read this file.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    // In memory by default: the CLI only diffs datamodels here, and a fresh clone has no ./data folder yet.
    // A database to introspect (`prisma db pull`, see migrationsMatchSchema.test.ts): a SQLite file or a
    // postgresql:// URL.
    const database = process.env.PRISMA_CLI_DATABASE ?? ":memory:";
    return /^postgres(ql)?:\/\//.test(database)
      ? new PrismaPg({ connectionString: database })
      : new PrismaBetterSQLite3({ url: database });
  },
});
