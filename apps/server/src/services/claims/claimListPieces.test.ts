import { crc32, gunzipSync } from "node:zlib";
import { type Article, type Claim, plainTextToDoc, selectorsForRange, ZUserList } from "@factmark/core";
import { afterAll, describe, expect, it } from "vitest";
import { seededPicks as randomFrom } from "../../../../../packages/core/src/testing/seededRandom";
import { timeOrderedId } from "../../db/timeOrderedId";
import { SEED_ADMIN } from "../../repositories/accountRepository";
import { insertClaim, listClaimsOfArticle } from "../../repositories/claimRepository";
import { lockArticleForChanges } from "../../repositories/eventRepository";
import { buildArticle } from "../../test/buildArticle";
import { createTestApp } from "../../test/createTestApp";
import { closeHeavyWork } from "../../work/heavyWork";
import { claimListPieces } from "./claimListPieces";
import { crc32Combine } from "./crc32Combine";
import { createClaim } from "./createClaim";
import { deleteClaim, restoreClaim } from "./deleteClaim";
import { KEPT_GZIP_MIN_BYTES, listClaims } from "./listClaims";
import { updateClaim } from "./updateClaim";

const testApp = await createTestApp();
const { db, request } = testApp;
// Saves re-anchor on the worker pool.
afterAll(() => closeHeavyWork());

/** Sentences enough for `claims` claims, one a sentence, in paragraphs of five; some with characters beyond ASCII. */
function longArticleText(claims: number): string {
  const sentences = Array.from(
    { length: claims },
    (_, index) => `Envoy ${index} said Iran sold ${index % 7 === 0 ? "dozens of drones 🚁" : "a limited number"} then.`,
  );
  const paragraphs: string[] = [];
  for (let index = 0; index < sentences.length; index += 5)
    paragraphs.push(sentences.slice(index, index + 5).join(" "));
  return paragraphs.join("\n");
}

/** The whole list as a fresh read makes it, past every kept list and kept byte: what the answer must be, exactly. */
async function freshJson(articleId: string): Promise<string> {
  const fresh = await listClaimsOfArticle(db, articleId, -1);
  if (!fresh) throw new Error("The article is gone.");
  return JSON.stringify({ items: fresh.items, deletedIds: [], cursor: fresh.cursor });
}

/** GET …/claims as a client without gzip and as one with it: both answers' JSON text. */
async function answeredJson(articleId: string): Promise<{ plain: string; gzipped: string; isGzip: boolean }> {
  const path = `/api/articles/${articleId}/claims`;
  const plain = await request("GET", path);
  expect(plain.status).toBe(200);
  const gzipped = await request("GET", path, undefined, { "Accept-Encoding": "gzip" });
  expect(gzipped.status).toBe(200);
  const isGzip = gzipped.headers.get("Content-Encoding") === "gzip";
  const bytes = Buffer.from(await gzipped.arrayBuffer());
  return { plain: await plain.text(), gzipped: (isGzip ? gunzipSync(bytes) : bytes).toString("utf8"), isGzip };
}

/**
 * An article of `claims` sentences, each marked, written in one transaction under the article's change lock as the
 * bench writes its articles (a transaction per claim takes most of a minute on PostgreSQL).
 */
async function buildLongArticle(claims: number): Promise<{ article: Article; claimIds: string[] }> {
  const article = await buildArticle(db, { content: longArticleText(claims) });
  const claimIds: string[] = [];
  await db.$transaction(
    async (tx) => {
      await lockArticleForChanges(tx, article.id);
      let start = 0;
      for (let index = 0; index < claims; index++) {
        const end = article.text.indexOf(".", start) + 1;
        const claim = await insertClaim(
          tx,
          {
            id: timeOrderedId(),
            articleId: article.id,
            selectors: selectorsForRange(article.text, start, end),
            verdict: "unverified",
            speaker: index % 3 === 0 ? null : `Envoy ${index}`,
            rationale: `Checked against the transcript of "${index}" — <b>twice</b> & more.`,
          },
          SEED_ADMIN,
        );
        claimIds.push(claim.id);
        start = end + 1;
      }
    },
    { timeout: 60_000 },
  );
  return { article, claimIds };
}

const OPERATIONS = ["verdict", "rationale", "delete", "restore", "create", "assign", "rename account", "edit text"];

describe("the claim list's JSON kept in runs of claims", () => {
  // A long test: 40 changes of a 300-claim article, each read back three ways.
  it("answers the bytes of JSON.stringify of a fresh read, plain and gzipped, after seeded changes of every kind", {
    timeout: 120_000,
  }, async () => {
    const seed = Number(process.env.CLAIM_LIST_SEED ?? 20261202);
    const random = randomFrom(seed);
    // 300 claims: five runs of claims and more, and past the size whose gzip is kept.
    const { article, claimIds } = await buildLongArticle(300);
    const deleted = new Set<string>();
    const done = new Set<string>();
    const first = await answeredJson(article.id);
    expect(first.plain).toBe(await freshJson(article.id));
    expect(first.isGzip).toBe(true);
    expect(first.plain.length).toBeGreaterThan(KEPT_GZIP_MIN_BYTES);

    async function current(id: string): Promise<Claim> {
      const list = await listClaims(db, article.id, -1);
      const claim = list.items.find((item) => item.id === id);
      if (!claim) throw new Error(`Claim ${id} is not live.`);
      return claim;
    }
    const live = () => claimIds.filter((id) => !deleted.has(id));

    async function apply(operation: string): Promise<void> {
      switch (operation) {
        case "verdict": {
          const claim = await current(random.pick(live()));
          await updateClaim(db, SEED_ADMIN, claim.id, claim.version, {
            verdict: random.pick(["unverified", "supported", "contradicted"] as const),
          });
          return;
        }
        case "rationale": {
          const claim = await current(random.pick(live()));
          await updateClaim(db, SEED_ADMIN, claim.id, claim.version, {
            rationale: `Rewritten ${random.below(1000)}: "quoted", ünïcödé and 🚁.`,
          });
          return;
        }
        case "delete": {
          const id = random.pick(live());
          await deleteClaim(db, SEED_ADMIN, id);
          deleted.add(id);
          return;
        }
        case "restore": {
          if (deleted.size === 0) return apply("delete");
          const id = random.pick([...deleted]);
          await restoreClaim(db, SEED_ADMIN, id);
          deleted.delete(id);
          return;
        }
        case "create": {
          // Inside a sentence already marked: the new claim goes between the claims of a run.
          const { text } = (await request("GET", `/api/articles/${article.id}`).then((r) => r.json())) as Article;
          const start = random.below(text.length - 20);
          const claim = await createClaim(db, SEED_ADMIN, article.id, {
            selectors: { position: { start, end: start + 3 + random.below(12) } },
          }).catch(() => undefined);
          if (claim) claimIds.push(claim.id);
          return;
        }
        case "assign": {
          const claim = await current(random.pick(live()));
          const assignee = random.pick([await testApp.userFor("reviewer"), await testApp.userFor("editor"), null]);
          await updateClaim(db, SEED_ADMIN, claim.id, claim.version, { assigneeId: assignee?.id ?? null });
          return;
        }
        case "rename account": {
          // The author of every claim, or an assignee: names shown in the list that its claims' versions do not see.
          const users = ZUserList.parse(await (await request("GET", "/api/users")).json()).items;
          const user = random.pick(users);
          const response = await request(
            "PATCH",
            `/api/users/${user.id}`,
            { name: `${user.name.split(" #")[0]} #${random.below(1000)}` },
            { "If-Match": `"${user.version}"` },
          );
          expect(response.status).toBe(200);
          return;
        }
        case "edit text": {
          // Words put before a paragraph's claims: they and every claim after them move.
          const current = (await (await request("GET", `/api/articles/${article.id}`)).json()) as Article;
          const lines = current.text.split("\n");
          const at = random.below(lines.length);
          lines[at] = `Reportedly, ${lines[at]}`;
          const response = await request(
            "PATCH",
            `/api/articles/${article.id}`,
            { doc: plainTextToDoc(lines.join("\n")) },
            { "If-Match": `"${current.version}"` },
          );
          expect(response.status).toBe(200);
          return;
        }
      }
    }

    for (let step = 0; step < 40; step++) {
      const operation = random.pick(OPERATIONS);
      await apply(operation);
      done.add(operation);
      // Now and then two changes between reads: the merge takes a change set of several writes.
      if (random.below(4) === 0) continue;
      const answered = await answeredJson(article.id);
      const expected = await freshJson(article.id);
      expect(answered.plain, `seed ${seed}, step ${step}: ${operation}`).toBe(expected);
      expect(answered.gzipped, `seed ${seed}, step ${step}: ${operation} (gzip)`).toBe(expected);
    }
    const last = await answeredJson(article.id);
    expect(last.plain).toBe(await freshJson(article.id));
    expect(last.gzipped).toBe(await freshJson(article.id));
    expect([...done].sort()).toEqual([...OPERATIONS].sort());
  });

  it("serialises again only the run of claims a change is in", async () => {
    const { article, claimIds } = await buildLongArticle(260);
    const before = claimListPieces(await listClaims(db, article.id));
    const changed = (await listClaims(db, article.id)).items[130] as Claim;
    expect(claimIds).toContain(changed.id);
    await updateClaim(db, SEED_ADMIN, changed.id, changed.version, { verdict: "contradicted" });
    const after = claimListPieces(await listClaims(db, article.id));
    const kept = after.runs.filter((run) => before.runs.includes(run));
    expect(after.runs.length).toBe(before.runs.length);
    expect(kept.length).toBe(after.runs.length - 1);
  });
});

describe("crc32Combine", () => {
  it("answers the CRC-32 of two byte strings one after the other, from theirs", () => {
    const random = randomFrom(7);
    for (let trial = 0; trial < 50; trial++) {
      const first = Buffer.from(Array.from({ length: random.below(3000) }, () => random.below(256)));
      const second = Buffer.from(Array.from({ length: random.below(3000) }, () => random.below(256)));
      expect(crc32Combine(crc32(first), crc32(second), second.byteLength)).toBe(crc32(Buffer.concat([first, second])));
    }
  });
});
