import pg from "pg";
import { describe, expect, it } from "vitest";
import { postgresPoolOf } from "../db/postgresPool";
import { SEED_ADMIN } from "../repositories/accountRepository";
import { updateClaim } from "../services/claims/updateClaim";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { buildEvidence } from "../test/buildEvidence";
import { buildLink } from "../test/buildLink";
import { createTestApp } from "../test/createTestApp";

const testApp = await createTestApp();
const { db, request } = testApp;
const pool = postgresPoolOf(db);

/** How long a request about another article may take while one article's writers wait for its lock, in ms. */
const PROMPT_MS = 1000;

const SAVED_TITLE = "Iran, the drones and the summer";
const CHANGED_TITLE = "Iran admits it";

/** An If-Match header naming the version read. */
const ifMatch = ({ version }: { version: number }) => ({ "If-Match": `"${version}"` });

/** The response, or "late" when it takes longer than PROMPT_MS (it goes on; the caller awaits it later). */
function within(sent: Promise<Response>): Promise<Response | "late"> {
  return Promise.race([sent, new Promise<"late">((resolve) => setTimeout(() => resolve("late"), PROMPT_MS))]);
}

/**
 * How many of the database's connections wait for a lock a transaction holds (the article's change lock, here), as
 * `watcher` sees them: a client in no transaction (one reads pg_stat_activity once a transaction).
 */
async function waitingForLocks(watcher: pg.Client): Promise<number> {
  const { rows } = await watcher.query<{ count: string }>(
    `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  );
  return Number(rows[0]?.count);
}

// PostgreSQL only: SQLite's writes go one at a time through its one writer, and no pool of connections runs dry.
describe.runIf(pool)("a burst of writes to one article, on PostgreSQL", () => {
  it("leaves the pool to other articles while they wait for its lock, and each answers and is stored", async () => {
    const busy = await buildArticle(db);
    const other = await buildArticle(db, { title: "Another article" });
    const otherClaim = await buildClaim(db, other, "transferred dozens");
    const editor = await testApp.userFor("editor");
    const reviewer = await testApp.userFor("reviewer");
    const mark = () => buildClaim(db, busy, "limited number of drones");
    const toDelete = [await mark(), await mark(), await mark(), await mark()];
    const toSupport = [await mark(), await mark(), await mark()];
    const toReview = [];
    for (let index = 0; index < 2; index += 1) {
      const claim = await buildClaim(db, busy, "totally unfounded", { verdict: "contradicted" });
      toReview.push(await updateClaim(db, SEED_ADMIN, claim.id, claim.version, { status: "ready-for-review" }));
    }
    const hub = await mark();
    const links = [await buildLink(db, hub, await mark()), await buildLink(db, hub, await mark())];
    const sourced = await mark();
    const evidenceToRemove = await buildEvidence(db, sourced);
    const evidenceToChange = await buildEvidence(db, sourced);
    const toAssign = await mark();

    // Another server (or a long save) holds the busy article's change lock: every write to it waits.
    const outside = new pg.Client({ connectionString: pool?.options.connectionString });
    const watcher = new pg.Client({ connectionString: pool?.options.connectionString });
    await outside.connect();
    await watcher.connect();
    await outside.query("BEGIN");
    await outside.query(`SELECT 1 FROM "ArticleChangeCounter" WHERE "articleId" = $1 FOR UPDATE`, [busy.id]);
    let isHolding = true;
    const sent: Promise<Response>[] = [];
    const burst: { what: string; answer: Promise<Response>; expected: number }[] = [];
    /** Sends one write of the burst, and says which answer a user expects of it. */
    function write(what: string, expected: number, answer: Promise<Response>) {
      sent.push(answer);
      burst.push({ what, answer, expected });
    }
    /** Sends a request about the other article, answered within PROMPT_MS or "late". */
    function promptly(answer: Promise<Response>) {
      sent.push(answer);
      return within(answer);
    }
    try {
      write("article saved", 200, request("PATCH", `/api/articles/${busy.id}`, { title: SAVED_TITLE }, ifMatch(busy)));
      for (const claim of toDelete) write("claim deleted", 200, request("DELETE", `/api/claims/${claim.id}`));
      for (const claim of toSupport) {
        const source = { url: `https://example.org/source/${claim.id}`, stance: "supports" };
        write("evidence added", 201, request("POST", `/api/claims/${claim.id}/evidence`, source));
      }
      for (const claim of toReview) {
        const approval = { decision: "approve" };
        const path = `/api/claims/${claim.id}/reviews`;
        write("claim approved", 201, testApp.as("editor").request("POST", path, approval, ifMatch(claim)));
      }
      for (const link of links) write("link removed", 200, request("DELETE", `/api/links/${link.id}`));
      write("evidence removed", 200, request("DELETE", `/api/evidence/${evidenceToRemove.id}`));
      const change = { title: CHANGED_TITLE };
      write(
        "evidence changed",
        200,
        request("PATCH", `/api/evidence/${evidenceToChange.id}`, change, ifMatch(evidenceToChange)),
      );
      const assignment = { assigneeId: reviewer.id };
      write("claim assigned", 200, request("PATCH", `/api/claims/${toAssign.id}`, assignment, ifMatch(toAssign)));
      expect(burst).toHaveLength(15);
      // The burst is in: one write at least waits for the lock (all those the pool lends a connection to, unlined).
      for (let tries = 0; (await waitingForLocks(watcher)) === 0; tries += 1) {
        expect(tries, "no write waits for the busy article's lock").toBeLessThan(200);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await new Promise((resolve) => setTimeout(resolve, 300));

      const read = await promptly(request("GET", `/api/articles/${other.id}`));
      expect(read === "late" ? "late" : read.status, "reading another article").toBe(200);
      const assignOther = { assigneeId: editor.id };
      const written = await promptly(
        request("PATCH", `/api/claims/${otherClaim.id}`, assignOther, ifMatch(otherClaim)),
      );
      expect(written === "late" ? "late" : written.status, "a write to another article").toBe(200);
      expect(await waitingForLocks(watcher), "the lock is still held").toBeGreaterThan(0);

      await outside.query("COMMIT");
      isHolding = false;
      const answers = await Promise.all(burst.map(async ({ what, answer }) => `${what}: ${(await answer).status}`));
      expect(answers).toEqual(burst.map(({ what, expected }) => `${what}: ${expected}`));
    } finally {
      if (isHolding) await outside.query("ROLLBACK");
      await outside.end();
      await watcher.end();
      // A failed run lets every request finish before the database goes.
      await Promise.allSettled(sent);
    }

    // Each write the burst answered is stored.
    const saved = await db.article.findUniqueOrThrow({ where: { id: busy.id } });
    expect(saved.title).toBe(SAVED_TITLE);
    const deleted = await db.claim.findMany({ where: { id: { in: toDelete.map((claim) => claim.id) } } });
    expect(deleted.map((claim) => claim.deletedAt === null)).toEqual([false, false, false, false]);
    for (const claim of toSupport) {
      expect(await db.evidence.count({ where: { claimId: claim.id, deletedAt: null } })).toBe(1);
    }
    for (const claim of toReview) {
      expect(await db.review.count({ where: { claimId: claim.id, reviewerId: editor.id } })).toBe(1);
    }
    const removedLinks = await db.link.findMany({ where: { id: { in: links.map((link) => link.id) } } });
    expect(removedLinks.map((link) => link.deletedAt === null)).toEqual([false, false]);
    const evidence = await db.evidence.findMany({ where: { claimId: sourced.id }, orderBy: { id: "asc" } });
    expect(evidence.map(({ id, deletedAt, title }) => ({ id, isDeleted: deletedAt !== null, title }))).toEqual([
      { id: evidenceToRemove.id, isDeleted: true, title: evidenceToRemove.title },
      { id: evidenceToChange.id, isDeleted: false, title: CHANGED_TITLE },
    ]);
    const assigned = await db.claim.findUniqueOrThrow({ where: { id: toAssign.id } });
    expect(assigned.assigneeId).toBe(reviewer.id);
    // One change number each, in the order they committed: none lost or taken twice.
    const counter = await db.articleChangeCounter.findUniqueOrThrow({ where: { articleId: busy.id } });
    const numbers = await db.event.findMany({
      where: { articleId: busy.id, changeNumber: { gt: counter.lastChangeNumber - 15 } },
      distinct: ["changeNumber"],
      select: { changeNumber: true },
    });
    expect(numbers).toHaveLength(15);
  });
});
