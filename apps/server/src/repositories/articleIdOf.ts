import type pg from "pg";
import { recentPerClient } from "./recentPerClient";

/** A row that belongs to one article for good, by id: a claim, a piece of evidence (its claim's) or a link. */
export type ArticleRow = { claimId: string } | { evidenceId: string } | { linkId: string };

/** Per kind of row, the prepared statement that reads its article's id; no row when there is no such row. */
const FIND_ARTICLE = {
  claim: { name: "article-of-claim", text: `SELECT "articleId" FROM "Claim" WHERE "id" = $1` },
  evidence: {
    name: "article-of-evidence",
    text: `SELECT c."articleId" FROM "Evidence" AS e JOIN "Claim" AS c ON c."id" = e."claimId" WHERE e."id" = $1`,
  },
  link: { name: "article-of-link", text: `SELECT "articleId" FROM "Link" WHERE "id" = $1` },
} as const;

/** Per pool, the article of each row looked up lately, by kind and id: a row never moves to another article. */
const knownArticles = recentPerClient<string, pg.Pool>(4096);

/**
 * The id of the article `row` belongs to, deleted or not (the row too): read by one prepared statement on a
 * connection of `pool` (lent for that statement only), then kept, and known without a statement; undefined when
 * there is no such row (not kept: it may be made yet). What a write needs before it can wait in its article's line
 * (inArticleLine) or group (inArticleTransaction); the write checks the row again under the article's change lock.
 */
export async function articleIdOf(pool: pg.Pool, row: ArticleRow): Promise<string | undefined> {
  const [kind, id] =
    "claimId" in row
      ? (["claim", row.claimId] as const)
      : "evidenceId" in row
        ? (["evidence", row.evidenceId] as const)
        : (["link", row.linkId] as const);
  const key = `${kind}:${id}`;
  const known = knownArticles.get(pool, key);
  if (known !== undefined) return known;
  const { rows } = await pool.query<{ articleId: string }>({ ...FIND_ARTICLE[kind], values: [id] });
  const articleId = rows[0]?.articleId;
  if (articleId !== undefined) knownArticles.set(pool, key, articleId);
  return articleId;
}
