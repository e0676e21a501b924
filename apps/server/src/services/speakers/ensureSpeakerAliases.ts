import type { Db } from "../../db/createDatabase";
import {
  addAliasesForSpellings,
  findUnaliasedSpellings,
  lockSpeakers,
} from "../../repositories/newsroomSpeakerRepository";

/**
 * Gives every speaker spelling claims use an alias (see addAliasesForSpellings), in one transaction. Called before
 * anything reads the newsroom's speakers, rather than on every claim write: the claim writes stay as fast as they
 * were, and a spelling that appears by any path (a claim made, edited, imported, restored, a speaker renamed) is
 * picked up the same way. When nothing is new it is one read and no transaction. Idempotent. Answers how many
 * aliases it added.
 */
export async function ensureSpeakerAliases(db: Db): Promise<number> {
  if ((await findUnaliasedSpellings(db)).length === 0) return 0;
  return db.$transaction(async (tx) => {
    await lockSpeakers(tx);
    return addAliasesForSpellings(tx, await findUnaliasedSpellings(tx));
  });
}
