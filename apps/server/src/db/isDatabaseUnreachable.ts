/** Node's socket errors of a connection that could not be made or was cut (pg's own, and the adapter's `originalCode`). */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EPIPE"]);
/**
 * PostgreSQL's SQLSTATEs of a server that is going away or not taking connections: 57P01-57P03 (terminated by an
 * administrator, crash shutdown, cannot connect now), 53300 (too many connections); class 08 is checked apart.
 */
const SERVER_GONE_CODES = new Set(["57P01", "57P02", "57P03", "53300"]);
/** Prisma's codes for the same: cannot reach the server, timed out reaching it, it closed the connection. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017"]);
/** Prisma's driver-adapter error kinds for the same (DriverAdapterError's `cause.kind`). */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** pg's messages, without a code, for a client whose connection was lost. */
const LOST_CONNECTION = /^(Connection terminated|Client has encountered a connection error|Client was closed)/;
/** Prisma's P2028 messages for a transaction that could not start within its `maxWait`, and one past its `timeout`. */
const TRANSACTION_NOT_STARTED = /Unable to start a transaction in the given time/;
const EXPIRED_TRANSACTION = /expired transaction/;
/** pg-pool's message when no connection came free within its `connectionTimeoutMillis`. */
const NO_FREE_CONNECTION = /^timeout exceeded when trying to connect/;

/**
 * Whether `error` says the database could not be reached or dropped the connection (a PostgreSQL server restarting or
 * down): from pg itself (a socket code, a SQLSTATE of class 08 or in SERVER_GONE_CODES, or a lost client's message),
 * from Prisma (P1001, P1002, P1017) or from its pg adapter (a DriverAdapterError whose `cause` has such a kind or
 * `originalCode`, itself in `meta.driverAdapterError` of Prisma's P2010 for raw SQL). Such a request changed nothing
 * that was answered, and may succeed if sent again. A pool with no free connection is not this: isEveryConnectionBusy.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  return someInChain(error, ({ code, kind, originalCode, message }) => {
    for (const value of [code, originalCode]) {
      if (typeof value !== "string") continue;
      if (SOCKET_CODES.has(value) || SERVER_GONE_CODES.has(value) || PRISMA_CODES.has(value)) return true;
      if (/^08[0-9A-Z]{3}$/.test(value)) return true;
    }
    if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
    return typeof message === "string" && LOST_CONNECTION.test(message);
  });
}

/**
 * Whether `error` says no connection of this server's pool came free in the time a request waits for one: pg's pool
 * after `connectionTimeoutMillis` (createPostgresPool), or Prisma's P2028 when a transaction could not start within
 * its `maxWait`. Every connection was busy: with other requests, as a rule, or waiting on a database that stopped answering
 * (a frozen host: the pool cannot tell). The request changed nothing and may succeed if sent again.
 */
export function isEveryConnectionBusy(error: unknown): boolean {
  return someInChain(
    error,
    ({ code, message }) =>
      typeof message === "string" &&
      (NO_FREE_CONNECTION.test(message) || (code === "P2028" && TRANSACTION_NOT_STARTED.test(message))),
  );
}

/**
 * Whether `error` says the database work of a request was given up before it finished: its transaction ran past its
 * time (Prisma's P2028 on an expired transaction, as a rule after waiting on a lock other writes held) or its statement
 * was cancelled (SQLSTATE 57014: statement_timeout, pg_cancel_backend). What it had done was rolled back; it may
 * succeed if sent again.
 */
export function isWorkGivenUp(error: unknown): boolean {
  return someInChain(
    error,
    ({ code, originalCode, message }) =>
      code === "57014" ||
      originalCode === "57014" ||
      (code === "P2028" && typeof message === "string" && EXPIRED_TRANSACTION.test(message)),
  );
}

/** Whether `error`, what caused it, or the adapter's error Prisma puts in `meta` for raw SQL (P2010), a few levels deep, `is`. */
function someInChain(error: unknown, is: (fields: Record<string, unknown>) => boolean): boolean {
  const seen: unknown[] = [error];
  for (let index = 0; index < seen.length && index < 8; index++) {
    const current = seen[index];
    if (!(current instanceof Object)) continue;
    const fields = current as Record<string, unknown>;
    if (is(fields)) return true;
    seen.push(fields.cause, (fields.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError);
  }
  return false;
}
