import pg from "pg";

const pools = new WeakMap<object, pg.Pool>();

/**
 * A `pg` pool that outlives its connections: one lost while lent (the server restarted, the backend terminated) is an
 * "error" event on its client, and one lost while idle an "error" event on the pool; either, with no listener, is
 * thrown and stops the process. The query in flight fails with it anyway, and the pool drops a client released with
 * an error, or idle and broken; so both are only logged. `max` is the most connections at once (pg's default, 10).
 */
export function createPostgresPool(connectionString: string, options: { max?: number } = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString, ...options });
  const logLost = (error: Error) => console.error(`A PostgreSQL connection was lost: ${error.message}`);
  pool.on("error", logLost);
  pool.on("connect", (client) => client.on("error", logLost));
  return pool;
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
