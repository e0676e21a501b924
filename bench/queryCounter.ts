import type BetterSqlite3 from "better-sqlite3";
import type { Client } from "pg";
import { Database, pg } from "./serverModules";

/** Counted while profiling: Prisma operations, and SQL statements sent to the driver (transaction control included). */
export const queryCounts = { prismaOperations: 0, sqlStatements: 0 };

/** Wraps the drivers' entry points so every statement is counted, whoever sends it. */
export function countQueries(): void {
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: BetterSqlite3.Database, ...args: Parameters<typeof prepare>) {
    queryCounts.sqlStatements++;
    return prepare.apply(this, args);
  } as typeof prepare;
  const exec = Database.prototype.exec;
  Database.prototype.exec = function (this: BetterSqlite3.Database, source: string) {
    queryCounts.sqlStatements++;
    return exec.call(this, source);
  };
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: Client, ...args: unknown[]) {
    queryCounts.sqlStatements++;
    return (query as (...rest: unknown[]) => unknown).apply(this, args);
  } as typeof query;
}
