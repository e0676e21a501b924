import { AppError } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { listSpeakersOfArticle } from "../../repositories/claimRepository";

/** The speakers already named on an article's live claims, A to Z, for autocomplete. */
export async function listSpeakers(db: Db, articleId: string): Promise<string[]> {
  const speakers = await listSpeakersOfArticle(db, articleId);
  if (!speakers) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
  return speakers;
}
