import type { Actor } from "@factmark/core";
import type { DbClient } from "./articleRepository";

/** The reviewer every write is attributed to until accounts exist. */
export const LOCAL_REVIEWER: Actor = { id: "local-reviewer", name: "Local reviewer" };

export async function ensureReviewer(db: DbClient, reviewer: Actor): Promise<void> {
  await db.reviewer.upsert({
    where: { id: reviewer.id },
    create: { id: reviewer.id, name: reviewer.name, role: "admin" },
    update: {},
  });
}
