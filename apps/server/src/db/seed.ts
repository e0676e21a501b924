import { readFileSync } from "node:fs";
import path from "node:path";
import type { Principal } from "@factmark/core";
import { PROJECT_ROOT } from "../config";
import { ensureAccount } from "../repositories/accountRepository";
import { articleEverExisted } from "../repositories/articleRepository";
import { createArticle } from "../services/articles/createArticle";
import type { Db } from "./createDatabase";

export const SAMPLE_ARTICLE_ID = "sample-iran-drones";
const SAMPLE_ARTICLE_FILE = path.join(PROJECT_ROOT, "prisma/seed/iran-drones-article.txt");

/**
 * Makes the local reviewer and loads the sample article, once: an article the user deleted
 * stays deleted. Safe to run on every start.
 */
export async function seed(db: Db, reviewer: Principal): Promise<{ isSampleCreated: boolean }> {
  await ensureAccount(db, reviewer);
  if (await articleEverExisted(db, SAMPLE_ARTICLE_ID)) return { isSampleCreated: false };
  const [title = "", ...body] = readFileSync(SAMPLE_ARTICLE_FILE, "utf8").split("\n");
  await createArticle(
    db,
    reviewer,
    {
      title: title.trim(),
      format: "text",
      content: body.join("\n"),
      outlet: "All Israel News",
      author: "All Israel News Staff",
    },
    SAMPLE_ARTICLE_ID,
  );
  return { isSampleCreated: true };
}
