import type { NewsroomSettings, Principal } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { authorize } from "../../policy/authorize";
import { ensureNewsroomSettings } from "../../repositories/settingsRepository";

/** The newsroom's settings (anyone signed in), made with their defaults on the first read. */
export async function getNewsroomSettings(db: Db, actor: Principal): Promise<NewsroomSettings> {
  authorize(actor, "article.read");
  return ensureNewsroomSettings(db);
}
