import {
  AppError,
  changeEvent,
  type Principal,
  type SpeakerKind,
  type SpeakerRename,
  type SpeakerRenamed,
} from "@factmark/core";
import { inArticleLine } from "../../db/articleWriteLine";
import type { Db } from "../../db/createDatabase";
import { authorize } from "../../policy/authorize";
import {
  type DbClient,
  findArticle,
  insertArticleEvent,
  isLiveArticle,
  updateArticleIfVersion,
} from "../../repositories/articleRepository";
import { lockArticleForChanges } from "../../repositories/eventRepository";
import { countSpeakersOfArticle, renameSpeakerOnClaims } from "../../repositories/speakerRepository";

/**
 * Renames a speaker on every live claim of an article, in one transaction (claim.edit: reviewers and up). When some
 * claims already name `to`, the two speakers merge into one. Each claim records the change in its history, so each
 * can be undone. The speaker's kind (person or organisation, which ClaimReview needs) goes with the name unless `to`
 * already has one, so publishing does not ask again. NOT_FOUND when the article is not there or no live claim of it
 * names `from`.
 */
export async function renameSpeaker(
  db: Db,
  actor: Principal,
  articleId: string,
  { from, to }: SpeakerRename,
): Promise<SpeakerRenamed> {
  authorize(actor, "claim.edit");
  return inArticleLine(db, { articleId }, () =>
    db.$transaction(async (tx) => {
      await lockArticleForChanges(tx, articleId);
      if (!(await isLiveArticle(tx, articleId))) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
      const before = await countSpeakersOfArticle(tx, articleId);
      if (!before.some((speaker) => speaker.name === from)) {
        throw new AppError("NOT_FOUND", `No claim of this article names “${from}” as its speaker.`);
      }
      const isMerged = before.some((speaker) => speaker.name === to);
      const renamedClaimCount = await renameSpeakerOnClaims(tx, articleId, from, to, actor, new Date());
      await moveSpeakerKind(tx, articleId, from, to, actor);
      return { renamedClaimCount, isMerged, items: await countSpeakersOfArticle(tx, articleId) };
    }),
  );
}

/**
 * Every claim naming `from` now names `to`: the article's kind for `from` moves to `to` (kept if `to` had its own),
 * recorded as a change of speakers' kinds. The caller holds the article's change lock.
 */
async function moveSpeakerKind(tx: DbClient, articleId: string, from: string, to: string, actor: Principal) {
  const article = await findArticle(tx, articleId);
  if (!article || !Object.hasOwn(article.speakerKinds, from)) return;
  const { [from]: kind, ...others } = article.speakerKinds;
  const toKind = Object.hasOwn(others, to) ? others[to] : kind;
  const speakerKinds = { ...others, [to]: toKind as SpeakerKind };
  await updateArticleIfVersion(tx, articleId, article.version, { speakerKinds });
  const before: Record<string, SpeakerKind | null> = { [from]: kind as SpeakerKind };
  const after: Record<string, SpeakerKind | null> = { [from]: null };
  if (!Object.hasOwn(others, to)) {
    before[to] = null;
    after[to] = toKind as SpeakerKind;
  }
  await insertArticleEvent(tx, articleId, actor, changeEvent.speakerKindsChanged(before, after));
}
