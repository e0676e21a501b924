import type { Role } from "@factmark/core";
import type { Prisma } from "../generated/prisma/client";
import type { DbClient } from "./articleRepository";

type InviteRow = Prisma.InviteGetPayload<object>;

export async function createInvite(
  db: DbClient,
  invite: { id: string; role: Role; email: string | null; createdById: string; expiresAt: Date },
): Promise<InviteRow> {
  return db.invite.create({ data: invite });
}

/** An invite that is neither used nor expired. */
export async function findOpenInvite(db: DbClient, id: string, now: Date): Promise<InviteRow | undefined> {
  return (await db.invite.findFirst({ where: { id, usedAt: null, expiresAt: { gt: now } } })) ?? undefined;
}

/** Marks an invite used if it still was open: one conditional write, so a link redeems once even when raced. */
export async function markInviteUsed(db: DbClient, id: string, now: Date): Promise<boolean> {
  const { count } = await db.invite.updateMany({
    where: { id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1;
}
