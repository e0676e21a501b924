import type { PendingInvite, Role } from "@factmark/core";
import type { Prisma } from "../generated/prisma/client";
import type { DbClient } from "./articleRepository";

type InviteRow = Prisma.InviteGetPayload<object>;

export async function createInvite(
  db: DbClient,
  invite: { id: string; role: Role; email: string | null; createdById: string; expiresAt: Date },
): Promise<InviteRow> {
  return db.invite.create({ data: invite });
}

/** What makes an invite open at `now`: neither used, revoked nor expired. */
function openAt(now: Date) {
  return { usedAt: null, revokedAt: null, expiresAt: { gt: now } } as const;
}

/** An invite that is neither used, revoked nor expired. */
export async function findOpenInvite(db: DbClient, id: string, now: Date): Promise<InviteRow | undefined> {
  return (await db.invite.findFirst({ where: { id, ...openAt(now) } })) ?? undefined;
}

/**
 * Marks an invite used if it still was open: one conditional write, so a link redeems once even when raced,
 * and never after a revoke committed.
 */
export async function markInviteUsed(db: DbClient, id: string, now: Date): Promise<boolean> {
  const { count } = await db.invite.updateMany({ where: { id, ...openAt(now) }, data: { usedAt: now } });
  return count === 1;
}

/** The open invites, soonest to expire first, with who made each. */
export async function listOpenInvites(db: DbClient, now: Date): Promise<PendingInvite[]> {
  const rows = await db.invite.findMany({
    where: openAt(now),
    orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
    include: { createdBy: { select: { id: true, name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    role: row.role as Role,
    email: row.email,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    createdBy: row.createdBy,
  }));
}

/**
 * Revokes an invite if it still was open: one conditional write, so a revoke and a redemption racing end
 * with one of them. Answers whether it revoked it.
 */
export async function revokeOpenInvite(db: DbClient, id: string, now: Date): Promise<boolean> {
  const { count } = await db.invite.updateMany({ where: { id, ...openAt(now) }, data: { revokedAt: now } });
  return count === 1;
}

/** Revokes every open invite an account made (it was deactivated: its links must not outlive it). Answers how many. */
export async function revokeOpenInvitesBy(db: DbClient, accountId: string, now: Date): Promise<number> {
  const { count } = await db.invite.updateMany({
    where: { createdById: accountId, ...openAt(now) },
    data: { revokedAt: now },
  });
  return count;
}
