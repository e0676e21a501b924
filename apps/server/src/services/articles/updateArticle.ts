import {
  AppError,
  type ArticleDetails,
  type ArticleDetailsAfter,
  type ArticleSaved,
  type ArticleUpdate,
  articleText,
  changeEvent,
  type Principal,
} from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { preconditionFailed } from "../../domain/preconditionFailed";
import { reanchorArticleClaims } from "../../domain/reanchorArticleClaims";
import { authorize } from "../../policy/authorize";
import { findArticle, insertArticleEvent, updateArticleIfVersion } from "../../repositories/articleRepository";
import { lockArticleForChanges } from "../../repositories/eventRepository";

/**
 * Changes an article's metadata and/or its body, if the caller read the current version. A new
 * body (`doc`, already checked against the editor's schema) is stored with its text projection,
 * and every claim is re-anchored in the same transaction; the answer says how they fared.
 */
export async function updateArticle(
  db: Db,
  actor: Principal,
  id: string,
  expectedVersion: number,
  input: ArticleUpdate,
): Promise<ArticleSaved> {
  authorize(actor, "article.edit");
  return db.$transaction(async (tx) => {
    // The article's change lock first, as every writer of the article takes it: no claim is placed on
    // the old text while this save re-anchors the others. (A save that got in meanwhile fails the version check.)
    await lockArticleForChanges(tx, id);
    const current = await findArticle(tx, id);
    if (!current) throw new AppError("NOT_FOUND", `No article with id "${id}".`);
    if (current.version !== expectedVersion) throw preconditionFailed("article", current);
    const { doc, ...metadata } = input;
    const text = doc ? articleText(doc) : undefined;
    const change = {
      ...metadata,
      publishedAt:
        metadata.publishedAt === undefined ? undefined : metadata.publishedAt ? new Date(metadata.publishedAt) : null,
      ...(doc && text !== undefined ? { doc, text } : {}),
    };
    const isUpdated = await updateArticleIfVersion(tx, id, expectedVersion, change);
    if (!isUpdated) throw preconditionFailed("article", current);
    const reanchored =
      text === undefined ? undefined : await reanchorArticleClaims(tx, actor, id, current.text, text, new Date());
    const given = Object.keys(metadata) as (keyof typeof metadata)[];
    const from: ArticleDetails = Object.fromEntries(given.map((field) => [field, current[field]]));
    const to: ArticleDetailsAfter = { ...metadata };
    // The body is recorded by its size, not copied into the history: an article can be megabytes.
    if (text !== undefined) {
      from.textLength = current.text.length;
      to.textLength = text.length;
      to.reanchored = reanchored;
    }
    await insertArticleEvent(tx, id, actor, changeEvent.articleUpdated(from, to));
    const updated = await findArticle(tx, id);
    if (!updated) throw new AppError("NOT_FOUND", `No article with id "${id}".`);
    return reanchored ? { ...updated, reanchored } : updated;
  }, TRANSACTION_OPTIONS);
}

/** Re-anchoring thousands of claims is thousands of row updates: more than Prisma's default 5 s allows on a slow disk. */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 60_000 } as const;
