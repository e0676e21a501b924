import { AppError, type Principal, type SpeakerRename, type SpeakerRenamed } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { authorize } from "../../policy/authorize";
import { isLiveArticle } from "../../repositories/articleRepository";
import { lockArticleForChanges } from "../../repositories/eventRepository";
import { countSpeakersOfArticle, renameSpeakerOnClaims } from "../../repositories/speakerRepository";

/**
 * Renames a speaker on every live claim of an article, in one transaction (claim.edit: reviewers and up). When some
 * claims already name `to`, the two speakers merge into one. Each claim records the change in its history, so each
 * can be undone. NOT_FOUND when the article is not there or no live claim of it names `from`.
 */
export async function renameSpeaker(
  db: Db,
  actor: Principal,
  articleId: string,
  { from, to }: SpeakerRename,
): Promise<SpeakerRenamed> {
  authorize(actor, "claim.edit");
  return db.$transaction(async (tx) => {
    await lockArticleForChanges(tx, articleId);
    if (!(await isLiveArticle(tx, articleId))) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
    const before = await countSpeakersOfArticle(tx, articleId);
    if (!before.some((speaker) => speaker.name === from)) {
      throw new AppError("NOT_FOUND", `No claim of this article names “${from}” as its speaker.`);
    }
    const isMerged = before.some((speaker) => speaker.name === to);
    const renamedClaimCount = await renameSpeakerOnClaims(tx, articleId, from, to, actor, new Date());
    return { renamedClaimCount, isMerged, items: await countSpeakersOfArticle(tx, articleId) };
  });
}
