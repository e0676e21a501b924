import { AppError, type NewsroomSpeakerDetail, type SpeakerKind, type Verdict } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import type { DbClient } from "../../repositories/articleRepository";
import { findSpeaker, listLiveClaimsBySpellings } from "../../repositories/newsroomSpeakerRepository";
import { ensureSpeakerAliases } from "./ensureSpeakerAliases";
import { speakerRecordOf } from "./speakerRecord";

/**
 * One of the newsroom's speakers with its record (counts by verdict, by month) and its live claims of live articles,
 * newest first, each with its spelling and article. NOT_FOUND when there is no speaker with that id (a merged one is
 * gone: its aliases are the other's).
 */
export async function getNewsroomSpeaker(db: Db, id: string): Promise<NewsroomSpeakerDetail> {
  await ensureSpeakerAliases(db);
  return readNewsroomSpeaker(db, id);
}

/** getNewsroomSpeaker without filling in aliases first, for a transaction that has. */
export async function readNewsroomSpeaker(db: DbClient, id: string): Promise<NewsroomSpeakerDetail> {
  const speaker = await findSpeaker(db, id);
  if (!speaker) throw new AppError("NOT_FOUND", `No speaker with id "${id}".`);
  const claims = await listLiveClaimsBySpellings(db, speaker.aliases);
  return {
    id: speaker.id,
    name: speaker.name,
    kind: speaker.kind as SpeakerKind | null,
    aliases: speaker.aliases,
    ...speakerRecordOf(claims),
    claims: claims.map((claim) => ({
      ...claim,
      verdict: claim.verdict as Verdict,
      createdAt: claim.createdAt.toISOString(),
    })),
  };
}
