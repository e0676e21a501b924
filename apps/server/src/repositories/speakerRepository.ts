import { type Actor, changeEvent, type SpeakerCount } from "@factmark/core";
import type { DbClient } from "./articleRepository";
import { changeNumberOf, insertEvents } from "./eventRepository";

/** The speakers named on an article's live claims with how many claims name each, A to Z. */
export async function countSpeakersOfArticle(db: DbClient, articleId: string): Promise<SpeakerCount[]> {
  const groups = await db.claim.groupBy({
    by: ["speaker"],
    where: { articleId, deletedAt: null, speaker: { not: null } },
    _count: { _all: true },
  });
  return groups
    .flatMap((group) => (group.speaker === null ? [] : [{ name: group.speaker, claimCount: group._count._all }]))
    .sort((left, right) => left.name.localeCompare(right.name));
}

/**
 * Every live claim of the article naming `from` names `to` instead: each moves to its next version, is stamped with
 * the transaction's change number, and gets its own "claim.speaker_changed" entry (so each can be undone on its own
 * and open pages hear of it). The caller holds the article's change lock. Answers how many claims changed.
 */
export async function renameSpeakerOnClaims(
  tx: DbClient,
  articleId: string,
  from: string,
  to: string,
  actor: Actor,
  at: Date,
): Promise<number> {
  const claims = await tx.claim.findMany({
    where: { articleId, deletedAt: null, speaker: from },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  if (claims.length === 0) return 0;
  // The same claims, named by what they share rather than by id (thousands would pass SQLite's 999 bound values):
  // the caller holds the article's change lock, so none changed since they were read.
  await tx.claim.updateMany({
    where: { articleId, deletedAt: null, speaker: from },
    data: { speaker: to, changeNumber: changeNumberOf(tx, articleId), updatedAt: at, version: { increment: 1 } },
  });
  await insertEvents(
    tx,
    articleId,
    actor,
    claims.map((claim) => ({ claimId: claim.id, ...changeEvent.speakerChanged(from, to) })),
    at,
  );
  return claims.length;
}
