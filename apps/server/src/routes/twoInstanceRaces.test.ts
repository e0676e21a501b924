import { ZLinkList, ZUserList } from "@factmark/core";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../app";
import { SESSION_COOKIE } from "../auth/sessionCookie";
import { createDatabase, type Db, isPostgres } from "../db/createDatabase";
import { startSession } from "../domain/startSession";
import { ensureAccount, SEED_ADMIN } from "../repositories/accountRepository";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { createTestDatabase } from "../test/createTestApp";

// Two servers behind a load balancer (two apps over two database clients on one database), each request
// sent at the same instant as its rivals, many rounds over: a check-then-write that is not serialised by
// the database loses one of these rounds on PostgreSQL. SQLite runs the same rounds through two apps on one
// client: one process per SQLite file is how it is deployed (a second writer process gets SQLITE_BUSY).
const ROUNDS = 20;
const database = await createTestDatabase();
const first = await createDatabase(database.url);
const second = isPostgres(first) ? await createDatabase(database.url) : first;
afterAll(async () => {
  await Promise.all([first.$disconnect(), second.$disconnect()]);
  await database.drop();
});

await ensureAccount(first, SEED_ADMIN);
// Not a real hash: nobody logs in here, sessions are made directly. Only "has a password" matters.
await first.account.update({ where: { id: SEED_ADMIN.id }, data: { passwordHash: "unused", role: "editor" } });
const seedSession = await startSession(first, SEED_ADMIN.id, 60 * 60_000);

async function makeAccount(id: string, role: string): Promise<string> {
  await first.account.create({ data: { id, name: id, email: `${id}@factmark.test`, role, passwordHash: "unused" } });
  const session = await startSession(first, id, 60 * 60_000);
  return `${SESSION_COOKIE}=${session.token}`;
}

function server(db: Db) {
  const app = createApp({
    db,
    security: { writeLimit: { capacity: 1_000_000, perMinute: 1_000_000 } },
  });
  return (method: string, url: string, cookie: string, body?: unknown, headers: Record<string, string> = {}) =>
    Promise.resolve(
      app.request(url, {
        method,
        headers: {
          cookie,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
}
const serverA = server(first);
const serverB = server(second);

describe("two admins demoting each other at the same moment, on two instances", () => {
  it("leave exactly one admin: one demotion succeeds, the other is refused", { timeout: 120_000 }, async () => {
    const cookieX = await makeAccount("admin-x", "admin");
    const cookieY = await makeAccount("admin-y", "admin");
    for (let round = 0; round < ROUNDS; round += 1) {
      await first.account.updateMany({ where: { id: { in: ["admin-x", "admin-y"] } }, data: { role: "admin" } });
      const [x, y] = await Promise.all(
        ["admin-x", "admin-y"].map((id) => first.account.findUniqueOrThrow({ where: { id } })),
      );
      const answers = await Promise.all([
        serverA("PATCH", `/api/users/${y?.id}`, cookieX, { role: "editor" }, { "If-Match": `"${y?.version}"` }),
        serverB("PATCH", `/api/users/${x?.id}`, cookieY, { role: "editor" }, { "If-Match": `"${x?.version}"` }),
      ]);
      const statuses = answers.map((answer) => answer.status).sort();
      // The loser is refused as the last admin (409), or, when its request came after the winner's commit,
      // as no longer an admin (403).
      expect(
        statuses.filter((status) => status === 200),
        `round ${round}: ${statuses}`,
      ).toHaveLength(1);
      expect([403, 409]).toContain(statuses.find((status) => status !== 200));
      const admins = await first.account.count({ where: { role: "admin" } });
      expect(admins, `round ${round}`).toBe(1);
    }
    const winnerCookie = (await first.account.findFirstOrThrow({ where: { role: "admin" } })).id === "admin-x";
    const listed = await serverA("GET", "/api/users", winnerCookie ? cookieX : cookieY);
    expect(ZUserList.parse(await listed.json()).items.filter((user) => user.role === "admin")).toHaveLength(1);
  });
});

describe("two admins, one deactivating the other while that one demotes or deactivates the first", () => {
  it("leave exactly one admin who can sign in", { timeout: 120_000 }, async () => {
    await makeAccount("admin-p", "admin");
    await makeAccount("admin-q", "admin");
    for (let round = 0; round < ROUNDS; round += 1) {
      await first.account.updateMany({
        where: { id: { in: ["admin-p", "admin-q"] } },
        data: { role: "admin", deactivatedAt: null },
      });
      await first.account.updateMany({ where: { id: { notIn: ["admin-p", "admin-q"] } }, data: { role: "editor" } });
      const [p, q] = await Promise.all(
        ["admin-p", "admin-q"].map((id) => first.account.findUniqueOrThrow({ where: { id } })),
      );
      const [sessionP, sessionQ] = await Promise.all(
        ["admin-p", "admin-q"].map((id) => startSession(first, id, 60 * 60_000)),
      );
      const cookieP = `${SESSION_COOKIE}=${sessionP?.token}`;
      const cookieQ = `${SESSION_COOKIE}=${sessionQ?.token}`;
      // Odd rounds: the other admin deactivates too; even rounds: it demotes.
      const counter =
        round % 2 === 1
          ? serverB("POST", `/api/users/${p?.id}/deactivate`, cookieQ, undefined, { "If-Match": `"${p?.version}"` })
          : serverB("PATCH", `/api/users/${p?.id}`, cookieQ, { role: "viewer" }, { "If-Match": `"${p?.version}"` });
      const answers = await Promise.all([
        serverA("POST", `/api/users/${q?.id}/deactivate`, cookieP, undefined, { "If-Match": `"${q?.version}"` }),
        counter,
      ]);
      const statuses = answers.map((answer) => answer.status);
      expect(
        statuses.filter((status) => status === 200),
        `round ${round}: ${statuses}`,
      ).toHaveLength(1);
      expect([401, 403, 409]).toContain(statuses.find((status) => status !== 200));
      const admins = await first.account.count({ where: { role: "admin", deactivatedAt: null } });
      expect(admins, `round ${round}`).toBe(1);
    }
  });
});

describe("the same link posted four times at once, on two instances", () => {
  it("is made once: one 201, three 409 naming the link there, one live link", { timeout: 120_000 }, async () => {
    const cookie = `${SESSION_COOKIE}=${seedSession.token}`;
    const article = await buildArticle(first);
    const [a, b] = await Promise.all([
      buildClaim(first, article, "sold a limited number of drones"),
      buildClaim(first, article, "transferred dozens just this summer"),
    ]);
    for (let round = 0; round < ROUNDS; round += 1) {
      // Both directions: a link from A to B and one from B to A are the same link.
      const bodies = [
        { fromClaimId: a.id, toClaimId: b.id, kind: "contradicts" },
        { fromClaimId: b.id, toClaimId: a.id, kind: "contradicts" },
      ];
      const answers = await Promise.all([
        serverA("POST", `/api/articles/${article.id}/links`, cookie, bodies[0]),
        serverB("POST", `/api/articles/${article.id}/links`, cookie, bodies[0]),
        serverA("POST", `/api/articles/${article.id}/links`, cookie, bodies[1]),
        serverB("POST", `/api/articles/${article.id}/links`, cookie, bodies[1]),
      ]);
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses, `round ${round}`).toEqual([201, 409, 409, 409]);
      const created = (await answers.find((answer) => answer.status === 201)?.json()) as { id: string };
      for (const refused of answers.filter((answer) => answer.status === 409)) {
        const body = (await refused.json()) as { error: { message: string; details?: { current?: { id: string } } } };
        expect(body.error.message).toMatch(/already linked/);
        expect(body.error.details?.current?.id).toBe(created.id);
      }
      const listed = ZLinkList.parse(await (await serverB("GET", `/api/articles/${article.id}/links`, cookie)).json());
      expect(listed.items.map((link) => link.id)).toEqual([created.id]);
      // Removed, the pair may be linked again in the next round.
      expect((await serverA("DELETE", `/api/links/${created.id}`, cookie)).status).toBe(200);
    }
    expect(await first.link.count({ where: { articleId: article.id, deletedAt: null } })).toBe(0);
    expect(await first.link.count({ where: { articleId: article.id } })).toBe(ROUNDS);
  });
});
