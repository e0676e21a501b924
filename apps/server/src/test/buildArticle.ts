import type { Article, ArticleCreate } from "@factmark/core";
import type { Db } from "../db/createDatabase";
import { SEED_ADMIN } from "../repositories/accountRepository";
import { createArticle } from "../services/articles/createArticle";

/** A short article in the sample's spirit: three speakers who cannot all be right. */
export const ARTICLE_CONTENT = [
  "Iran sold a limited number of drones months before the Ukraine war, said Amir-Abdollahian.",
  "Robert Malley said Iran transferred dozens just this summer.",
  "Iravani called any support for Russia totally unfounded.",
].join("\n");

/** Stores an article through the service, with defaults for whatever the test does not care about. */
export async function buildArticle(db: Db, overrides: Partial<ArticleCreate> = {}): Promise<Article> {
  return createArticle(db, SEED_ADMIN, {
    title: "Iran and the drones",
    format: "text",
    content: ARTICLE_CONTENT,
    ...overrides,
  });
}
