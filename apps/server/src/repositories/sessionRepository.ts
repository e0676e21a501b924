import type { Principal } from "@factmark/core";
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
 * The account behind a live session (not revoked, not expired, with a password, not deactivated), in one query.
 * Deactivating revokes the account's sessions too; the check here also stops one a login started meanwhile. Raw SQL:
 * every request asks this, and Prisma's query compiler cost 0.9 ms a call against 0.2 ms for the
 * statement itself (Hot paths in `pnpm bench`, docs/benchmarks.md). The times are compared here, in
 * JavaScript, so the query does not depend on how either database stores a DateTime.
 */
export async function findSessionPrincipal(db: DbClient, id: string, now: Date): Promise<Principal | undefined> {
  const [row] = await db.$queryRaw<SessionPrincipalRow[]>`
    SELECT r."id", r."name", r."role", s."expiresAt", s."revokedAt"
    FROM "Session" AS s JOIN "Account" AS r ON r."id" = s."accountId"
    WHERE s."id" = ${id} AND r."passwordHash" IS NOT NULL AND r."deactivatedAt" IS NULL`;
  if (!row || row.revokedAt !== null || new Date(row.expiresAt) <= now) return undefined;
  return toPrincipal(row);
}

interface SessionPrincipalRow {
  id: string;
  name: string;
  role: string;
  expiresAt: Date;
  revokedAt: Date | null;
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
