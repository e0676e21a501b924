import type { Db } from "../../db/createDatabase";
import type { DbClient } from "../../repositories/articleRepository";
import {
  addAliasesForSpellings,
  findUnaliasedSpellings,
  lockSpeakers,
} from "../../repositories/newsroomSpeakerRepository";

/**
 * Runs a change to the newsroom's speakers in one transaction that holds the speakers' lock (lockSpeakers) and has
 * given claims' new spellings their aliases first, so the change sees every spelling; if it throws, nothing of it,
 * those aliases included, is stored.
 */
export async function inSpeakersTransaction<T>(db: Db, change: (tx: DbClient) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await lockSpeakers(tx);
    await addAliasesForSpellings(tx, await findUnaliasedSpellings(tx));
    return change(tx);
  });
}
