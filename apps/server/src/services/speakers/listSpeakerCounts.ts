import { AppError, type SpeakerCount } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { isLiveArticle } from "../../repositories/articleRepository";
import { countSpeakersOfArticle } from "../../repositories/speakerRepository";

/** An article's speakers with how many live claims name each, A to Z; NOT_FOUND for an article not there. */
export async function listSpeakerCounts(db: Db, articleId: string): Promise<SpeakerCount[]> {
  if (!(await isLiveArticle(db, articleId))) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
  return countSpeakersOfArticle(db, articleId);
}
