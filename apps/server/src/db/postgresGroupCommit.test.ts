import type pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inArticleTransaction, takeChangeNumber } from "./postgresGroupCommit";
import { createPostgresPool } from "./postgresPool";
import { createThrowawayDatabase, type ThrowawayDatabase } from "./throwawayDatabase";

const serverUrl = process.env.TEST_DATABASE_URL;

/** A promise and the function that settles it: holds a write open until the test lets it go. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

// Group commit is PostgreSQL's (SQLite's writer has its own, sqliteWriter.ts): these run in the PostgreSQL suite.
describe.skipIf(!serverUrl?.startsWith("postgres"))("writes to one article on PostgreSQL, grouped", () => {
  let database: ThrowawayDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await createThrowawayDatabase("factmark_group_commit", serverUrl);
    pool = createPostgresPool(database.url, { max: 8 });
    await pool.query(`CREATE TABLE "Row" ("id" integer PRIMARY KEY, "articleId" text NOT NULL)`);
    await pool.query(`CREATE TABLE "ArticleChangeCounter" ("articleId" text PRIMARY KEY, "lastChangeNumber" integer)`);
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });
  beforeEach(async () => {
    await pool.query(`DELETE FROM "Row"; DELETE FROM "ArticleChangeCounter"`);
  });

  /** A write that stores row `id` of `articleId` and answers the id of the transaction it ran in. */
  const storeRow =
    (id: number, articleId = "a") =>
    async (client: pg.PoolClient) => {
      await client.query(`INSERT INTO "Row" ("id", "articleId") VALUES ($1, $2)`, [id, articleId]);
      const { rows } = await client.query<{ xid: string }>(`SELECT txid_current()::text AS "xid"`);
      return rows[0]?.xid;
    };
  /**
   * Article "a"'s first write, running (its group begun) and held until `held.open()`: the writes sent after it wait
   * and run as the next group. It stores row 0.
   */
  async function aGroupRunning() {
    const held = gate();
    const running = gate();
    const first = inArticleTransaction(pool, "a", async (client) => {
      running.open();
      await held.opened;
      return storeRow(0)(client);
    });
    await running.opened;
    return { held, first };
  }
  const storedIds = async () =>
    (await pool.query<{ id: number }>(`SELECT "id" FROM "Row" ORDER BY "id"`)).rows.map((row) => row.id);

  it("commits writes that arrive while one runs in one transaction, and answers each once committed", async () => {
    const { held, first } = await aGroupRunning();
    const waiting = Array.from({ length: 10 }, (_, index) => inArticleTransaction(pool, "a", storeRow(index + 1)));
    let answered = 0;
    for (const write of waiting) void write.then(() => answered++);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(0);
    held.open();
    const transactions = await Promise.all([first, ...waiting]);
    // The first alone, the ten that waited together.
    expect(new Set(transactions).size).toBe(2);
    expect(new Set(transactions.slice(1)).size).toBe(1);
    expect(await storedIds()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("undoes a write that throws alone: its caller gets its error, the others are stored and answered", async () => {
    const { held, first } = await aGroupRunning();
    const refused = new Error("refused after writing");
    const writes = [
      inArticleTransaction(pool, "a", storeRow(1)),
      inArticleTransaction(pool, "a", async (client) => {
        await storeRow(2)(client);
        throw refused;
      }),
      // A statement PostgreSQL refuses (the key is taken) aborts the transaction but for the savepoint.
      inArticleTransaction(pool, "a", storeRow(1)),
      inArticleTransaction(pool, "a", storeRow(3)),
    ];
    held.open();
    const outcomes = await Promise.allSettled([first, ...writes]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "rejected",
      "rejected",
      "fulfilled",
    ]);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBe(refused);
    expect((outcomes[3] as PromiseRejectedResult).reason).toMatchObject({ code: "23505" });
    expect(await storedIds()).toEqual([0, 1, 3]);
  });

  it("stores none of a group whose transaction fails, and tells every caller", async () => {
    const { held, first } = await aGroupRunning();
    const group = [
      inArticleTransaction(pool, "a", storeRow(1)),
      // The connection is lost mid-group: what the group wrote before is lost with it.
      inArticleTransaction(pool, "a", async (client) => {
        await client.query("SELECT pg_terminate_backend(pg_backend_pid())");
      }),
      inArticleTransaction(pool, "a", storeRow(2)),
    ];
    held.open();
    const outcomes = await Promise.allSettled([first, ...group]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "rejected", "rejected"]);
    expect(await storedIds()).toEqual([0]);
    // The pool dropped the broken connection: the next write runs.
    await inArticleTransaction(pool, "a", storeRow(3));
    expect(await storedIds()).toEqual([0, 3]);
  });

  it("runs another article's writes beside a group that is still running", async () => {
    const held = gate();
    const slow = inArticleTransaction(pool, "a", async (client) => {
      await held.opened;
      return storeRow(0, "a")(client);
    });
    await inArticleTransaction(pool, "b", storeRow(1, "b"));
    expect(await storedIds()).toEqual([1]);
    held.open();
    await slow;
    expect(await storedIds()).toEqual([0, 1]);
  });

  it("splits a long line into groups of at most 32 writes, all stored", async () => {
    const { held, first } = await aGroupRunning();
    const waiting = Array.from({ length: 70 }, (_, index) => inArticleTransaction(pool, "a", storeRow(index + 1)));
    held.open();
    const transactions = await Promise.all([first, ...waiting]);
    expect(new Set(transactions).size).toBe(4);
    expect(await storedIds()).toHaveLength(71);
  });
  describe("change numbers", () => {
    /** The article's next number by the lock statement (an upsert of its counter row), as postgresClaimWrites takes it. */
    const takeLock = (client: pg.PoolClient) => async () => {
      const { rows } = await client.query<{ lastChangeNumber: number }>(
        `INSERT INTO "ArticleChangeCounter" VALUES ('a', 1) ON CONFLICT ("articleId")
          DO UPDATE SET "lastChangeNumber" = "ArticleChangeCounter"."lastChangeNumber" + 1 RETURNING "lastChangeNumber"`,
      );
      return rows[0]?.lastChangeNumber;
    };
    /** A write that takes a change number, stores it as its row's id, and answers it; it throws after when `fails`. */
    const numbered =
      (fails = false) =>
      async (client: pg.PoolClient) => {
        const changeNumber = (await takeChangeNumber(client, "a", takeLock(client))) as number;
        await storeRow(changeNumber)(client);
        if (fails) throw new Error("refused after taking a number");
        return changeNumber;
      };
    const counter = async () =>
      (await pool.query<{ lastChangeNumber: number }>(`SELECT "lastChangeNumber" FROM "ArticleChangeCounter"`)).rows[0]
        ?.lastChangeNumber;

    /** Sends `writes` as the group after a running one, and answers what each answered, or "refused". */
    async function numberedGroup(writes: ((client: pg.PoolClient) => Promise<number>)[]) {
      const { held, first } = await aGroupRunning();
      const sent = writes.map((write) => inArticleTransaction(pool, "a", write));
      held.open();
      await first;
      const outcomes = await Promise.allSettled(sent);
      return outcomes.map((outcome) => (outcome.status === "fulfilled" ? outcome.value : "refused"));
    }

    it("numbers a group's writes one after another, gives an undone write's number to the next, and stores the last", async () => {
      expect(await numberedGroup([numbered(true), numbered(), numbered(), numbered(true), numbered()])).toEqual([
        "refused",
        1,
        2,
        "refused",
        3,
      ]);
      expect(await counter()).toBe(3);
      // The next group takes the lock by its statement, after the last number stored.
      expect(await inArticleTransaction(pool, "a", numbered())).toBe(4);
      expect(await storedIds()).toEqual([0, 1, 2, 3, 4]);
    });

    it("numbers by statement again after the write that took the lock is undone, since undoing it gave the lock back", async () => {
      await pool.query(`INSERT INTO "ArticleChangeCounter" VALUES ('a', 10)`);
      expect(await numberedGroup([numbered(true), numbered(true), numbered()])).toEqual(["refused", "refused", 11]);
      expect(await counter()).toBe(11);
    });
  });
});
