import type { Principal } from "@factmark/core";
import type { DbClient } from "./articleRepository";
import { toPrincipal } from "./reviewerRepository";

/** Stores a session under its token's hash. */
export async function createSession(
  db: DbClient,
  session: { id: string; reviewerId: string; expiresAt: Date },
): Promise<void> {
  await db.session.create({ data: session });
}

/** The account behind a live session (not revoked, not expired, with a password), in one query. */
export async function findSessionPrincipal(db: DbClient, id: string, now: Date): Promise<Principal | undefined> {
  const session = await db.session.findFirst({
    where: { id, revokedAt: null, expiresAt: { gt: now }, reviewer: { passwordHash: { not: null } } },
    select: { reviewer: { select: { id: true, name: true, role: true } } },
  });
  return session ? toPrincipal(session.reviewer) : undefined;
}

export async function revokeSession(db: DbClient, id: string, now: Date): Promise<void> {
  await db.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
}

/** Revokes every live session of an account but one (the one that changed the password). */
export async function revokeOtherSessions(
  db: DbClient,
  reviewerId: string,
  keepId: string,
  now: Date,
): Promise<number> {
  const { count } = await db.session.updateMany({
    where: { reviewerId, revokedAt: null, id: { not: keepId } },
    data: { revokedAt: now },
  });
  return count;
}
