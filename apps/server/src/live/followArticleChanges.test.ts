import type { Article, LiveChange } from "@factmark/core";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "../db/createDatabase";
import { ensureAccount, SEED_ADMIN } from "../repositories/accountRepository";
import { findLastChangeNumber } from "../repositories/eventRepository";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { createTestDatabase } from "../test/createTestApp";
import { announceChange, announceHintsMissed } from "./changeHints";
import { followArticleChanges } from "./followArticleChanges";

// A real database (SQLite, or PostgreSQL with TEST_DATABASE_URL); the reads of the change log go through a
// gate the test opens when it chooses, as a slow or stuck database would answer them.
const database = await createTestDatabase();
const db = await createDatabase(database.url);
await ensureAccount(db, SEED_ADMIN);
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

interface HeldRead {
  release(): void;
}

/**
 * The same database, its change-log reads (event.findMany) held while `isHolding`, each until released: before
 * the query runs, or with `hold(true, "answer")` after it ran (a read that saw the log as it was then, answering
 * late); `held(n)` waits until n reads are held.
 */
function gateEventReads(db: Db) {
  const held: HeldRead[] = [];
  let holding: "query" | "answer" | undefined;
  const wait = () => new Promise<void>((release) => held.push({ release }));
  const gated = db.$extends({
    query: {
      event: {
        async findMany({ args, query }) {
          if (holding === "query") await wait();
          const isAnswerHeld = holding === "answer";
          const answer = await query(args);
          if (isAnswerHeld) await wait();
          return answer;
        },
      },
    },
  }) as unknown as Db;
  return {
    db: gated,
    hold(isOn: boolean, what: "query" | "answer" = "query") {
      holding = isOn ? what : undefined;
    },
    async held(count: number): Promise<HeldRead[]> {
      await waitFor(() => held.length >= count, `${count} held reads`);
      return held.slice(0, count);
    },
  };
}

async function waitFor(isDone: () => boolean, what: string, timeMs = 5000): Promise<void> {
  const deadline = Date.now() + timeMs;
  while (!isDone()) {
    if (Date.now() > deadline) throw new Error(`No ${what} within ${timeMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A stream's view: the change numbers it was sent, in order. */
function receiver() {
  const numbers: number[] = [];
  return {
    numbers,
    deliver: (changes: LiveChange[]) => {
      for (const change of changes) numbers.push(change.changeNumber);
    },
  };
}

async function articleAt(): Promise<{ article: Article; since: number }> {
  const article = await buildArticle(db);
  return { article, since: (await findLastChangeNumber(db, article.id)) ?? 0 };
}

describe("following an article's changes", () => {
  it("sends a change the shared feed read while a newly opened stream was still catching up", async () => {
    const gate = gateEventReads(db);
    const { article, since } = await articleAt();
    const first = receiver();
    const stopFirst = await followArticleChanges(gate.db, article.id, since, first.deliver);

    // A change lands; the article's feed starts reading it, and the database is slow to answer.
    gate.hold(true);
    await buildClaim(db, article, "dozens");
    const changeNumber = since + 1;
    announceChange({ articleId: article.id, changeNumber });
    const [feedRead] = await gate.held(1);
    // Meanwhile a second tab opens the article from before that change: its own catch-up read waits too.
    const second = receiver();
    const following = followArticleChanges(gate.db, article.id, since, second.deliver);
    const [, catchUpRead] = await gate.held(2);
    gate.hold(false);

    // The feed's read answers first (and is held for the second tab), then its catch-up.
    feedRead?.release();
    await waitFor(() => first.numbers.length > 0, "change on the first stream");
    catchUpRead?.release();
    const stopSecond = await following;

    expect(first.numbers).toEqual([changeNumber]);
    expect(second.numbers).toEqual([changeNumber]);
    stopFirst();
    stopSecond();
  });

  it("reads again at the next poll when a read of the log never answers", async () => {
    const gate = gateEventReads(db);
    const { article, since } = await articleAt();
    const stream = receiver();
    const stop = await followArticleChanges(gate.db, article.id, since, stream.deliver, {
      readAnywayMs: 100,
      readLimitMs: 300,
    });

    gate.hold(true);
    await buildClaim(db, article, "dozens");
    announceChange({ articleId: article.id, changeNumber: since + 1 });
    // That read is stuck for good; the database answers the ones after it.
    await gate.held(1);
    gate.hold(false);

    await waitFor(() => stream.numbers.length > 0, "change after a stuck read", 3000);
    expect(stream.numbers).toEqual([since + 1]);
    stop();
  });

  it("gives up a catch-up read that never answers, so the stream ends and the browser reconnects", async () => {
    const gate = gateEventReads(db);
    const { article, since } = await articleAt();
    gate.hold(true);
    const stream = receiver();
    const following = followArticleChanges(gate.db, article.id, since, stream.deliver, { readLimitMs: 300 });
    const outcome = await Promise.race([
      following.then(
        () => "followed",
        (error: Error) => error.message,
      ),
      new Promise((resolve) => setTimeout(() => resolve("still waiting"), 3000)),
    ]);
    expect(outcome).toMatch(/did not answer within 300 ms/);
  });

  it("reads again when hints may have been missed while a read was answering", async () => {
    const gate = gateEventReads(db);
    const { article, since } = await articleAt();
    const stream = receiver();
    const stop = await followArticleChanges(gate.db, article.id, since, stream.deliver);

    // The feed reads the log (nothing new yet), and its answer is slow to come back.
    gate.hold(true, "answer");
    announceChange({ articleId: article.id, changeNumber: since });
    const [read] = await gate.held(1);
    gate.hold(false);
    // Meanwhile another process writes a change whose NOTIFY is lost (its hint never comes), and the LISTEN
    // connection, back, says hints may have been missed.
    await db.event.create({
      data: {
        id: `missed-${article.id}`,
        articleId: article.id,
        changeNumber: since + 1,
        actorId: SEED_ADMIN.id,
        action: "article.updated",
      },
    });
    announceHintsMissed();
    read?.release();

    // Sent well before the next poll (5 s).
    await waitFor(() => stream.numbers.length > 0, "change after hints were missed", 1500);
    expect(stream.numbers).toEqual([since + 1]);
    stop();
  });

  it("keeps sending to the other streams when one stream's delivery throws", async () => {
    const { article, since } = await articleAt();
    const stopBroken = await followArticleChanges(db, article.id, since, () => {
      throw new Error("This stream broke.");
    });
    const stream = receiver();
    const stop = await followArticleChanges(db, article.id, since, stream.deliver);
    await buildClaim(db, article, "dozens");
    announceChange({ articleId: article.id, changeNumber: since + 1 });
    await waitFor(() => stream.numbers.length > 0, "change on the working stream");
    await buildClaim(db, article, "Iravani");
    announceChange({ articleId: article.id, changeNumber: since + 2 });
    await waitFor(() => stream.numbers.length > 1, "second change on the working stream");
    expect(stream.numbers).toEqual([since + 1, since + 2]);
    stopBroken();
    stop();
  });
});
