import type { Db } from "../db/createDatabase";
import { isPostgres } from "../db/createDatabase";
import { applyPresence, PRESENCE_CHANNEL, type PresenceAnnouncement } from "./presence";

/** Tells every server process (PostgreSQL: by NOTIFY, which comes back to this one too) or this one (SQLite). */
export async function announcePresence(db: Db, announcement: PresenceAnnouncement): Promise<void> {
  if (isPostgres(db)) {
    await db.$executeRaw`SELECT pg_notify(${PRESENCE_CHANNEL}, ${JSON.stringify(announcement)})`;
  } else {
    applyPresence(announcement);
  }
}
