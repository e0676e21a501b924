import { afterAll, describe, expect, it } from "vitest";
import { ensureAccount, SEED_ADMIN } from "../repositories/accountRepository";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { buildEvidence } from "../test/buildEvidence";
import { buildLink } from "../test/buildLink";
import { createTestDatabase } from "../test/createTestApp";
import { inArticleLine } from "./articleWriteLine";
import { createDatabase } from "./createDatabase";
import { postgresPoolOf } from "./postgresPool";

// A real database: on PostgreSQL the line is there; on SQLite (one writer) there is none.
const database = await createTestDatabase();
const db = await createDatabase(database.url);
await ensureAccount(db, SEED_ADMIN);
const pool = postgresPoolOf(db);
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

/** The ids the pool was asked about, by the statements that look up a row's article (counted on the real pool). */
const lookups: string[] = [];
if (pool) {
  const query = pool.query.bind(pool) as (config: { name?: string; values?: unknown[] }) => Promise<unknown>;
  (pool as unknown as { query: typeof query }).query = (config) => {
    if (typeof config === "object" && config.name?.startsWith("article-of-")) lookups.push(String(config.values?.[0]));
    return query(config);
  };
}

/** A promise and the function that settles it: holds a write open until the test lets it go. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/** Lets every write that can run take its turn (a few rounds of the microtask queue). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe.runIf(pool)("the line of one article's writes (PostgreSQL)", () => {
  it("runs writes to one article one at a time, in the order they came", async () => {
    const held = gate();
    const ran: string[] = [];
    const first = inArticleLine(db, { articleId: "a" }, async () => {
      ran.push("first");
      await held.opened;
      ran.push("first done");
      return 1;
    });
    const second = inArticleLine(db, { articleId: "a" }, async () => {
      ran.push("second");
      return 2;
    });
    const third = inArticleLine(db, { articleId: "a" }, async () => {
      ran.push("third");
      return 3;
    });
    await settle();
    expect(ran).toEqual(["first"]);
    held.open();
    expect(await Promise.all([first, second, third])).toEqual([1, 2, 3]);
    expect(ran).toEqual(["first", "first done", "second", "third"]);
  });

  it("runs writes to other articles side by side", async () => {
    const held = gate();
    const ran: string[] = [];
    const first = inArticleLine(db, { articleId: "a" }, async () => {
      ran.push("a");
      await held.opened;
    });
    const other = inArticleLine(db, { articleId: "b" }, async () => {
      ran.push("b");
    });
    await other;
    expect(ran).toEqual(["a", "b"]);
    held.open();
    await first;
  });

  it("gives a write's error to its caller alone: the writes behind it run", async () => {
    const refused = new Error("refused");
    const failing = inArticleLine(db, { articleId: "a" }, async () => {
      throw refused;
    });
    const next = inArticleLine(db, { articleId: "a" }, async () => "stored");
    await expect(failing).rejects.toBe(refused);
    expect(await next).toBe("stored");
  });

  it("lines up a claim's, evidence's or link's write with its article's, looking each row up once", async () => {
    const article = await buildArticle(db);
    const claim = await buildClaim(db, article, "Iran sold");
    const other = await buildClaim(db, article, "totally unfounded");
    const evidence = await buildEvidence(db, claim);
    const link = await buildLink(db, claim, other);
    lookups.length = 0;
    const held = gate();
    const ran: string[] = [];
    const first = inArticleLine(db, { articleId: article.id }, async () => {
      ran.push("article");
      await held.opened;
    });
    const behind = [
      inArticleLine(db, { claimId: claim.id }, async () => ran.push("claim")),
      inArticleLine(db, { evidenceId: evidence.id }, async () => ran.push("evidence")),
      inArticleLine(db, { linkId: link.id }, async () => ran.push("link")),
    ];
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ran).toEqual(["article"]);
    held.open();
    await Promise.all([first, ...behind]);
    expect(ran).toEqual(["article", "claim", "evidence", "link"]);
    // Each row's article looked up at most once (the writes that made them may have looked some up already).
    const looked = [...lookups];
    expect(new Set(looked).size).toBe(looked.length);
    expect([claim.id, evidence.id, link.id]).toEqual(expect.arrayContaining(looked));
    await inArticleLine(db, { claimId: claim.id }, async () => {});
    await inArticleLine(db, { evidenceId: evidence.id }, async () => {});
    await inArticleLine(db, { linkId: link.id }, async () => {});
    expect(lookups).toEqual(looked);
  });

  it("runs a write about a row that is not there at once, and looks it up again next time", async () => {
    lookups.length = 0;
    const held = gate();
    const first = inArticleLine(db, { articleId: "a" }, () => held.opened);
    expect(await inArticleLine(db, { claimId: "gone" }, async () => "answered")).toBe("answered");
    await inArticleLine(db, { claimId: "gone" }, async () => {});
    expect(lookups).toEqual(["gone", "gone"]);
    held.open();
    await first;
  });
});

describe.runIf(!pool)("the line of one article's writes (SQLite)", () => {
  it("runs every write at once: SQLite has one writer, which lines writes up itself", async () => {
    const held = gate();
    const ran: string[] = [];
    const first = inArticleLine(db, { articleId: "a" }, async () => {
      ran.push("first");
      await held.opened;
    });
    await inArticleLine(db, { articleId: "a" }, async () => {
      ran.push("second");
    });
    expect(ran).toEqual(["first", "second"]);
    held.open();
    await first;
  });
});
