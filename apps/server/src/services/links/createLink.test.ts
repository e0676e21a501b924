import { type Claim, type Link, ZClaimHistory, ZLink, ZLinkList } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { type Db, isPostgres } from "../../db/createDatabase";
import { postgresPoolOf } from "../../db/postgresPool";
import { sqliteWriterOf } from "../../db/sqliteWriter";
import { SEED_ADMIN } from "../../repositories/accountRepository";
import { buildArticle } from "../../test/buildArticle";
import { buildClaim } from "../../test/buildClaim";
import { createTestApp } from "../../test/createTestApp";
import { expectUnchanged } from "../../test/expectUnchanged";
import { refuseChangeLogEntries } from "../../test/refuseChangeLogEntries";
import { sendWhileArticleLocked } from "../../test/sendWhileArticleLocked";
import { createLink } from "./createLink";

// On SQLite a link is made by one batch of kept statements on Prisma's own connection, on PostgreSQL by two prepared
// statements on its pool, not by Prisma queries: these hold both to what the Prisma path does (a client extended
// with `$extends` takes that path).
const { db, request } = await createTestApp();
const onPostgres = isPostgres(db);
const byPrisma = db.$extends({}) as unknown as Db;

const QUOTES = ["limited number", "dozens", "drones", "totally unfounded"] as const;

async function articleWithClaims() {
  const article = await buildArticle(db);
  const claims: Claim[] = [];
  for (const exact of QUOTES) claims.push(await buildClaim(db, article, exact));
  return { article, claims: claims as [Claim, Claim, Claim, Claim], url: `/api/articles/${article.id}/links` };
}

async function linksOf(articleId: string, since?: number) {
  const query = since === undefined ? "" : `?since=${since}`;
  return ZLinkList.parse(await (await request("GET", `/api/articles/${articleId}/links${query}`)).json());
}

const historyOf = async (id: string) =>
  ZClaimHistory.parse(await (await request("GET", `/api/claims/${id}/history`)).json()).items;

const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; details?: Record<string, unknown> } }).error;

describe("making a link", () => {
  it("takes kept statements on SQLite, prepared ones on PostgreSQL, and Prisma for a client extended with $extends", () => {
    expect(sqliteWriterOf(db) !== undefined).toBe(!onPostgres);
    expect(postgresPoolOf(db) !== undefined).toBe(onPostgres);
    expect(sqliteWriterOf(byPrisma)).toBeUndefined();
    expect(postgresPoolOf(byPrisma)).toBeUndefined();
  });

  it("reads back through every route, and in both claims' history, exactly as a link made through Prisma does", async () => {
    const { article, claims, url } = await articleWithClaims();
    const [first, second, third, fourth] = claims;
    const before = await linksOf(article.id);
    const input = { kind: "contradicts", note: "  Months before the war vs. this summer " } as const;
    const prismaMade = await createLink(byPrisma, SEED_ADMIN, article.id, {
      ...input,
      fromClaimId: first.id,
      toClaimId: second.id,
    });
    const response = await request("POST", url, { ...input, fromClaimId: third.id, toClaimId: fourth.id });
    expect(response.status).toBe(201);
    const made = ZLink.parse(await response.json());
    expect(response.headers.get("Location")).toBe(`/api/links/${made.id}`);
    // What differs between the two: their ids, their claims and when they were made.
    const comparable = (link: Link) => ({ ...link, id: "", fromClaimId: "", toClaimId: "", createdAt: "" });
    expect(comparable(made)).toEqual(comparable(prismaMade));
    expect(made).toMatchObject({ note: "Months before the war vs. this summer", createdBy: { id: "local-reviewer" } });
    const after = await linksOf(article.id);
    expect(after.items).toEqual([prismaMade, made]);
    expect(after.cursor).toBe((before.cursor ?? 0) + 2);
    // Listed as changed after the cursor before it, and not after its own change number.
    expect((await linksOf(article.id, (after.cursor ?? 0) - 1)).items).toEqual([made]);
    expect((await linksOf(article.id, after.cursor)).items).toEqual([]);
    const withoutIds = (entry: Awaited<ReturnType<typeof historyOf>>[number]) => ({
      ...entry,
      id: "",
      at: "",
      claimId: "",
      changeNumber: 0,
      to: {
        ...("to" in entry ? (entry.to as object) : {}),
        linkId: "",
        otherClaimId: "",
        otherQuote: "",
        fromClaimId: "",
        toClaimId: "",
      },
    });
    for (const [claim, prismaClaim, other] of [
      [third, first, fourth],
      [fourth, second, third],
    ] as const) {
      const [entry] = await historyOf(claim.id);
      const [prismaEntry] = await historyOf(prismaClaim.id);
      if (!entry || !prismaEntry) throw new Error("Each claim has an entry of its link.");
      expect(entry).toMatchObject({
        action: "link.added",
        changeNumber: after.cursor,
        at: made.createdAt,
        to: { linkId: made.id, kind: "contradicts", otherClaimId: other.id, otherQuote: other.selectors.quote.exact },
      });
      expect(withoutIds(entry)).toEqual(withoutIds(prismaEntry));
    }
    if (!onPostgres) {
      // Stored in the same types and formats, column by column (SQLite keeps whatever it is given).
      const columns = `typeof("createdAt") AS "createdAtType", length("createdAt") AS "createdAtLength",
        substr("createdAt", -6) AS "createdAtZone", typeof("changeNumber") AS "changeNumberType",
        typeof("note") AS "noteType", typeof("deletedAt") AS "deletedAtType",
        typeof("originalAuthorName") AS "originalAuthorNameType"`;
      const stored = await db.$queryRawUnsafe<Record<string, unknown>[]>(
        `SELECT ${columns} FROM "Link" WHERE "id" IN (?, ?) ORDER BY "id"`,
        prismaMade.id,
        made.id,
      );
      expect(stored).toHaveLength(2);
      expect(stored[1]).toEqual(stored[0]);
    }
  });

  it("says on both claims' entries that the link came from a suggestion, as the Prisma path does", async () => {
    const { article, claims, url } = await articleWithClaims();
    const [first, second, third, fourth] = claims;
    await createLink(byPrisma, SEED_ADMIN, article.id, {
      kind: "contradicts",
      fromClaimId: first.id,
      toClaimId: second.id,
      fromSuggestion: true,
    });
    const response = await request("POST", url, {
      kind: "contradicts",
      fromClaimId: third.id,
      toClaimId: fourth.id,
      fromSuggestion: true,
    });
    expect(response.status).toBe(201);
    for (const claim of claims) {
      expect((await historyOf(claim.id))[0]).toMatchObject({ action: "link.added", to: { fromSuggestion: true } });
    }
  });

  it("refuses a pair already linked as this kind, either way round, with the link there (409), storing nothing", async () => {
    const { claims, url } = await articleWithClaims();
    const [first, second] = claims;
    const made = ZLink.parse(
      await (await request("POST", url, { kind: "supports", fromClaimId: first.id, toClaimId: second.id })).json(),
    );
    for (const [fromClaim, toClaim] of [
      [first, second],
      [second, first],
    ] as const) {
      const refused = await expectUnchanged(db, () =>
        request("POST", url, { kind: "supports", fromClaimId: fromClaim.id, toClaimId: toClaim.id }),
      );
      expect(refused.status).toBe(409);
      const error = await errorOf(refused);
      expect(error.code).toBe("CONFLICT");
      expect(error.details?.current).toEqual(made);
    }
    // Another kind on the same pair is another link.
    const other = await request("POST", url, { kind: "contradicts", fromClaimId: second.id, toClaimId: first.id });
    expect(other.status).toBe(201);
  });

  it("makes one link of twenty identical requests at once; the others are told which link is there", async () => {
    const { article, claims, url } = await articleWithClaims();
    const [first, second] = claims;
    const before = await linksOf(article.id);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        request(
          "POST",
          url,
          index % 2 === 0
            ? { kind: "contradicts", fromClaimId: first.id, toClaimId: second.id }
            : { kind: "contradicts", fromClaimId: second.id, toClaimId: first.id },
        ),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    const after = await linksOf(article.id);
    expect(after.items).toHaveLength(1);
    // One change: the refused ones took no change number.
    expect(after.cursor).toBe((before.cursor ?? 0) + 1);
    for (const response of responses.filter((answer) => answer.status === 409)) {
      expect((await errorOf(response)).details?.current).toEqual(after.items[0]);
    }
  });

  it("stores nothing, and takes no change number, when its history entries cannot be written", async () => {
    const { article, claims, url } = await articleWithClaims();
    const [first, second] = claims;
    const before = await linksOf(article.id);
    const undo = await refuseChangeLogEntries(db, "link.added");
    try {
      const refused = await expectUnchanged(db, () =>
        request("POST", url, { kind: "contradicts", fromClaimId: first.id, toClaimId: second.id }),
      );
      expect(refused.status).toBe(500);
    } finally {
      await undo();
    }
    expect(await linksOf(article.id)).toEqual(before);
    const made = await request("POST", url, { kind: "contradicts", fromClaimId: first.id, toClaimId: second.id });
    expect(made.status).toBe(201);
    expect((await linksOf(article.id)).cursor).toBe((before.cursor ?? 0) + 1);
  });

  it("refuses a deleted article (404), claims of another article (422) and a deleted claim (422), storing nothing", async () => {
    const { article, claims, url } = await articleWithClaims();
    const [first, second, third] = claims;
    const elsewhere = await articleWithClaims();
    const [stranger, otherStranger] = elsewhere.claims;
    const neither = await expectUnchanged(db, () =>
      request("POST", url, { kind: "contradicts", fromClaimId: stranger.id, toClaimId: otherStranger.id }),
    );
    expect(neither.status).toBe(422);
    expect((await errorOf(neither)).details).toMatchObject({ reason: "claim_not_in_article", field: "fromClaimId" });
    const one = await expectUnchanged(db, () =>
      request("POST", url, { kind: "contradicts", fromClaimId: first.id, toClaimId: stranger.id }),
    );
    expect(one.status).toBe(422);
    expect((await errorOf(one)).details).toMatchObject({ reason: "claim_not_in_article", field: "toClaimId" });
    expect((await request("DELETE", `/api/claims/${third.id}`)).status).toBe(200);
    const deleted = await expectUnchanged(db, () =>
      request("POST", url, { kind: "contradicts", fromClaimId: third.id, toClaimId: second.id }),
    );
    expect(deleted.status).toBe(422);
    expect((await errorOf(deleted)).details).toMatchObject({ reason: "claim_deleted", field: "fromClaimId" });
    expect((await request("DELETE", `/api/articles/${article.id}`)).ok).toBe(true);
    const gone = await expectUnchanged(db, () =>
      request("POST", url, { kind: "contradicts", fromClaimId: first.id, toClaimId: second.id }),
    );
    expect(gone.status).toBe(404);
  });

  it("sees what a write it waited for committed: a claim deleted (422) or the article deleted (404), storing nothing", async () => {
    for (const deleting of ["claim", "article"] as const) {
      const { article, claims, url } = await articleWithClaims();
      const [first, second] = claims;
      const response = await sendWhileArticleLocked(
        db,
        article.id,
        () => request("POST", url, { kind: "contradicts", fromClaimId: first.id, toClaimId: second.id }),
        (tx) =>
          deleting === "claim"
            ? tx.claim.update({ where: { id: second.id }, data: { deletedAt: new Date() } })
            : tx.article.update({ where: { id: article.id }, data: { deletedAt: new Date() } }),
      );
      expect(response.status, deleting).toBe(deleting === "claim" ? 422 : 404);
      expect(await db.link.count({ where: { articleId: article.id } })).toBe(0);
    }
  });

  it("is not restored to a claim deleted by a write the restore waited for (422), storing nothing", async () => {
    const { article, claims, url } = await articleWithClaims();
    const [first, second] = claims;
    const made = ZLink.parse(
      await (await request("POST", url, { kind: "contradicts", fromClaimId: first.id, toClaimId: second.id })).json(),
    );
    expect((await request("DELETE", `/api/links/${made.id}`)).status).toBe(200);
    const response = await sendWhileArticleLocked(
      db,
      article.id,
      () => request("POST", `/api/links/${made.id}/restore`),
      (tx) => tx.claim.update({ where: { id: second.id }, data: { deletedAt: new Date() } }),
    );
    expect(response.status).toBe(422);
    expect((await db.link.findUniqueOrThrow({ where: { id: made.id } })).deletedAt).not.toBeNull();
  });
});
