// `pnpm bench`: every benchmark section, each figure beside its baseline from the same run, as one table.
// A section is a function returning rows (bench/table.ts); add yours to SECTIONS.
import { databaseProvider } from "../apps/server/src/db/createDatabase";
import { benchApi } from "./api";
import { benchBundle } from "./bundle";
import { benchEditor } from "./editor";
import { benchHotPaths } from "./hotPaths";
import { benchLive } from "./live";
import { benchLoad } from "./load";
import { benchMemory } from "./memory";
import { benchReanchor } from "./reanchor";
import { benchReportRows } from "./report";
import { benchResponsiveness } from "./responsiveness";
import { benchScale } from "./scale";
import { type BenchRow, type BenchSection, formatTable } from "./table";

const databaseUrl = process.env.DATABASE_URL?.trim();
const isPostgres = databaseUrl !== undefined && databaseProvider(databaseUrl) === "postgresql";

const SECTIONS: [name: string, run: BenchSection][] = [
  ["API (SQLite)", () => benchApi("sqlite")],
  // PostgreSQL when DATABASE_URL names a server: the bench makes and drops its own database there.
  ...(isPostgres ? [["API (PostgreSQL)", () => benchApi("postgresql", databaseUrl)] as [string, BenchSection]] : []),
  ["Report builders", benchReportRows],
  ["Re-anchoring", benchReanchor],
  ["Hot paths (in process)", benchHotPaths],
  ["Load (50 reviewers)", benchLoad],
  ["Live (50 subscribers, SQLite)", () => benchLive("sqlite")],
  ...(isPostgres
    ? [["Live (50 subscribers, PostgreSQL)", () => benchLive("postgresql", databaseUrl)] as [string, BenchSection]]
    : []),
  // The server as users run it, one heavy request at a time, while a second client polls /healthz.
  ["Responsiveness (SQLite)", () => benchResponsiveness("sqlite")],
  ...(isPostgres
    ? [["Responsiveness (PostgreSQL)", () => benchResponsiveness("postgresql", databaseUrl)] as [string, BenchSection]]
    : []),
  // 10,000 claims on 200,000 words beside 2,000 on 50,000, each figure measured both ways in the same run.
  ["Scale (SQLite)", benchScale],
  // Search and precedents on 2,000 articles and 100,000 claims, and the search index's cost on a claim write.
  ["Memory (SQLite)", () => benchMemory("sqlite")],
  ...(isPostgres
    ? [["Memory (PostgreSQL)", () => benchMemory("postgresql", databaseUrl)] as [string, BenchSection]]
    : []),
  ["Editor (headless Chromium)", benchEditor],
  ["Bundle", benchBundle],
];

const only = process.env.BENCH_ONLY?.toLowerCase();
const rows: BenchRow[] = [];
for (const [name, run] of SECTIONS) {
  if (only && !name.toLowerCase().includes(only)) continue;
  process.stderr.write(`Running ${name}…\n`);
  rows.push(...(await run()));
}
console.log(formatTable(rows));
if (!isPostgres) console.log("\n(Set DATABASE_URL to a postgres:// URL to add the PostgreSQL rows.)");
