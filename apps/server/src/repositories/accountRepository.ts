import { ASSIGNABLE_ROLES, type Assignee, type Principal, type Role, type User } from "@factmark/core";
import { timeOrderedId } from "../db/timeOrderedId";
import { Prisma } from "../generated/prisma/client";
import type { DbClient } from "./articleRepository";
import { batchesOf } from "./batchesOf";

/**
 * The reviewer the seed attributes the sample article to, and the system's own writes (seed, scripts).
 * At setup this row becomes the first admin (its email, name and password are set), so nothing it did
 * is orphaned.
 */
export const SEED_ADMIN: Principal = { id: "local-reviewer", name: "Local reviewer", role: "admin" };

type AccountRow = Prisma.AccountGetPayload<object>;

export function toUser(row: AccountRow): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as Role,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
  };
}

export function toPrincipal(row: Pick<AccountRow, "id" | "name" | "role">): Principal {
  return { id: row.id, name: row.name, role: row.role as Role };
}

export async function ensureAccount(db: DbClient, reviewer: Principal): Promise<void> {
  await db.account.upsert({
    where: { id: reviewer.id },
    create: { id: reviewer.id, name: reviewer.name, role: reviewer.role },
    update: {},
  });
}

/** Whether any account can sign in: until one can, the app asks for the first admin. */
/**
 * When any account last changed (its name, role, password or state; one added), as text that compares equal exactly
 * when nothing changed: what every copy kept of something that shows account names is kept under (the claim list, the
 * report's parts, the built reports), since a rename moves no article's change number.
 */
export async function findAccountsLastChange(db: DbClient): Promise<string> {
  const [accounts] = await db.$queryRaw<{ changedAt: unknown }[]>`
    SELECT MAX("updatedAt") AS "changedAt" FROM "Account"`;
  const changedAt = accounts?.changedAt;
  return changedAt instanceof Date ? changedAt.toISOString() : String(changedAt);
}

export async function hasAccountWithPassword(db: DbClient): Promise<boolean> {
  return (await db.account.count({ where: { passwordHash: { not: null } } })) > 0;
}

/**
 * Makes the local reviewer the first admin, only if no account has a password yet: one conditional
 * write, so two setups racing cannot both win. Answers the row, or undefined when setup was already done.
 */
export async function claimFirstAdmin(
  db: DbClient,
  fields: { email: string; name: string; passwordHash: string },
): Promise<AccountRow | undefined> {
  await db.account.upsert({
    where: { id: SEED_ADMIN.id },
    create: { id: SEED_ADMIN.id, name: SEED_ADMIN.name, role: "admin" },
    update: {},
  });
  if (await hasAccountWithPassword(db)) return undefined;
  const { count } = await db.account.updateMany({
    where: { id: SEED_ADMIN.id, passwordHash: null },
    data: { ...fields, role: "admin", version: { increment: 1 } },
  });
  return count === 1 ? ((await db.account.findUnique({ where: { id: SEED_ADMIN.id } })) ?? undefined) : undefined;
}

export function findAccountByEmail(db: DbClient, email: string): Promise<AccountRow | null> {
  return db.account.findUnique({ where: { email } });
}

export function findAccount(db: DbClient, id: string): Promise<AccountRow | null> {
  return db.account.findUnique({ where: { id } });
}

/**
 * Who a claim may be assigned to, by name: reviewers, editors and admins who are not deactivated (a
 * deactivated account keeps the claims it had, but is not offered for new ones).
 */
export async function listAssignableAccounts(db: DbClient): Promise<Assignee[]> {
  const rows = await db.account.findMany({
    where: { role: { in: [...ASSIGNABLE_ROLES] }, deactivatedAt: null },
    select: { id: true, name: true, role: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({ ...row, role: row.role as Role }));
}

export async function listAccounts(db: DbClient): Promise<User[]> {
  const rows = await db.account.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toUser);
}

/**
 * Locks every admin's row until the transaction ends (a write that changes nothing, so SQLite and
 * PostgreSQL both take it): two admins demoting or deactivating each other at once would otherwise each
 * count the other as the admin left, and leave none. The second waits, then counts again (PostgreSQL's READ
 * COMMITTED reads what the first committed). Every change of who is an admin takes it first.
 */
export async function lockAdmins(db: DbClient): Promise<void> {
  await db.$executeRaw`UPDATE "Account" SET "version" = "version" WHERE "role" = 'admin'`;
}

/** Admins who can sign in: with a password, not deactivated. */
const ACTIVE_ADMIN = { role: "admin", passwordHash: { not: null }, deactivatedAt: null } as const;

/** How many admins can sign in; take lockAdmins first when the answer decides a write. */
export async function countAdmins(db: DbClient): Promise<number> {
  return db.account.count({ where: ACTIVE_ADMIN });
}

/** Whether an account is an admin who can sign in now (read after lockAdmins, it holds to the commit). */
export async function isActiveAdmin(db: DbClient, id: string): Promise<boolean> {
  return (await db.account.count({ where: { id, ...ACTIVE_ADMIN } })) === 1;
}

export async function createAccount(
  db: DbClient,
  fields: { name: string; email: string; role: Role; passwordHash: string },
): Promise<AccountRow> {
  return db.account.create({ data: { id: timeOrderedId(), ...fields } });
}

/** Changes a reviewer if it is still at `version`; answers the new row, or undefined when it was stale. */
export async function updateAccountIfVersion(
  db: DbClient,
  id: string,
  version: number,
  data: { name?: string; role?: Role },
): Promise<AccountRow | undefined> {
  const { count } = await db.account.updateMany({
    where: { id, version },
    data: { ...data, version: { increment: 1 } },
  });
  return count === 1 ? ((await db.account.findUnique({ where: { id } })) ?? undefined) : undefined;
}

/**
 * Deactivates (a date) or reactivates (null) an account if it is still at `version`; answers the new row, or
 * undefined when it was stale.
 */
export async function setAccountDeactivatedIfVersion(
  db: DbClient,
  id: string,
  version: number,
  deactivatedAt: Date | null,
): Promise<AccountRow | undefined> {
  const { count } = await db.account.updateMany({
    where: { id, version },
    data: { deactivatedAt, version: { increment: 1 } },
  });
  return count === 1 ? ((await db.account.findUnique({ where: { id } })) ?? undefined) : undefined;
}

export async function setPasswordHash(db: DbClient, id: string, passwordHash: string): Promise<void> {
  await db.account.update({ where: { id }, data: { passwordHash } });
}

/** The id and name of each account among `ids` that is there, by id, in one query a batch of IDS_PER_STATEMENT. */
export async function readAccountsById(
  db: DbClient,
  ids: Iterable<string>,
): Promise<Map<string, { id: string; name: string }>> {
  const byId = new Map<string, { id: string; name: string }>();
  for (const batch of batchesOf([...new Set(ids)])) {
    const rows = await db.$queryRaw<{ id: string; name: string }[]>`
      SELECT "id", "name" FROM "Account" WHERE "id" IN (${Prisma.join(batch)})`;
    for (const row of rows) byId.set(row.id, { id: row.id, name: row.name });
  }
  return byId;
}
