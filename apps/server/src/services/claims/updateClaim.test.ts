import { type Claim, ZClaim, ZClaimHistory, ZClaimList } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { type Db, isPostgres } from "../../db/createDatabase";
import { postgresPoolOf } from "../../db/postgresPool";
import { sqliteWriterOf } from "../../db/sqliteWriter";
import { timeOrderedId } from "../../db/timeOrderedId";
import { SEED_ADMIN } from "../../repositories/accountRepository";
import { buildArticle } from "../../test/buildArticle";
import { createTestApp } from "../../test/createTestApp";
import { expectUnchanged } from "../../test/expectUnchanged";
import { refuseChangeLogEntries } from "../../test/refuseChangeLogEntries";
import { sendWhileArticleLocked } from "../../test/sendWhileArticleLocked";
import { updateClaim } from "./updateClaim";

// On SQLite a claim is changed by one batch of kept statements on Prisma's own connection, on PostgreSQL by prepared
// statements on its pool, not by Prisma queries: these hold both to what the Prisma path does (a client extended
// with `$extends` takes that path).
const { db, request, userFor } = await createTestApp();
const onPostgres = isPostgres(db);
const byPrisma = db.$extends({}) as unknown as Db;

async function claimOn(articleId: string, exact: string): Promise<Claim> {
  const response = await request("POST", `/api/articles/${articleId}/claims`, { selectors: { quote: { exact } } });
  expect(response.status).toBe(201);
  return ZClaim.parse(await response.json());
}

async function change(claim: Claim, body: object): Promise<Response> {
  return request("PATCH", `/api/claims/${claim.id}`, body, { "If-Match": `"${claim.version}"` });
}

async function listOf(articleId: string) {
  return ZClaimList.parse(await (await request("GET", `/api/articles/${articleId}/claims`)).json());
}

const historyOf = async (id: string) =>
  ZClaimHistory.parse(await (await request("GET", `/api/claims/${id}/history`)).json()).items;

describe("changing a claim", () => {
  it("takes kept statements on SQLite, prepared ones on PostgreSQL, and Prisma for a client extended with $extends", () => {
    expect(sqliteWriterOf(db) !== undefined).toBe(!onPostgres);
    expect(postgresPoolOf(db) !== undefined).toBe(onPostgres);
    expect(sqliteWriterOf(byPrisma)).toBeUndefined();
    expect(postgresPoolOf(byPrisma)).toBeUndefined();
  });

  it("reads back through every route exactly as a change made through Prisma does", async () => {
    const article = await buildArticle(db);
    const [first, second] = [await claimOn(article.id, "limited number"), await claimOn(article.id, "dozens")];
    if (!first || !second) throw new Error("Two claims were made.");
    const editor = await userFor("editor");
    const input = { verdict: "contradicted", speaker: "Robert Malley", rationale: "Said so.", assigneeId: editor.id };
    const prismaAnswer = await updateClaim(byPrisma, SEED_ADMIN, first.id, first.version, input as never);
    const response = await change(second, input);
    expect(response.status).toBe(200);
    expect(response.headers.get("ETag")).toBe(`"${second.version + 1}"`);
    const answered = ZClaim.parse(await response.json());
    // What differs between the two: where they are, their ids and when they were changed.
    const comparable = (claim: Claim) => ({ ...claim, id: "", selectors: null, createdAt: "", updatedAt: "" });
    expect(comparable(answered)).toEqual(comparable(prismaAnswer));
    expect(answered).toMatchObject({
      verdict: "contradicted",
      speaker: "Robert Malley",
      rationale: "Said so.",
      version: second.version + 1,
      assignee: { id: editor.id, name: editor.name },
      verdictSetBy: { id: SEED_ADMIN.id, name: SEED_ADMIN.name },
    });
    expect(answered.updatedAt > second.updatedAt).toBe(true);
    const { items, cursor } = await listOf(article.id);
    expect(items).toEqual([prismaAnswer, answered]);
    expect(ZClaim.parse(await (await request("GET", `/api/claims/${answered.id}`)).json())).toEqual(answered);
    const entries = await historyOf(answered.id);
    const prismaEntries = await historyOf(prismaAnswer.id);
    expect(entries.map((entry) => entry.action)).toEqual(prismaEntries.map((entry) => entry.action));
    expect(entries.slice(0, 4).every((entry) => entry.changeNumber === cursor && entry.at === answered.updatedAt)).toBe(
      true,
    );
    // The entries of the change: the "created" one, last, names each claim's own words.
    const withoutIds = (entry: (typeof entries)[number]) => ({
      ...entry,
      id: "",
      at: "",
      claimId: "",
      changeNumber: 0,
    });
    expect(entries.slice(0, -1).map(withoutIds)).toEqual(prismaEntries.slice(0, -1).map(withoutIds));
    if (!onPostgres) {
      // Stored in the same types and formats, column by column (SQLite keeps whatever it is given).
      const columns = `typeof("updatedAt") AS "updatedAtType", length("updatedAt") AS "updatedAtLength",
        substr("updatedAt", -6) AS "updatedAtZone", typeof("version") AS "versionType",
        typeof("changeNumber") AS "changeNumberType", typeof("verdictSetById") AS "verdictSetByType",
        typeof("assigneeId") AS "assigneeType", typeof("reviewRound") AS "reviewRoundType"`;
      const stored = await db.$queryRawUnsafe<Record<string, unknown>[]>(
        `SELECT ${columns} FROM "Claim" WHERE "id" IN (?, ?) ORDER BY "start"`,
        prismaAnswer.id,
        answered.id,
      );
      expect(stored).toHaveLength(2);
      expect(stored[1]).toEqual(stored[0]);
    }
  });

  it("sends an approved claim back to review when its verdict changes, as the Prisma path does", async () => {
    const article = await buildArticle(db);
    const claims = [await claimOn(article.id, "limited number"), await claimOn(article.id, "dozens")];
    const approved: Claim[] = [];
    for (const claim of claims) {
      const ready = ZClaim.parse(
        await (await change(claim, { verdict: "contradicted", status: "ready-for-review" })).json(),
      );
      const review = await request(
        "POST",
        `/api/claims/${claim.id}/reviews`,
        { decision: "approve" },
        { "If-Match": `"${ready.version}"` },
        { as: "editor" },
      );
      expect(review.status).toBe(201);
      approved.push(ZClaim.parse(await (await request("GET", `/api/claims/${claim.id}`)).json()));
    }
    const [first, second] = approved as [Claim, Claim];
    expect(second).toMatchObject({ status: "approved", approvals: 1 });
    const prismaAnswer = await updateClaim(byPrisma, SEED_ADMIN, first.id, first.version, { verdict: "supported" });
    const response = await change(second, { verdict: "supported" });
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(200);
    const answered = ZClaim.parse(body);
    expect(answered).toMatchObject({ status: "ready-for-review", approvals: 0, verdict: "supported" });
    // What differs: ids, places and times, the review's too.
    const comparable = ({ latestReview, ...claim }: Claim) => ({
      ...claim,
      id: "",
      selectors: null,
      updatedAt: "",
      createdAt: "",
      latestReview: latestReview && { ...latestReview, id: "", claimId: "", at: "" },
    });
    expect(comparable(answered)).toEqual(comparable(prismaAnswer));
    expect((await historyOf(answered.id)).slice(0, 2).map((entry) => entry.action)).toEqual(
      (await historyOf(prismaAnswer.id)).slice(0, 2).map((entry) => entry.action),
    );
  });

  it("stores nothing, and takes no change number, when its history entry cannot be written", async () => {
    const article = await buildArticle(db);
    const claim = await claimOn(article.id, "limited number");
    const before = await listOf(article.id);
    const undo = await refuseChangeLogEntries(db, "claim.verdict_changed");
    try {
      const refused = await expectUnchanged(db, () => change(claim, { verdict: "contradicted", speaker: "Iravani" }));
      expect(refused.status).toBe(500);
    } finally {
      await undo();
    }
    expect(await listOf(article.id)).toEqual(before);
    expect((await change(claim, { verdict: "contradicted" })).status).toBe(200);
    expect((await listOf(article.id)).cursor).toBe(before.cursor + 1);
  });

  it("refuses a stale version (412 with the claim as it is), a missing claim (404) and a deleted one, storing nothing", async () => {
    const article = await buildArticle(db);
    const claim = await claimOn(article.id, "limited number");
    const changed = ZClaim.parse(await (await change(claim, { verdict: "supported" })).json());
    const stale = await expectUnchanged(db, () => change(claim, { verdict: "contradicted" }));
    expect(stale.status).toBe(412);
    const body = (await stale.json()) as { error: { code: string; details: { current: Claim } } };
    expect(body.error.code).toBe("PRECONDITION_FAILED");
    expect(body.error.details.current).toEqual(changed);
    const missing = await expectUnchanged(db, () =>
      change({ ...claim, id: timeOrderedId() }, { verdict: "supported" }),
    );
    expect(missing.status).toBe(404);
    expect((await request("DELETE", `/api/claims/${claim.id}`)).status).toBe(200);
    const deleted = await expectUnchanged(db, () =>
      change({ ...changed, version: changed.version + 1 }, { verdict: "contradicted" }),
    );
    expect(deleted.status).toBe(404);
  });

  it("refuses a deactivated assignee (422), storing nothing", async () => {
    const article = await buildArticle(db);
    const claim = await claimOn(article.id, "limited number");
    const reviewer = await userFor("reviewer");
    await db.account.update({ where: { id: reviewer.id }, data: { deactivatedAt: new Date() } });
    try {
      const refused = await expectUnchanged(db, () => change(claim, { assigneeId: reviewer.id, verdict: "supported" }));
      expect(refused.status).toBe(422);
      expect(((await refused.json()) as { error: { details: { reason: string } } }).error.details.reason).toBe(
        "deactivated",
      );
    } finally {
      await db.account.update({ where: { id: reviewer.id }, data: { deactivatedAt: null } });
    }
  });

  it("stores each of many changes made at once, each with its own change number, and leaves out the stale one", async () => {
    const article = await buildArticle(db);
    const quotes = ["limited number", "drones", "Robert Malley", "dozens", "totally unfounded"];
    const claims: Claim[] = [];
    for (const exact of quotes) claims.push(await claimOn(article.id, exact));
    const before = await listOf(article.id);
    const stale = { ...(claims[2] as Claim), version: 7 };
    const responses = await Promise.all(
      [...claims.slice(0, 2), stale, ...claims.slice(3)].map((claim) => change(claim, { verdict: "supported" })),
    );
    expect(responses.map((response) => response.status)).toEqual([200, 200, 412, 200, 200]);
    const after = await listOf(article.id);
    expect(after.items.map((claim) => claim.verdict)).toEqual(
      before.items.map((claim) => (claim.id === stale.id ? "unverified" : "supported")),
    );
    expect(after.cursor).toBe(before.cursor + 4);
    const numbers = await Promise.all(
      claims
        .filter((claim) => claim.id !== stale.id)
        .map(async (claim) => (await historyOf(claim.id))[0]?.changeNumber),
    );
    expect(numbers.sort((left = 0, right = 0) => left - right)).toEqual(
      [1, 2, 3, 4].map((offset) => before.cursor + offset),
    );
  });

  it("tells every reviewer who lost a race for one claim the claim as the winner left it", async () => {
    const article = await buildArticle(db);
    const claim = await claimOn(article.id, "limited number");
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) => change(claim, { rationale: `Reason ${index}.` })),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 412)).toHaveLength(19);
    const winner = ZClaim.parse(await (await request("GET", `/api/claims/${claim.id}`)).json());
    for (const response of responses.filter((answer) => answer.status === 412)) {
      const body = (await response.json()) as { error: { details: { current: Claim } } };
      expect(body.error.details.current).toEqual(winner);
    }
  });

  it("sees its article deleted by a write it waited for: a change or a deletion of the claim is 404, storing nothing", async () => {
    for (const send of [
      (claim: Claim) => change(claim, { verdict: "contradicted" }),
      (claim: Claim) => request("DELETE", `/api/claims/${claim.id}`),
    ]) {
      const article = await buildArticle(db);
      const claim = await claimOn(article.id, "limited number");
      const response = await sendWhileArticleLocked(
        db,
        article.id,
        () => send(claim),
        (tx) => tx.article.update({ where: { id: article.id }, data: { deletedAt: new Date() } }),
      );
      expect(response.status).toBe(404);
      const stored = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
      expect({ version: stored.version, verdict: stored.verdict, deletedAt: stored.deletedAt }).toEqual({
        version: claim.version,
        verdict: claim.verdict,
        deletedAt: null,
      });
      expect(await db.event.count({ where: { claimId: claim.id } })).toBe(1);
    }
  });
});
