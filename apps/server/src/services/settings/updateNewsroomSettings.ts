import type { NewsroomSettings, NewsroomSettingsUpdate, Principal } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { preconditionFailed } from "../../domain/preconditionFailed";
import { authorize } from "../../policy/authorize";
import { ensureNewsroomSettings, updateNewsroomSettingsIfVersion } from "../../repositories/settingsRepository";

/**
 * Changes the newsroom's settings (settings.edit, admins) if they are still at `expectedVersion` (If-Match;
 * PRECONDITION_FAILED otherwise). A save that changes nothing is no change. The approvals a claim needs apply to
 * the next review: a claim approved under the old rule stays approved.
 */
export async function updateNewsroomSettings(
  db: Db,
  actor: Principal,
  expectedVersion: number,
  input: NewsroomSettingsUpdate,
): Promise<NewsroomSettings> {
  authorize(actor, "settings.edit");
  return db.$transaction(async (tx) => {
    const current = await ensureNewsroomSettings(tx);
    if (current.version !== expectedVersion) throw preconditionFailed("newsroom setting", current);
    if (current.requiredApprovals === input.requiredApprovals) return current;
    const updated = await updateNewsroomSettingsIfVersion(tx, expectedVersion, input);
    if (!updated) throw preconditionFailed("newsroom setting", current);
    return updated;
  });
}
