import pg from "pg";
import { isDatabaseUnreachable } from "./isDatabaseUnreachable";

const pools = new WeakMap<object, pg.Pool>();

/** How long a request waits for a free connection of the pool (ms) before it fails (503 BUSY, isEveryConnectionBusy). */
const CONNECTION_WAIT_MS = 10_000;
/**
 * How long a lent client whose connection was lost is left to its borrower to give back (ms) before the pool takes it
 * back itself. Prisma's pg adapter never gives back one whose COMMIT failed (the backend terminated at it; a failed
 * ROLLBACK is made to succeed, see rollBackLostTransactions); ten of those and every request waited for one for good.
 */
const RECLAIM_LOST_AFTER_MS = 2000;

/**
 * A `pg` pool that outlives its connections: one lost while lent (the server restarted, the backend terminated) is an
 * "error" event on its client, and one lost while idle an "error" event on the pool; either, with no listener, is
 * thrown and stops the process. The query in flight fails with it anyway, and the pool drops a client released with
 * an error, or idle and broken; so both are only logged. A lost client its borrower has not given back within
 * RECLAIM_LOST_AFTER_MS is released with its error (so dropped) by the pool itself. A request that finds no free
 * connection within `connectionTimeoutMillis` (CONNECTION_WAIT_MS) fails rather than waits for good. `max` is the most
 * connections at once (pg's default, 10).
 */
export function createPostgresPool(
  connectionString: string,
  options: { max?: number; connectionTimeoutMillis?: number } = {},
): pg.Pool {
  const pool = new pg.Pool({ connectionString, connectionTimeoutMillis: CONNECTION_WAIT_MS, ...options });
  const logLost = (error: Error) => console.error(`A PostgreSQL connection was lost: ${error.message}`);
  const lent = new Set<pg.PoolClient>();
  pool.on("acquire", (client) => lent.add(client));
  // Every lent client is given back through "release" (with an error, it is then removed).
  pool.on("release", (_error, client) => lent.delete(client));
  pool.on("error", logLost);
  pool.on("connect", (connected) => {
    const client = connected as pg.PoolClient;
    rollBackLostTransactions(client);
    client.on("error", (error) => {
      logLost(error);
      const reclaim = setTimeout(() => {
        if (!lent.has(client)) return;
        lent.delete(client);
        console.error("A lost PostgreSQL connection was not given back to the pool; the pool took it back.");
        client.release(error);
      }, RECLAIM_LOST_AFTER_MS);
      reclaim.unref();
    });
  });
  return pool;
}

/** What a ROLLBACK answers: the result `rollBackLostTransactions` gives one whose connection is gone. */
const ROLLED_BACK: pg.QueryResult = { command: "ROLLBACK", rowCount: null, oid: 0, rows: [], fields: [] };

/**
 * Makes a ROLLBACK on `client` succeed when its connection is lost: PostgreSQL ends a transaction whose connection
 * ends, so it is rolled back all the same. Prisma rolls back a transaction past its timeout from a timer and does not
 * catch that ROLLBACK's failure: with the backend cut (a failover, an administrator) while a statement waited on a lock,
 * the rejection reached Node unhandled and ended the server. Prisma then gives the client back, and the pool drops it.
 */
function rollBackLostTransactions(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((...args: unknown[]) => {
    const answer = query(...args);
    if (!(answer instanceof Promise) || !isRollback(args[0])) return answer;
    return answer.catch((error: unknown) => {
      if (isDatabaseUnreachable(error)) return ROLLED_BACK;
      throw error;
    });
  }) as typeof client.query;
}

/** Whether a query (text, or pg's config with `text`) is a whole transaction's ROLLBACK, not one to a savepoint. */
function isRollback(query: unknown): boolean {
  const text = typeof query === "string" ? query : (query as { text?: unknown } | null)?.text;
  return typeof text === "string" && /^\s*ROLLBACK\s*;?\s*$/i.test(text);
}

/** Makes `pool` the one `postgresPoolOf(db)` answers: createDatabase does, for its PostgreSQL clients. */
export function keepPostgresPool(db: object, pool: pg.Pool): void {
  pools.set(db, pool);
}

/**
 * The `pg` pool a PostgreSQL client createDatabase opened shares with Prisma, for the hot writes that run as a
 * few prepared statements instead of Prisma queries (postgresClaimWrites.ts); undefined for SQLite, for a
 * transaction client, and for a client extended with `$extends` (those take the Prisma path).
 */
export function postgresPoolOf(db: object): pg.Pool | undefined {
  return pools.get(db);
}

/**
 * A DateTime as Prisma's pg adapter stores it in a `timestamp(3)` column: the UTC wall time,
 * `2026-12-01 12:30:00.123`. Rows written without Prisma use it, so Prisma reads them back alike.
 */
export function postgresDateTime(date: Date): string {
  return date.toISOString().replace("T", " ").replace("Z", "");
}

/**
 * A `timestamp(3)` column read as text by the `pg` pool (`2026-12-01 12:30:00.12`, from `"column"::text`), as the
 * Date it stands for: Prisma stores the UTC wall time there (postgresDateTime), while the pool would read the column
 * itself in the process's time zone.
 */
export function fromPostgresDateTime(text: string): Date {
  return new Date(`${text.replace(" ", "T")}Z`);
}
