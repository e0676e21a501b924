// The reference the API is measured against (issue 16): bare Hono routes straight on the driver, no middleware,
// no zod, no Prisma. Create: one prepared INSERT of a claim row (better-sqlite3 in WAL mode, synchronous = FULL;
// on PostgreSQL one prepared pg INSERT). List: one prepared SELECT of the article's claims with their authors.
// Verdict change: one prepared UPDATE of the claim's row at the version If-Match names, answering the row.
// Link: one prepared INSERT of a link row (a pair already linked is refused by the unique index, 409).
import type BetterSqlite3 from "better-sqlite3";
import type { Hono as HonoApp } from "hono";
import { databaseProvider } from "../apps/server/src/db/createDatabase";
import { sqliteDateTime } from "../apps/server/src/db/sqliteDateTime";
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

interface NewLinkRow {
  id: string;
  articleId: string;
  fromClaimId: string;
  toClaimId: string;
  kind: string;
  createdAt: string | Date;
  createdById: string;
}

type NewClaimRow = Omit<ClaimRow, "createdByName" | "isOrphaned" | "version" | "speaker" | "rationale">;

/** The statements the two routes run, whichever driver runs them. */
interface Statements {
  /** The article's text, read once when the server starts (the baseline places claims from memory). */
  findArticleText(id: string): Promise<string | undefined>;
  articleIsLive(id: string): Promise<boolean>;
  /** One INSERT of the claim's row. */
  insertClaim(claim: NewClaimRow): Promise<void>;
  listClaims(articleId: string): Promise<ClaimRow[]>;
  /** One UPDATE of a live claim's verdict at `version` (then one on); the row as changed, undefined when none was. */
  changeVerdict(id: string, version: number, verdict: string, at: string | Date): Promise<ClaimRow | undefined>;
  /** One INSERT of a link row. */
  insertLink(link: NewLinkRow): Promise<void>;
  close(): Promise<void>;
}

const CLAIM_COLUMNS = `c."id", c."articleId", c."start", c."end", c."exact", c."prefix", c."suffix", c."verdict",
  c."speaker", c."rationale", c."isOrphaned", c."version", c."createdAt", c."updatedAt", c."createdById",
  r."name" AS "createdByName"`;
const LIST_CLAIMS = (
  param: string,
) => `SELECT ${CLAIM_COLUMNS} FROM "Claim" c JOIN "Account" r ON r."id" = c."createdById"
  WHERE c."articleId" = ${param} AND c."deletedAt" IS NULL ORDER BY c."start" ASC, c."end" DESC, c."id" ASC`;
const INSERT_CLAIM = (p: string[]) => `INSERT INTO "Claim" ("id", "articleId", "start", "end", "exact", "prefix",
  "suffix", "verdict", "createdAt", "updatedAt", "createdById") VALUES (${p.join(", ")})`;
const placeholders = (count: number, style: "?" | "$") =>
  Array.from({ length: count }, (_, index) => (style === "?" ? "?" : `$${index + 1}`));
const CHANGE_VERDICT = (p: string[]) => `UPDATE "Claim" SET "verdict" = ${p[0]}, "updatedAt" = ${p[1]},
  "version" = "version" + 1 WHERE "id" = ${p[2]} AND "version" = ${p[3]} AND "deletedAt" IS NULL
  RETURNING "id", "articleId", "start", "end", "exact", "prefix", "suffix", "verdict", "speaker", "rationale",
  "isOrphaned", "version", "createdAt", "updatedAt", "createdById", '' AS "createdByName"`;
const INSERT_LINK = (p: string[]) => `INSERT INTO "Link" ("id", "articleId", "fromClaimId", "toClaimId", "kind",
  "createdAt", "createdById") VALUES (${p.join(", ")})`;
const FIND_TEXT = (param: string) => `SELECT "text" FROM "Article" WHERE "id" = ${param} AND "deletedAt" IS NULL`;

function sqliteStatements(databaseUrl: string): Statements {
  const db: BetterSqlite3.Database = new Database(sqlitePath(databaseUrl));
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("synchronous = FULL");
  const findText = db.prepare<[string], { text: string }>(FIND_TEXT("?"));
  const insertClaim = db.prepare(INSERT_CLAIM(placeholders(11, "?")));
  const list = db.prepare<[string], ClaimRow>(LIST_CLAIMS("?"));
  const changeVerdict = db.prepare<[string, string, string, number], ClaimRow>(CHANGE_VERDICT(placeholders(4, "?")));
  const insertLink = db.prepare(INSERT_LINK(placeholders(7, "?")));
  return {
    insertLink: async (link) => {
      insertLink.run(...Object.values(link));
    },
    findArticleText: async (id) => findText.get(id)?.text,
    articleIsLive: async (id) => findText.get(id) !== undefined,
    insertClaim: async (claim) => {
      insertClaim.run(...Object.values(claim));
    },
    listClaims: async (articleId) => list.all(articleId),
    changeVerdict: async (id, version, verdict, at) =>
      changeVerdict.get(verdict, at instanceof Date ? sqliteDateTime(at) : at, id, version),
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
      const { rows } = await pool.query<{ text: string }>({ name: "find-text", text: FIND_TEXT("$1"), values: [id] });
      return rows[0]?.text;
    },
    async articleIsLive(id) {
      const { rowCount } = await pool.query({
        name: "article-is-live",
        text: `SELECT "id" FROM "Article" WHERE "id" = $1 AND "deletedAt" IS NULL LIMIT 1`,
        values: [id],
      });
      return rowCount === 1;
    },
    async insertClaim(claim) {
      await pool.query({
        name: "insert-claim",
        text: INSERT_CLAIM(placeholders(11, "$")),
        values: Object.values(claim),
      });
    },
    async listClaims(articleId) {
      const { rows } = await pool.query<ClaimRow>({
        name: "list-claims",
        text: LIST_CLAIMS("$1"),
        values: [articleId],
      });
      return rows;
    },
    async changeVerdict(id, version, verdict, at) {
      const { rows } = await pool.query<ClaimRow>({
        name: "change-verdict",
        text: CHANGE_VERDICT(placeholders(4, "$")),
        values: [verdict, at, id, version],
      });
      return rows[0];
    },
    async insertLink(link) {
      await pool.query({ name: "insert-link", text: INSERT_LINK(placeholders(7, "$")), values: Object.values(link) });
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
  const isPostgres = databaseProvider(databaseUrl) === "postgresql";
  const statements = isPostgres ? postgresStatements(databaseUrl) : sqliteStatements(databaseUrl);
  const texts = new Map<string, string>();
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
      let text = texts.get(articleId);
      if (text === undefined) {
        text = await statements.findArticleText(articleId);
        if (text === undefined) return c.json({ error: { code: "NOT_FOUND" } }, 404);
        texts.set(articleId, text);
      }
      const { start, end } = selectors.position;
      if (text.slice(start, end) !== selectors.quote.exact) return c.json({ error: { code: "UNPROCESSABLE" } }, 422);
      const { quote } = selectorsForRange(text, start, end);
      const now = new Date();
      const at = isPostgres ? now : sqliteDateTime(now);
      const claim = {
        id: timeOrderedId(),
        articleId,
        start,
        end,
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
        verdict: DEFAULT_VERDICT,
        createdAt: at,
        updatedAt: at,
        createdById: SEED_ADMIN.id,
      };
      await statements.insertClaim(claim);
      return c.json(
        toClaimJson({ ...claim, speaker: null, rationale: "", isOrphaned: false, version: 1, createdByName: "" }),
        201,
      );
    })
    .patch("/api/claims/:id", async (c) => {
      const version = Number(/\d+/.exec(c.req.header("if-match") ?? "")?.[0]);
      if (!Number.isInteger(version)) return c.json({ error: { code: "PRECONDITION_REQUIRED" } }, 428);
      const { verdict } = await c.req.json<{ verdict: string }>();
      const now = new Date();
      const row = await statements.changeVerdict(
        c.req.param("id"),
        version,
        verdict,
        isPostgres ? now : sqliteDateTime(now),
      );
      if (!row) return c.json({ error: { code: "PRECONDITION_FAILED" } }, 412);
      return c.json(toClaimJson(row), 200);
    })
    .post("/api/articles/:id/links", async (c) => {
      const { fromClaimId, toClaimId, kind } = await c.req.json<{
        fromClaimId: string;
        toClaimId: string;
        kind: string;
      }>();
      const now = new Date();
      const link = {
        id: timeOrderedId(),
        articleId: c.req.param("id"),
        fromClaimId,
        toClaimId,
        kind,
        createdAt: isPostgres ? now : sqliteDateTime(now),
        createdById: SEED_ADMIN.id,
      };
      try {
        await statements.insertLink(link);
      } catch {
        return c.json({ error: { code: "CONFLICT" } }, 409);
      }
      return c.json(
        { ...link, note: null, createdAt: now.toISOString(), createdBy: { id: SEED_ADMIN.id, name: "" } },
        201,
      );
    });
  return { app, close: () => statements.close() };
}
