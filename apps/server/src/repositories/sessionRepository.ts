import type { Principal } from "@factmark/core";
import type pg from "pg";
import { isPostgres } from "../db/createDatabase";
import { fromPostgresDateTime, postgresPoolOf } from "../db/postgresPool";
import { sqliteWriterOf } from "../db/sqliteWriter";
import { toPrincipal } from "./accountRepository";
import type { DbClient } from "./articleRepository";

/** Stores a session under its token's hash. */
export async function createSession(
  db: DbClient,
  session: { id: string; accountId: string; expiresAt: Date },
): Promise<void> {
  await db.session.create({ data: session });
}

/**
 * The session's row with its account's, when the account can sign in (has a password, not deactivated).
 * `"$1"` with `asText` is the form for the `pg` pool, which answers the times as text (fromPostgresDateTime).
 */
const FIND_SESSION_PRINCIPAL = (placeholder: "?" | "$1", asText = false) => {
  const time = (column: string) => (asText ? `s."${column}"::text AS "${column}"` : `s."${column}"`);
  return `SELECT r."id", r."name", r."role", ${time("expiresAt")}, ${time("revokedAt")}
  FROM "Session" AS s JOIN "Account" AS r ON r."id" = s."accountId"
  WHERE s."id" = ${placeholder} AND r."passwordHash" IS NOT NULL AND r."deactivatedAt" IS NULL`;
};
const FIND_SESSION_PRINCIPAL_SQLITE = FIND_SESSION_PRINCIPAL("?");
const FIND_SESSION_PRINCIPAL_POSTGRES = FIND_SESSION_PRINCIPAL("$1");
const FIND_SESSION_PRINCIPAL_POOL = FIND_SESSION_PRINCIPAL("$1", true);

/**
 * The account behind a live session (not revoked, not expired, with a password, not deactivated), in one query,
 * with its current role. Deactivating revokes the account's sessions too; the check here also stops one a login
 * started meanwhile. Every request asks this: on SQLite it is a statement kept prepared on Prisma's connection
 * (sqliteWriter.ts `read`, between transactions: committed rows only), on PostgreSQL one prepared on the `pg` pool
 * Prisma's adapter uses (postgresPoolOf), elsewhere raw SQL, since Prisma's query
 * compiler costs more than the statement (Hot paths in `pnpm bench`, docs/benchmarks.md). The times are compared
 * here, in JavaScript, so the query does not depend on how either database stores a DateTime.
 */
export async function findSessionPrincipal(db: DbClient, id: string, now: Date): Promise<Principal | undefined> {
  const writer = sqliteWriterOf(db);
  const pool = postgresPoolOf(db);
  const row = writer
    ? await writer.read(
        (statements) => statements.prepare(FIND_SESSION_PRINCIPAL_SQLITE).get(id) as SessionPrincipalRow | undefined,
      )
    : pool
      ? await findOnPool(pool, id)
      : (
          await db.$queryRawUnsafe<SessionPrincipalRow[]>(
            isPostgres(db) ? FIND_SESSION_PRINCIPAL_POSTGRES : FIND_SESSION_PRINCIPAL_SQLITE,
            id,
          )
        )[0];
  if (!row || row.revokedAt !== null || !(dateOf(row.expiresAt) > now.getTime())) return undefined;
  return toPrincipal(row);
}

/** FIND_SESSION_PRINCIPAL as a statement prepared on each connection of the pool, its times as Dates. */
async function findOnPool(pool: pg.Pool, id: string): Promise<SessionPrincipalRow | undefined> {
  const { rows } = await pool.query<SessionPrincipalRow & { expiresAt: string; revokedAt: string | null }>({
    name: "session-principal",
    text: FIND_SESSION_PRINCIPAL_POOL,
    values: [id],
  });
  const row = rows[0];
  return (
    row && {
      ...row,
      expiresAt: fromPostgresDateTime(row.expiresAt),
      revokedAt: row.revokedAt === null ? null : fromPostgresDateTime(row.revokedAt),
    }
  );
}

/** A DateTime column as Prisma answers it (a Date), or as SQLite stores it (Prisma's ISO 8601 text), in ms. */
function dateOf(value: Date | string | number): number {
  return value instanceof Date ? value.getTime() : new Date(value).getTime();
}

interface SessionPrincipalRow {
  id: string;
  name: string;
  role: string;
  /** A Date from Prisma; the stored text (`sqliteDateTime`'s format) from a kept SQLite statement. */
  expiresAt: Date | string;
  revokedAt: Date | string | null;
}

export async function revokeSession(db: DbClient, id: string, now: Date): Promise<void> {
  await db.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
}

/** Revokes every live session of an account (deactivation); answers how many. */
export async function revokeAllSessions(db: DbClient, accountId: string, now: Date): Promise<number> {
  const { count } = await db.session.updateMany({ where: { accountId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}

/** Revokes every live session of an account but one (the one that changed the password). */
export async function revokeOtherSessions(db: DbClient, accountId: string, keepId: string, now: Date): Promise<number> {
  const { count } = await db.session.updateMany({
    where: { accountId, revokedAt: null, id: { not: keepId } },
    data: { revokedAt: now },
  });
  return count;
}
