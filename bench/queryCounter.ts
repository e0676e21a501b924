import type BetterSqlite3 from "better-sqlite3";
import type { Client } from "pg";
import { Database, pg } from "./serverModules";

/** Counted while profiling: Prisma operations, and SQL statements sent to the driver (transaction control included). */
export const queryCounts = { prismaOperations: 0, sqlStatements: 0 };

/**
 * Wraps the drivers' entry points so every statement run is counted, whoever sends it: on SQLite each
 * run of a prepared statement (Prisma prepares one a query, a statement batch reuses its kept ones).
 */
export function countQueries(): void {
  const probe = new Database(":memory:");
  const statementPrototype = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<
    "run" | "get" | "all" | "iterate",
    (...args: unknown[]) => unknown
  >;
  probe.close();
  for (const method of ["run", "get", "all", "iterate"] as const) {
    const original = statementPrototype[method];
    statementPrototype[method] = function (this: BetterSqlite3.Statement, ...args: unknown[]) {
      queryCounts.sqlStatements++;
      return original.apply(this, args);
    };
  }
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
