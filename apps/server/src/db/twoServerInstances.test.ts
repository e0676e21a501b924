import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Claim, ZArticleList, ZClaim, ZClaimList, ZLiveChange, ZSearchResults } from "@factmark/core";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../app";
import { hashPassword } from "../auth/password";
import { SESSION_COOKIE } from "../auth/sessionCookie";
import { PROJECT_ROOT } from "../config";
import { startSession } from "../domain/startSession";
import { ensureAccount, SEED_ADMIN } from "../repositories/accountRepository";
import { ARTICLE_CONTENT } from "../test/buildArticle";
import { createTestDatabase } from "../test/createTestApp";
import { readEventStream } from "../test/readEventStream";
import { createDatabase, type Db } from "./createDatabase";
import { readMigrations } from "./migrate";

// Two servers behind a load balancer: two apps over two database clients (two pools) on one database.
// Whatever one writes, the other reads at once; nothing a request needs lives in a process's memory.
const database = await createTestDatabase();
const first = await createDatabase(database.url);
// The second start finds the schema up to date and applies nothing again.
const second = await createDatabase(database.url);
await ensureAccount(first, SEED_ADMIN);
await first.account.update({
  where: { id: SEED_ADMIN.id },
  data: { passwordHash: await hashPassword("two servers, one admin") },
});
// One session, valid on either server: sessions live in the database, not in a process.
const session = await startSession(first, SEED_ADMIN.id, 60_000);
afterAll(async () => {
  await Promise.all([first.$disconnect(), second.$disconnect()]);
  await database.drop();
});

function server(db: Db) {
  const app = createApp({ db });
  return (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    Promise.resolve(
      app.request(url, {
        method,
        headers: {
          cookie: `${SESSION_COOKIE}=${session.token}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
}
const serverA = server(first);
const serverB = server(second);

describe("two server instances on one database", () => {
  it("record each migration once", async () => {
    const rows = await second.$queryRawUnsafe<{ name: string }[]>(`SELECT "name" FROM "_factmark_migrations"`);
    expect(rows.map((row) => row.name).sort()).toEqual(readMigrations().map((migration) => migration.name));
  });

  it("see each other's writes, and a stale write on one is refused by the other", async () => {
    const created = await serverA("POST", "/api/articles", {
      title: "Shared",
      format: "text",
      content: ARTICLE_CONTENT,
    });
    expect(created.status).toBe(201);
    const article = (await created.json()) as { id: string; text: string };

    const listed = await serverB("GET", "/api/articles");
    expect(ZArticleList.parse(await listed.json()).items.map((summary) => summary.id)).toContain(article.id);

    const start = article.text.indexOf("dozens");
    const claimed = await serverB("POST", `/api/articles/${article.id}/claims`, {
      selectors: { position: { start, end: start + "dozens".length } },
    });
    expect(claimed.status).toBe(201);
    const claim: Claim = ZClaim.parse(await claimed.json());

    const claimsOnA = ZClaimList.parse(await (await serverA("GET", `/api/articles/${article.id}/claims`)).json());
    expect(claimsOnA.items.map((each) => each.id)).toEqual([claim.id]);

    const changed = await serverA(
      "PATCH",
      `/api/claims/${claim.id}`,
      { verdict: "contradicted" },
      { "If-Match": `"${claim.version}"` },
    );
    expect(changed.status).toBe(200);

    // B still holds version 1: its write must lose, and it must see A's verdict.
    const stale = await serverB(
      "PATCH",
      `/api/claims/${claim.id}`,
      { verdict: "supported" },
      { "If-Match": `"${claim.version}"` },
    );
    expect(stale.status).toBe(412);
    const onB = ZClaim.parse(await (await serverB("GET", `/api/claims/${claim.id}`)).json());
    expect(onB).toMatchObject({ verdict: "contradicted", version: claim.version + 1 });

    expect(
      (await serverB("DELETE", `/api/claims/${claim.id}`, undefined, { "If-Match": `"${onB.version}"` })).status,
    ).toBe(200);
    const afterDelete = ZClaimList.parse(await (await serverA("GET", `/api/articles/${article.id}/claims`)).json());
    expect(afterDelete.items).toEqual([]);
  });

  it("count an article's claims in the list and its status filter as the other instance changes them", async () => {
    const created = await serverA("POST", "/api/articles", {
      title: "Counted",
      format: "text",
      content: ARTICLE_CONTENT,
    });
    const article = (await created.json()) as { id: string; text: string };
    const start = article.text.indexOf("dozens");
    const claim = ZClaim.parse(
      await (
        await serverA("POST", `/api/articles/${article.id}/claims`, {
          selectors: { position: { start, end: start + "dozens".length } },
        })
      ).json(),
    );
    const summaryOnA = async () =>
      ZArticleList.parse(await (await serverA("GET", "/api/articles")).json()).items.find(
        (item) => item.id === article.id,
      );
    const inStatusOnA = async (status: string) =>
      ZSearchResults.parse(
        await (await serverA("GET", `/api/search?q=&kind=article&status=${status}`)).json(),
      ).items.some((item) => item.article.id === article.id);
    expect(await summaryOnA()).toMatchObject({ counts: { unverified: 1 }, progress: { withVerdict: 0 } });
    expect(await inStatusOnA("no-verdicts")).toBe(true);

    const judged = await serverB(
      "PATCH",
      `/api/claims/${claim.id}`,
      { verdict: "supported" },
      { "If-Match": `"${claim.version}"` },
    );
    expect(judged.status).toBe(200);

    expect(await summaryOnA()).toMatchObject({ counts: { supported: 1, unverified: 0 }, progress: { withVerdict: 1 } });
    expect(await inStatusOnA("no-verdicts")).toBe(false);
  });

  it("tell a reviewer whose stream is on one instance of a change made through the other", async () => {
    const created = await serverA("POST", "/api/articles", { title: "Live", format: "text", content: ARTICLE_CONTENT });
    const article = (await created.json()) as { id: string; text: string };
    const stream = readEventStream(await serverA("GET", `/api/articles/${article.id}/events`));
    await stream.next("hello");
    const start = article.text.indexOf("dozens");
    const claimed = await serverB("POST", `/api/articles/${article.id}/claims`, {
      selectors: { position: { start, end: start + "dozens".length } },
    });
    const claim = ZClaim.parse(await claimed.json());
    expect(ZLiveChange.parse((await stream.next("change")).data).claimIds).toEqual([claim.id]);
    await stream.close();
  });

  it.runIf(database.url.startsWith("postgres"))(
    "tell a reviewer of a change another server process made (PostgreSQL NOTIFY)",
    { timeout: 60_000 },
    async () => {
      const created = await serverA("POST", "/api/articles", {
        title: "Far",
        format: "text",
        content: ARTICLE_CONTENT,
      });
      const article = (await created.json()) as { id: string };
      const stream = readEventStream(await serverA("GET", `/api/articles/${article.id}/events`));
      await stream.next("hello");
      const script = fileURLToPath(new URL("../test/markClaimFromAnotherProcess.ts", import.meta.url));
      const claimId = execFileSync(
        path.join(PROJECT_ROOT, "node_modules/.bin/tsx"),
        [script, database.url, article.id, "dozens"],
        {
          encoding: "utf8",
        },
      ).trim();
      // NOTIFY brings it at once; a lost one, the 5 s poll. The bound is generous: at the end of a loaded CI run the
      // other process's tsx start and this process's event loop are slow, and the bound is not what is tested.
      expect(ZLiveChange.parse((await stream.next("change", 30_000)).data).claimIds).toEqual([claimId]);
      await stream.close();
    },
  );
});
