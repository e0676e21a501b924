// The limit the API is measured against: the SQL the app's create-claim and list-claims requests run,
// as prepared statements straight on the driver, behind bare Hono routes (no middleware, no zod, no Prisma).
import type BetterSqlite3 from "better-sqlite3";
import type { Hono as HonoApp } from "hono";
import { databaseProvider } from "../apps/server/src/db/createDatabase";
import { sqlitePath } from "../apps/server/src/db/sqlitePath";
import { timeOrderedId } from "../apps/server/src/db/timeOrderedId";
import { SEED_ADMIN } from "../apps/server/src/repositories/accountRepository";
import { DEFAULT_VERDICT, selectorsForRange } from "../packages/core/src/index";
import { Database, Hono, pg } from "./serverModules";

interface ClaimRow {
  id: string;
  articleId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  verdict: string;
  speaker: string | null;
  rationale: string;
  isOrphaned: boolean | number;
  version: number;
  createdAt: string | Date;
  updatedAt: string | Date;
  createdById: string;
  createdByName: string;
}

/** The statements both requests need, whichever driver runs them. */
interface Statements {
  findArticleText(id: string): Promise<{ id: string; text: string } | undefined>;
  articleIsLive(id: string): Promise<boolean>;
  /** Inserts the claim and its "created" event in one transaction; answers the reviewer's name. */
  insertClaim(claim: Omit<ClaimRow, "createdByName">, event: { id: string; to: string }): Promise<string>;
  listClaims(articleId: string): Promise<ClaimRow[]>;
  close(): Promise<void>;
}

const CLAIM_COLUMNS = `c."id", c."articleId", c."start", c."end", c."exact", c."prefix", c."suffix", c."verdict",
  c."speaker", c."rationale", c."isOrphaned", c."version", c."createdAt", c."updatedAt", c."createdById",
  r."name" AS "createdByName"`;
const LIST_CLAIMS = (
  param: string,
) => `SELECT ${CLAIM_COLUMNS} FROM "Claim" c JOIN "Account" r ON r."id" = c."createdById"
  WHERE c."articleId" = ${param} AND c."deletedAt" IS NULL ORDER BY c."start" ASC, c."end" DESC, c."id" ASC`;
const INSERT_CLAIM = (
  p: string[],
) => `INSERT INTO "Claim" ("id", "articleId", "start", "end", "exact", "prefix", "suffix",
  "verdict", "speaker", "rationale", "isOrphaned", "version", "createdAt", "updatedAt", "createdById")
  VALUES (${p.join(", ")})`;
const INSERT_EVENT = (p: string[]) =>
  `INSERT INTO "Event" ("id", "articleId", "claimId", "actorId", "action", "to", "at") VALUES (${p.join(", ")})`;
const placeholders = (count: number, style: "?" | "$") =>
  Array.from({ length: count }, (_, index) => (style === "?" ? "?" : `$${index + 1}`));

function sqliteStatements(databaseUrl: string): Statements {
  const db: BetterSqlite3.Database = new Database(sqlitePath(databaseUrl));
  db.pragma("busy_timeout = 5000");
  db.pragma("synchronous = FULL");
  const findText = db.prepare<[string], { id: string; text: string }>(
    `SELECT "id", "text" FROM "Article" WHERE "id" = ? AND "deletedAt" IS NULL LIMIT 1`,
  );
  const findLive = db.prepare<[string], { id: string }>(
    `SELECT "id" FROM "Article" WHERE "id" = ? AND "deletedAt" IS NULL LIMIT 1`,
  );
  const insertClaim = db.prepare(INSERT_CLAIM(placeholders(15, "?")));
  const insertEvent = db.prepare(INSERT_EVENT(placeholders(7, "?")));
  const findAccount = db.prepare<[string], { name: string }>(`SELECT "name" FROM "Account" WHERE "id" = ?`);
  const list = db.prepare<[string], ClaimRow>(LIST_CLAIMS("?"));
  const insertBoth = db.transaction((claim: Omit<ClaimRow, "createdByName">, event: { id: string; to: string }) => {
    insertClaim.run(...Object.values({ ...claim, isOrphaned: claim.isOrphaned ? 1 : 0 }));
    insertEvent.run(event.id, claim.articleId, claim.id, claim.createdById, "claim.created", event.to, claim.createdAt);
    return findAccount.get(claim.createdById)?.name ?? "";
  });
  return {
    findArticleText: async (id) => findText.get(id),
    articleIsLive: async (id) => findLive.get(id) !== undefined,
    insertClaim: async (claim, event) => insertBoth(claim, event),
    listClaims: async (articleId) => list.all(articleId),
    close: async () => {
      db.close();
    },
  };
}

function postgresStatements(databaseUrl: string): Statements {
  const pool = new pg.Pool({ connectionString: databaseUrl });
  // Named queries: pg prepares each once per connection and then only binds and executes.
  return {
    async findArticleText(id) {
      const { rows } = await pool.query<{ id: string; text: string }>({
        name: "find-article-text",
        text: `SELECT "id", "text" FROM "Article" WHERE "id" = $1 AND "deletedAt" IS NULL LIMIT 1`,
        values: [id],
      });
      return rows[0];
    },
    async articleIsLive(id) {
      const { rowCount } = await pool.query({
        name: "article-is-live",
        text: `SELECT "id" FROM "Article" WHERE "id" = $1 AND "deletedAt" IS NULL LIMIT 1`,
        values: [id],
      });
      return rowCount === 1;
    },
    async insertClaim(claim, event) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query({
          name: "insert-claim",
          text: INSERT_CLAIM(placeholders(15, "$")),
          values: Object.values(claim),
        });
        await client.query({
          name: "insert-event",
          text: INSERT_EVENT(placeholders(7, "$")),
          values: [event.id, claim.articleId, claim.id, claim.createdById, "claim.created", event.to, claim.createdAt],
        });
        const { rows } = await client.query<{ name: string }>({
          name: "find-reviewer",
          text: `SELECT "name" FROM "Account" WHERE "id" = $1`,
          values: [claim.createdById],
        });
        await client.query("COMMIT");
        return rows[0]?.name ?? "";
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
    async listClaims(articleId) {
      const { rows } = await pool.query<ClaimRow>({
        name: "list-claims",
        text: LIST_CLAIMS("$1"),
        values: [articleId],
      });
      return rows;
    },
    close: () => pool.end(),
  };
}

function toClaimJson(row: ClaimRow) {
  return {
    id: row.id,
    articleId: row.articleId,
    selectors: {
      position: { start: row.start, end: row.end },
      quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    },
    verdict: row.verdict,
    speaker: row.speaker,
    rationale: row.rationale,
    isOrphaned: Boolean(row.isOrphaned),
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    createdBy: { id: row.createdById, name: row.createdByName },
  };
}

interface CreateBody {
  selectors: { position: { start: number; end: number }; quote: { exact: string } };
}

export async function createBaselineApp(databaseUrl: string): Promise<{ app: HonoApp; close: () => Promise<void> }> {
  const statements =
    databaseProvider(databaseUrl) === "postgresql" ? postgresStatements(databaseUrl) : sqliteStatements(databaseUrl);
  const app = new Hono()
    .get("/api/articles/:id/claims", async (c) => {
      const articleId = c.req.param("id");
      if (!(await statements.articleIsLive(articleId))) return c.json({ error: { code: "NOT_FOUND" } }, 404);
      const rows = await statements.listClaims(articleId);
      return c.json({ items: rows.map(toClaimJson) }, 200);
    })
    .post("/api/articles/:id/claims", async (c) => {
      const articleId = c.req.param("id");
      const { selectors } = await c.req.json<CreateBody>();
      const article = await statements.findArticleText(articleId);
      if (!article) return c.json({ error: { code: "NOT_FOUND" } }, 404);
      const { start, end } = selectors.position;
      if (article.text.slice(start, end) !== selectors.quote.exact) {
        return c.json({ error: { code: "UNPROCESSABLE" } }, 422);
      }
      const { quote } = selectorsForRange(article.text, start, end);
      const now = new Date();
      const claim = {
        id: timeOrderedId(),
        articleId,
        start,
        end,
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
        verdict: DEFAULT_VERDICT,
        speaker: null,
        rationale: "",
        isOrphaned: false,
        version: 1,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        createdById: SEED_ADMIN.id,
      };
      const event = { id: timeOrderedId(), to: JSON.stringify({ verdict: claim.verdict, exact: quote.exact }) };
      const createdByName = await statements.insertClaim(claim, event);
      return c.json(toClaimJson({ ...claim, createdByName }), 201);
    });
  return { app, close: () => statements.close() };
}
