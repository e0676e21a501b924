import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { afterAll, describe, expect, it } from "vitest";
import { hashSecretToken } from "../auth/secretToken";
import { createDatabase, type Db } from "../db/createDatabase";
import { startSession } from "../domain/startSession";
import { ensureAccount, SEED_ADMIN } from "../repositories/accountRepository";
import { findLastChangeNumber } from "../repositories/eventRepository";
import { buildArticle } from "../test/buildArticle";
import { createTestDatabase } from "../test/createTestApp";
import { readEventStream } from "../test/readEventStream";
import { streamArticleEvents } from "./streamArticleEvents";

const database = await createTestDatabase();
const db = await createDatabase(database.url);
await ensureAccount(db, SEED_ADMIN);
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

/** The same database, its raw queries (the session check among them) left unanswered once `hang()` is called. */
function hangRawQueries(db: Db) {
  let isHanging = false;
  const gated = db.$extends({
    query: {
      async $queryRawUnsafe({ args, query }) {
        if (isHanging) await new Promise(() => {});
        return query(args);
      },
    },
  }) as unknown as Db;
  return {
    db: gated,
    hang() {
      isHanging = true;
    },
  };
}

describe("an article's event stream", () => {
  it("ends, for the browser to reconnect, when a check of its session never answers", async () => {
    const gate = hangRawQueries(db);
    const article = await buildArticle(db);
    const since = (await findLastChangeNumber(db, article.id)) ?? 0;
    const session = await startSession(db, SEED_ADMIN.id, 60_000);
    const app = new Hono().get("/", (c) =>
      streamSSE(
        c,
        (stream) =>
          streamArticleEvents(stream, {
            db: gate.db,
            articleId: article.id,
            actor: SEED_ADMIN,
            sessionId: hashSecretToken(session.token),
            since,
            refreshMs: 100,
            queryLimitMs: 300,
          }),
        async () => {},
      ),
    );
    const stream = readEventStream(await app.request("/"));
    await stream.next("hello");
    gate.hang();
    // A stream stuck on its check would send nothing more, ever, and stay open: the browser would not reconnect.
    const deadline = Date.now() + 3000;
    while (!stream.isDone && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stream.isDone).toBe(true);
  });
});
