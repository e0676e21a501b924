import type { NewsroomSettings } from "@factmark/core";
import type { Prisma } from "../generated/prisma/client";
import type { DbClient } from "./articleRepository";

/** The one row of newsroom settings. */
const NEWSROOM = "newsroom";

type SettingsRow = Prisma.NewsroomSettingsGetPayload<object>;

function toNewsroomSettings(row: Pick<SettingsRow, "requiredApprovals" | "version">): NewsroomSettings {
  return { requiredApprovals: row.requiredApprovals === 2 ? 2 : 1, version: row.version };
}

/** The settings a newsroom has before anyone changes them, as the row is made with them. */
const DEFAULT_SETTINGS: NewsroomSettings = { requiredApprovals: 1, version: 1 };

/** The newsroom's settings, or their defaults while the row is not made yet; writes nothing. */
export async function findNewsroomSettings(db: DbClient): Promise<NewsroomSettings> {
  const row = await db.newsroomSettings.findUnique({ where: { id: NEWSROOM } });
  return row ? toNewsroomSettings(row) : DEFAULT_SETTINGS;
}

/**
 * The newsroom's settings, the row made with its defaults if it is not there yet: INSERT … ON CONFLICT DO NOTHING,
 * then a read, so first reads at once (PostgreSQL runs them side by side) all answer the one row. Prisma's own
 * upsert reads then inserts there, and all but one of them would meet a unique violation.
 */
export async function ensureNewsroomSettings(db: DbClient): Promise<NewsroomSettings> {
  const { requiredApprovals, version } = DEFAULT_SETTINGS;
  await db.$executeRaw`
    INSERT INTO "NewsroomSettings" ("id", "requiredApprovals", "version", "updatedAt")
    VALUES (${NEWSROOM}, ${requiredApprovals}, ${version}, ${new Date()})
    ON CONFLICT ("id") DO NOTHING`;
  return toNewsroomSettings(await db.newsroomSettings.findUniqueOrThrow({ where: { id: NEWSROOM } }));
}

/** Applies a change if the settings are still at `expectedVersion`; null when another write got there first. */
export async function updateNewsroomSettingsIfVersion(
  db: DbClient,
  expectedVersion: number,
  change: Pick<NewsroomSettings, "requiredApprovals">,
): Promise<NewsroomSettings | null> {
  const { count } = await db.newsroomSettings.updateMany({
    where: { id: NEWSROOM, version: expectedVersion },
    data: { ...change, version: { increment: 1 } },
  });
  return count === 1 ? findNewsroomSettings(db) : null;
}
