import { AppError, type NewsroomSpeakerDetail, type NewsroomSpeakerUpdate, type Principal } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { authorize } from "../../policy/authorize";
import {
  addAliasesForSpellings,
  findHoldersOfAliases,
  findSpeaker,
  findSpellingsInUse,
  writeSpeaker,
} from "../../repositories/newsroomSpeakerRepository";
import { readNewsroomSpeaker } from "./getNewsroomSpeaker";
import { inSpeakersTransaction } from "./inSpeakersTransaction";

/** The most aliases a speaker has, its name included (core's ZNewsroomSpeakerUpdate allows 50 in a request). */
const MOST_ALIASES = 50;

/**
 * Changes a newsroom speaker's name, kind or aliases (claim.edit: reviewers and up), in one transaction. Names and
 * aliases are trimmed; the name is always one of the aliases (added when missing). An alias no claim uses yet is
 * kept for when one does. An alias removed that claims still spell becomes a speaker of its own (or joins another
 * speaker its spelling folds to): claims never lose their speaker. No claim changes: a claim keeps its spelling.
 * VALIDATION_FAILED for a blank name or alias or more than 50 aliases; NOT_FOUND for no such speaker; CONFLICT when
 * another speaker has one of the aliases (merge them instead). A change that changes nothing stores nothing.
 */
export async function updateNewsroomSpeaker(
  db: Db,
  actor: Principal,
  id: string,
  change: NewsroomSpeakerUpdate,
): Promise<NewsroomSpeakerDetail> {
  authorize(actor, "claim.edit");
  const name = change.name === undefined ? undefined : tidySpelling(change.name);
  if (name === "") throw new AppError("VALIDATION_FAILED", "A speaker's name cannot be blank.");
  const aliases = change.aliases?.map((alias) => alias.trim());
  if (aliases?.includes("")) throw new AppError("VALIDATION_FAILED", "An alias cannot be blank.");
  return inSpeakersTransaction(db, async (tx) => {
    const speaker = await findSpeaker(tx, id);
    if (!speaker) throw new AppError("NOT_FOUND", `No speaker with id "${id}".`);
    const nextName = name ?? speaker.name;
    // A spelling typed anew has its spaces tidied; one the speaker has (as claims spell it) stays as it is.
    const typed = (aliases ?? speaker.aliases).map((alias) =>
      speaker.aliases.includes(alias) ? alias : tidySpelling(alias),
    );
    const nextAliases = [...new Set([...typed, nextName])].sort();
    if (nextAliases.length > MOST_ALIASES) {
      throw new AppError("VALIDATION_FAILED", `A speaker has at most ${MOST_ALIASES} aliases, its name included.`);
    }
    const nextKind = change.kind === undefined ? speaker.kind : change.kind;
    for (const [alias, holders] of await findHoldersOfAliases(tx, nextAliases)) {
      const holder = holders.find((candidate) => candidate.id !== id);
      if (!holder) continue;
      throw new AppError(
        "CONFLICT",
        `“${alias}” is already an alias of “${holder.name}”: to make them one speaker, merge the two.`,
        { alias, speakerId: holder.id, speakerName: holder.name },
      );
    }
    const isSame =
      nextName === speaker.name &&
      nextKind === speaker.kind &&
      nextAliases.join("\n") === [...speaker.aliases].sort().join("\n");
    if (!isSame) {
      await writeSpeaker(tx, id, { name: nextName, kind: nextKind, aliases: nextAliases }, new Date());
      const removed = speaker.aliases.filter((alias) => !nextAliases.includes(alias));
      const stillSpelt = await findSpellingsInUse(tx, removed);
      await addAliasesForSpellings(
        tx,
        stillSpelt.map((spelling) => ({ name: spelling, claimCount: 0 })),
        id,
      );
    }
    return readNewsroomSpeaker(tx, id);
  });
}

/** A spelling as a person meant it: no spaces around it, one space between words. */
function tidySpelling(spelling: string): string {
  return spelling.trim().replace(/\s+/gu, " ");
}
