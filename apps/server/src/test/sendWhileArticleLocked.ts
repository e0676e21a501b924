import type { Db } from "../db/createDatabase";
import type { DbClient } from "../repositories/articleRepository";
import { lockArticleForChanges } from "../repositories/eventRepository";

/**
 * Sends a request while another write holds the article's change lock, lets it wait 150 ms for that lock, then has
 * the holder make `change` and commit: the request runs after a change committed while it waited, which a check read
 * before the lock (or by the statement that waits for it, on PostgreSQL) would miss. Answers the request's response.
 */
export async function sendWhileArticleLocked(
  db: Db,
  articleId: string,
  send: () => Promise<Response>,
  change: (tx: DbClient) => Promise<unknown>,
): Promise<Response> {
  let sent: Promise<Response> | undefined;
  await db.$transaction(async (tx) => {
    await lockArticleForChanges(tx, articleId);
    sent = send();
    await new Promise((resolve) => setTimeout(resolve, 150));
    await change(tx);
  });
  return sent as Promise<Response>;
}
