import type pg from "pg";
import { type ArticleRow, articleIdOf } from "../repositories/articleIdOf";
import { postgresPoolOf } from "./postgresPool";

/** Per pool, by article id, the end of the article's line: settles once the last write that joined it is done. */
const lineEnds = new WeakMap<pg.Pool, Map<string, Promise<void>>>();

/**
 * Runs `work`, a write to one article in a Prisma transaction that takes the article's change lock
 * (lockArticleForChanges), once the writes to the same article that joined its line in this process before it are
 * done: one at a time, first come first served. On PostgreSQL each such write would otherwise hold one of the pool's
 * connections (10, createPostgresPool) while it waits for the lock, and a burst of writes to one article (deletions,
 * saves, evidence) left requests about every other article waiting seconds for a connection; waiting here holds
 * none. An article then holds at most two connections: its line's, and its grouped writes' (inArticleTransaction),
 * which do not wait here, so neither waits for the other.
 *
 * `article`: `{ articleId }`, or a claim, evidence or link of it (looked up by articleIdOf; when there is no such
 * row, `work` runs at once and answers as it would: NOT_FOUND, usually). Without a pool (SQLite, a client extended
 * with `$extends`, a transaction client) `work` runs at once. `work` must not wait for another write to the same
 * article through this line: that write waits for it. Answers, or throws, what `work` does; a throw does not hold up
 * the writes behind it.
 */
export async function inArticleLine<T>(
  db: object,
  article: { articleId: string } | ArticleRow,
  work: () => Promise<T>,
): Promise<T> {
  const pool = postgresPoolOf(db);
  if (!pool) return work();
  const articleId = "articleId" in article ? article.articleId : await articleIdOf(pool, article);
  if (articleId === undefined) return work();
  const ends = lineEnds.get(pool) ?? new Map<string, Promise<void>>();
  lineEnds.set(pool, ends);
  const turn = (ends.get(articleId) ?? Promise.resolve()).then(() => work());
  const end = turn.then(
    () => {},
    () => {},
  );
  ends.set(articleId, end);
  // The last write out forgets the article.
  void end.then(() => {
    if (ends.get(articleId) === end) ends.delete(articleId);
  });
  return turn;
}
