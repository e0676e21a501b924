import { ZClaim, ZClaimHistory, ZClaimList } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { isPostgres } from "../../db/createDatabase";
import { timeOrderedId } from "../../db/timeOrderedId";
import { placeSelectors } from "../../domain/placeSelectors";
import { SEED_ADMIN } from "../../repositories/accountRepository";
import { findArticleText } from "../../repositories/articleRepository";
import { insertClaim } from "../../repositories/claimRepository";
import { lockArticleForChanges } from "../../repositories/eventRepository";
import { buildArticle } from "../../test/buildArticle";
import { createTestApp } from "../../test/createTestApp";
import { expectUnchanged } from "../../test/expectUnchanged";
import { refuseChangeLogEntries } from "../../test/refuseChangeLogEntries";
import { sendWhileArticleLocked } from "../../test/sendWhileArticleLocked";

// On SQLite a claim is made by one batch of kept statements on Prisma's own connection, not by Prisma
// queries: these hold it to what the Prisma path did (the same suite runs that path on PostgreSQL).
const { db, request } = await createTestApp();
const onPostgres = isPostgres(db);
const QUOTE = "transferred dozens";

async function listOf(articleId: string) {
  return ZClaimList.parse(await (await request("GET", `/api/articles/${articleId}/claims`)).json());
}

describe("making a claim", () => {
  it("is refused with 412, storing nothing, when its offsets were read from an article version since changed", async () => {
    const article = await buildArticle(db);
    const read = await request("GET", `/api/articles/${article.id}`);
    const etagRead = read.headers.get("ETag") ?? "";
    const { text } = (await read.json()) as { text: string };
    const start = text.indexOf(QUOTE);
    const position = { start, end: start + QUOTE.length };
    const edited = await request(
      "PATCH",
      `/api/articles/${article.id}`,
      { title: "Renamed while a reviewer was selecting" },
      { "If-Match": etagRead },
    );
    expect(edited.status).toBe(200);
    const stale = await expectUnchanged(db, () =>
      request("POST", `/api/articles/${article.id}/claims`, { selectors: { position } }, { "If-Match": etagRead }),
    );
    expect(stale.status).toBe(412);
    const body = (await stale.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("PRECONDITION_FAILED");
    expect(body.error.message).toMatch(/article was changed/);
    const current = await request(
      "POST",
      `/api/articles/${article.id}/claims`,
      { selectors: { position } },
      { "If-Match": edited.headers.get("ETag") ?? "" },
    );
    expect(current.status).toBe(201);
    expect(((await current.json()) as { selectors: { quote: { exact: string } } }).selectors.quote.exact).toBe(QUOTE);
  });

  it("stores nothing, and takes no change number, when its history entry cannot be written", async () => {
    const article = await buildArticle(db);
    const before = await listOf(article.id);
    const undo = await refuseChangeLogEntries(db, "claim.created");
    try {
      const refused = await expectUnchanged(db, () =>
        request("POST", `/api/articles/${article.id}/claims`, { selectors: { quote: { exact: QUOTE } } }),
      );
      expect(refused.status).toBe(500);
    } finally {
      await undo();
    }
    expect(await listOf(article.id)).toEqual(before);
    const made = await request("POST", `/api/articles/${article.id}/claims`, {
      selectors: { quote: { exact: QUOTE } },
    });
    expect(made.status).toBe(201);
    const after = await listOf(article.id);
    expect(after.items.map((claim) => claim.selectors.quote.exact)).toEqual([QUOTE]);
    expect(after.cursor).toBe(before.cursor + 1);
  });

  it("stores each of many claims made at once, and only the one refused is left out", async () => {
    const article = await buildArticle(db);
    const before = await listOf(article.id);
    const quotes = ["limited number", "drones", "not in the text", "Robert Malley", QUOTE, "totally unfounded"];
    const responses = await Promise.all(
      quotes.map((exact) => request("POST", `/api/articles/${article.id}/claims`, { selectors: { quote: { exact } } })),
    );
    expect(responses.map((response) => response.status)).toEqual([201, 201, 422, 201, 201, 201]);
    const after = await listOf(article.id);
    expect(after.items.map((claim) => claim.selectors.quote.exact).sort()).toEqual(
      quotes.filter((quote) => quote !== "not in the text").sort(),
    );
    // One change number a stored claim, none for the refused one.
    expect(after.cursor).toBe(before.cursor + 5);
    const numbers = await Promise.all(
      after.items.map(async (claim) => {
        const history = ZClaimHistory.parse(await (await request("GET", `/api/claims/${claim.id}/history`)).json());
        return history.items[0]?.changeNumber;
      }),
    );
    expect(numbers.sort()).toEqual([1, 2, 3, 4, 5].map((offset) => before.cursor + offset));
    // The article's counter stands at the last number taken (on PostgreSQL the writes of one group after the first
    // take theirs without the counter's statement): the next write takes the one after.
    const next = await request("POST", `/api/articles/${article.id}/claims`, {
      selectors: { quote: { exact: "war" } },
    });
    expect(next.status).toBe(201);
    const { id } = (await next.json()) as { id: string };
    const history = ZClaimHistory.parse(await (await request("GET", `/api/claims/${id}/history`)).json());
    expect(history.items[0]?.changeNumber).toBe(before.cursor + 6);
    expect((await listOf(article.id)).cursor).toBe(before.cursor + 6);
  });

  it("waits for a transaction that is changing the article, and is not undone with it", async () => {
    const article = await buildArticle(db);
    const order: string[] = [];
    let created: Promise<Response> | undefined;
    const undone = db
      .$transaction(async (tx) => {
        await lockArticleForChanges(tx, article.id);
        await tx.article.update({ where: { id: article.id }, data: { title: "Renamed, then undone" } });
        created = request("POST", `/api/articles/${article.id}/claims`, {
          selectors: { quote: { exact: QUOTE } },
          verdict: "contradicted",
        }).then((response) => {
          order.push("created");
          return response;
        });
        await new Promise((resolve) => setTimeout(resolve, 100));
        order.push("undoing");
        throw new Error("undone on purpose");
      })
      .catch((error: Error) => error.message);
    expect(await undone).toBe("undone on purpose");
    const response = await (created as Promise<Response>);
    expect(response.status).toBe(201);
    expect(order).toEqual(["undoing", "created"]);
    const claim = ZClaim.parse(await response.json());
    const { items } = await listOf(article.id);
    expect(items).toEqual([claim]);
    const stored = await (await request("GET", `/api/articles/${article.id}`)).json();
    expect(stored.title).toBe(article.title);
  });

  it("sees what a write it waited for committed: a deleted article (404), a newer version (412), storing nothing", async () => {
    for (const [change, status] of [
      [{ deletedAt: new Date() }, 404],
      [{ version: { increment: 1 } }, 412],
    ] as const) {
      const article = await buildArticle(db);
      const response = await sendWhileArticleLocked(
        db,
        article.id,
        () =>
          request(
            "POST",
            `/api/articles/${article.id}/claims`,
            { selectors: { quote: { exact: QUOTE } } },
            { "If-Match": `"${article.version}"` },
          ),
        (tx) => tx.article.update({ where: { id: article.id }, data: change }),
      );
      expect(response.status, JSON.stringify(change)).toBe(status);
      expect(await db.claim.count({ where: { articleId: article.id } })).toBe(0);
    }
  });

  it("reads back through every route exactly as a claim stored by Prisma does", async () => {
    const article = await buildArticle(db);
    const input = { verdict: "contradicted" as const, speaker: "Robert Malley", rationale: "Said so on air." };
    // The Prisma path, as createClaim ran it before the statement batch.
    const byPrisma = await db.$transaction(async (tx) => {
      await lockArticleForChanges(tx, article.id);
      const { text } = (await findArticleText(tx, article.id)) as { text: string };
      const selectors = placeSelectors(text, { quote: { exact: "limited number" } });
      return insertClaim(tx, { id: timeOrderedId(), articleId: article.id, selectors, ...input }, SEED_ADMIN);
    });
    const response = await request("POST", `/api/articles/${article.id}/claims`, {
      selectors: { quote: { exact: QUOTE } },
      ...input,
    });
    expect(response.status).toBe(201);
    const answered = ZClaim.parse(await response.json());
    const { items, cursor } = await listOf(article.id);
    const [first, second] = items;
    // What differs between the two: where they are, their ids and when they were made.
    const comparable = (claim: typeof answered) => ({
      ...claim,
      id: "",
      selectors: null,
      createdAt: "",
      updatedAt: "",
    });
    expect(first).toEqual(byPrisma);
    expect(second).toEqual(answered);
    expect(comparable(answered)).toEqual(comparable(byPrisma));
    expect(answered.createdAt).toBe(answered.updatedAt);
    expect(ZClaim.parse(await (await request("GET", `/api/claims/${answered.id}`)).json())).toEqual(answered);
    const historyOf = async (id: string) =>
      ZClaimHistory.parse(await (await request("GET", `/api/claims/${id}/history`)).json());
    const [made] = (await historyOf(answered.id)).items;
    const [madeByPrisma] = (await historyOf(byPrisma.id)).items;
    expect(made).toMatchObject({ action: "claim.created", claimId: answered.id, changeNumber: cursor });
    expect({ ...made, id: "", at: "", claimId: "", changeNumber: 0, to: null }).toEqual({
      ...madeByPrisma,
      id: "",
      at: "",
      claimId: "",
      changeNumber: 0,
      to: null,
    });
    expect(made?.at).toBe(answered.createdAt);
    if (!onPostgres) {
      // Stored in the same types and formats, column by column (SQLite keeps whatever it is given).
      const stored = await db.$queryRawUnsafe<Record<string, unknown>[]>(
        `SELECT typeof("createdAt") AS "createdAtType", length("createdAt") AS "createdAtLength",
          substr("createdAt", -6) AS "createdAtZone", typeof("updatedAt") AS "updatedAtType",
          typeof("isOrphaned") AS "isOrphanedType", typeof("version") AS "versionType",
          typeof("changeNumber") AS "changeNumberType", typeof("verdictSetById") AS "verdictSetByType",
          typeof("status") AS "statusType", typeof("reviewRound") AS "reviewRoundType"
        FROM "Claim" WHERE "id" IN (?, ?) ORDER BY "start"`,
        byPrisma.id,
        answered.id,
      );
      expect(stored).toHaveLength(2);
      expect(stored[1]).toEqual(stored[0]);
      const events = await db.$queryRawUnsafe<Record<string, unknown>[]>(
        `SELECT typeof("at") AS "atType", length("at") AS "atLength", typeof("changeNumber") AS "changeNumberType",
          typeof("from") AS "fromType", typeof("to") AS "toType"
        FROM "Event" WHERE "claimId" IN (?, ?)`,
        byPrisma.id,
        answered.id,
      );
      expect(events).toHaveLength(2);
      expect(events[1]).toEqual(events[0]);
    }
  });

  it("is refused with 404 on a deleted article, and 422 where the quote is not, storing nothing", async () => {
    const article = await buildArticle(db);
    const unplaced = await expectUnchanged(db, () =>
      request("POST", `/api/articles/${article.id}/claims`, { selectors: { quote: { exact: "not in the text" } } }),
    );
    expect(unplaced.status).toBe(422);
    const deleted = await request("DELETE", `/api/articles/${article.id}`, undefined, {
      "If-Match": `"${article.version}"`,
    });
    expect(deleted.status).toBe(204);
    const missing = await expectUnchanged(db, () =>
      request("POST", `/api/articles/${article.id}/claims`, { selectors: { quote: { exact: QUOTE } } }),
    );
    expect(missing.status).toBe(404);
  });
});
