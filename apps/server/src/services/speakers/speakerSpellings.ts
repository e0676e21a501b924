import type { Db } from "../../db/createDatabase";
import { findAliasesOfSpelling } from "../../repositories/newsroomSpeakerRepository";
import { ensureSpeakerAliases } from "./ensureSpeakerAliases";

/**
 * Every spelling claims may give the speaker `name` belongs to: all aliases of the speaker with that exact alias,
 * else of the speaker with an alias that differs only in case, accents, spacing or hyphens (speakerNameKey); `[name]`
 * when no speaker has it. Claims' spellings are given aliases first (ensureSpeakerAliases), so a spelling used by
 * claims but not yet read by the speakers page counts. For filters: `speaker IN speakerSpellings(name)`.
 */
export async function speakerSpellings(db: Db, name: string): Promise<string[]> {
  await ensureSpeakerAliases(db);
  const aliases = await findAliasesOfSpelling(db, name);
  return aliases.length > 0 ? aliases : [name];
}
