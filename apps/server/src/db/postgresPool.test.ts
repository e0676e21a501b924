import { ZApiError } from "@factmark/core";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../app";
import * as Postgres from "../generated/prisma-pg/client";
import { createTestDatabase } from "../test/createTestApp";
import type { Db } from "./createDatabase";
import { isDatabaseUnreachable, isEveryConnectionBusy } from "./isDatabaseUnreachable";
import { createPostgresPool } from "./postgresPool";

// PostgreSQL only: a real server, whose backends a second connection terminates as an administrator or a failover would.
const database = await createTestDatabase();
const isPostgres = database.url.startsWith("postgres");
const admin = isPostgres ? new pg.Client({ connectionString: database.url }) : undefined;
await admin?.connect();
afterAll(async () => {
  await admin?.end();
  await database.drop();
});

/** Connections of `pool` lent and not given back. */
const lentOf = (pool: pg.Pool) => pool.totalCount - pool.idleCount;

async function waitFor(isDone: () => boolean, timeMs: number): Promise<boolean> {
  const deadline = Date.now() + timeMs;
  while (!isDone() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return isDone();
}

describe.runIf(isPostgres)("the PostgreSQL pool", () => {
  it("gives back at once a connection lost in a Prisma transaction, whose ROLLBACK then fails", async () => {
    const pool = createPostgresPool(database.url);
    const db = new Postgres.PrismaClient({ adapter: new PrismaPg(pool) });
    try {
      const failed = db.$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        await admin?.query("SELECT pg_terminate_backend($1)", [row?.pid]);
        await new Promise((resolve) => setTimeout(resolve, 100));
        await tx.$queryRaw`SELECT 1`;
      });
      await expect(failed).rejects.toThrow();
      // Ten of these, and every later request waited for a connection for good.
      expect(await waitFor(() => lentOf(pool) === 0, 500)).toBe(true);
      expect(await db.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    } finally {
      await db.$disconnect();
    }
  });

  it("takes back a lost connection its borrower never gives back (Prisma's, when its COMMIT fails)", async () => {
    const pool = createPostgresPool(database.url);
    try {
      const client = await pool.connect();
      const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      await admin?.query("SELECT pg_terminate_backend($1)", [rows[0]?.pid]);
      expect(lentOf(pool)).toBe(1);
      expect(await waitFor(() => lentOf(pool) === 0, 5000)).toBe(true);
      expect((await pool.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    } finally {
      await pool.end();
    }
  });

  it("rolls back a transaction Prisma timed out whose backend is then cut, without an unhandled rejection", async () => {
    const pool = createPostgresPool(database.url);
    const db = new Postgres.PrismaClient({ adapter: new PrismaPg(pool) });
    const locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    // Prisma's timer rolls back a transaction past its timeout; a ROLLBACK on a lost connection used to reject with
    // nobody to catch it, and Node ended the server (every other request with it).
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      await locker.query("CREATE TABLE IF NOT EXISTS held (id int)");
      await locker.query("BEGIN; LOCK TABLE held IN ACCESS EXCLUSIVE MODE");
      const failed = db
        .$transaction(async (tx) => tx.$queryRaw`SELECT count(*) FROM held`, { timeout: 300 })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      const waiting = async () =>
        (
          await admin?.query<{ pid: number }>(
            "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
          )
        )?.rows ?? [];
      const deadline = Date.now() + 5000;
      while ((await waiting()).length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // Past the timeout, the backend goes (an administrator, a failover).
      await new Promise((resolve) => setTimeout(resolve, 600));
      await admin?.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
      );
      expect(await failed).toBeInstanceOf(Error);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(unhandled).toEqual([]);
      // Given back at once by Prisma, not left to the pool's take-back.
      expect(lentOf(pool)).toBe(0);
      await locker.query("ROLLBACK");
      expect(await db.$queryRaw`SELECT count(*)::int AS rows FROM held`).toEqual([{ rows: 0 }]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
      await locker.end();
      await db.$disconnect();
    }
  });

  it("fails a request that finds no free connection in time as one the server is too busy for, not as a database gone", async () => {
    const pool = createPostgresPool(database.url, { max: 1, connectionTimeoutMillis: 200 });
    const db = new Postgres.PrismaClient({ adapter: new PrismaPg(pool) });
    const held = await pool.connect();
    try {
      const waited = await pool.query("SELECT 1").then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(isEveryConnectionBusy(waited)).toBe(true);
      expect(isDatabaseUnreachable(waited)).toBe(false);
      const viaPrisma = await db.$queryRaw`SELECT 1`.then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(isEveryConnectionBusy(viaPrisma)).toBe(true);
      expect(isDatabaseUnreachable(viaPrisma)).toBe(false);

      // An orchestrator reading /healthz learns the server is busy, not that its database is gone.
      const app = createApp({ db: db as unknown as Db });
      const response = await app.request("/healthz");
      expect(response.status).toBe(503);
      expect(response.headers.get("Retry-After")).toBe("1");
      const { error } = ZApiError.parse(await response.json());
      expect(error.code).toBe("BUSY");
      expect(error.message).toMatch(/busy/);
      expect(error.message).not.toMatch(/cannot be reached/);
    } finally {
      held.release();
      await db.$disconnect();
    }
  });
});
