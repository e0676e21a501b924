// Makes the Prisma CLI use its WASM schema engine through a driver adapter: the native engine
// cannot be downloaded on these machines. The server does not read this file.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    // In memory: the CLI only diffs datamodels here, and a fresh clone has no ./data folder yet.
    return new PrismaBetterSQLite3({ url: process.env.PRISMA_CLI_DATABASE ?? ":memory:" });
  },
});
