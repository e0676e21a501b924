import { type Article, type Claim, plainTextToDoc, ZArticle, ZClaim, ZClaimList, ZUserList } from "@factmark/core";
import { afterAll, describe, expect, it } from "vitest";
import { seededPicks as randomFrom } from "../../../../packages/core/src/testing/seededRandom";
import { buildArticle } from "../test/buildArticle";
import { createTestApp, type TestIdentity } from "../test/createTestApp";
import { closeHeavyWork } from "../work/heavyWork";
import { listClaimsOfArticle } from "./claimRepository";

const testApp = await createTestApp();
const { db, request } = testApp;
// Saves re-anchor on the worker pool.
afterAll(() => closeHeavyWork());

async function readArticle(id: string): Promise<Article> {
  return ZArticle.parse(await (await request("GET", `/api/articles/${id}`)).json());
}

async function readClaim(id: string): Promise<Claim> {
  const response = await request("GET", `/api/claims/${id}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return ZClaim.parse(await response.json());
}

/** The whole list as GET /api/articles/:id/claims answers it (kept and merged by the server). */
async function wholeListOf(articleId: string): Promise<unknown[]> {
  const response = await request("GET", `/api/articles/${articleId}/claims`);
  expect(response.status).toBe(200);
  const list = ZClaimList.parse(await response.clone().json());
  expect(list.deletedIds).toEqual([]);
  return (await response.json()).items;
}

/** The same list read afresh, past every kept list: every claim written since before the first change. */
async function freshListOf(articleId: string): Promise<unknown[]> {
  const list = await listClaimsOfArticle(db, articleId, -1);
  if (!list) throw new Error("The article is gone.");
  return JSON.parse(JSON.stringify(list.items));
}

const OPERATIONS = [
  "create",
  "create at a taken place",
  "verdict",
  "speaker",
  "delete",
  "restore",
  "review",
  "assign",
  "edit text",
  "rename account",
] as const;
type Operation = (typeof OPERATIONS)[number];

describe("GET /api/articles/:id/claims after changes", () => {
  it("answers exactly what a fresh read answers, in document order, after every kind of change", async () => {
    const seed = Number(process.env.CLAIM_LIST_SEED ?? 20261201);
    const random = randomFrom(seed);
    const article = await buildArticle(db);
    const articleId = article.id;
    const claimIds: string[] = [];
    const deletedIds = new Set<string>();
    const done = new Map<Operation, number>();
    const as = (identity: TestIdentity) => testApp.as(identity);

    async function create(start: number, end: number): Promise<boolean> {
      const response = await as("reviewer").request("POST", `/api/articles/${articleId}/claims`, {
        selectors: { position: { start, end } },
        verdict: random.pick(["unverified", "supported", "contradicted"]),
      });
      if (response.status !== 201) return false;
      claimIds.push(ZClaim.parse(await response.json()).id);
      return true;
    }

    async function patch(identity: TestIdentity, id: string, body: unknown): Promise<boolean> {
      const { version } = await readClaim(id);
      const response = await as(identity).request("PATCH", `/api/claims/${id}`, body, { "If-Match": `"${version}"` });
      return response.status === 200;
    }

    async function apply(operation: Operation): Promise<boolean> {
      // What is live as the database says (an edit may take claims away too).
      const live = ((await freshListOf(articleId)) as Claim[]).map((claim) => claim.id);
      deletedIds.clear();
      for (const id of claimIds) if (!live.includes(id)) deletedIds.add(id);
      switch (operation) {
        case "create": {
          const { text } = await readArticle(articleId);
          const start = random.below(text.length - 12);
          return create(start, start + 1 + random.below(11));
        }
        case "create at a taken place": {
          // The same place as a live claim, or the same start and another end: order by end, then id.
          if (live.length === 0) return false;
          const { position } = (await readClaim(random.pick(live))).selectors;
          const end = random.below(2) === 0 ? position.end : position.start + 1 + random.below(8);
          return create(position.start, end);
        }
        case "verdict":
          if (live.length === 0) return false;
          return patch("reviewer", random.pick(live), {
            verdict: random.pick(["unverified", "supported", "contradicted"]),
          });
        case "speaker":
          if (live.length === 0) return false;
          return patch("reviewer", random.pick(live), { speaker: random.pick(["Malley", "Iravani", null]) });
        case "delete": {
          if (live.length === 0) return false;
          const id = random.pick(live);
          const { version } = await readClaim(id);
          const response = await request("DELETE", `/api/claims/${id}`, undefined, { "If-Match": `"${version}"` });
          return response.status === 200;
        }
        case "restore": {
          if (deletedIds.size === 0) return false;
          const id = random.pick([...deletedIds]);
          const response = await request("POST", `/api/claims/${id}/restore`, {});
          return response.status === 200;
        }
        case "review": {
          if (live.length === 0) return false;
          const claim = await readClaim(random.pick(live));
          if (claim.status !== "ready-for-review") return patch("reviewer", claim.id, { status: "ready-for-review" });
          const response = await as("editor").request(
            "POST",
            `/api/claims/${claim.id}/reviews`,
            { decision: random.pick(["approve", "request-changes"]), note: "Checked against the transcript." },
            { "If-Match": `"${claim.version}"` },
          );
          return response.status === 201;
        }
        case "assign": {
          if (live.length === 0) return false;
          const assignee = random.pick([await testApp.userFor("reviewer"), await testApp.userFor("editor"), null]);
          return patch("editor", random.pick(live), { assigneeId: assignee?.id ?? null });
        }
        case "edit text": {
          // Words added before some claims (they shift, some overtake others) or a sentence cut (claims orphaned).
          const current = await readArticle(articleId);
          const lines = current.text.split("\n");
          const at = random.below(lines.length);
          const words = (lines[at] ?? "").split(" ");
          if (random.below(3) === 0 && words.length > 4) words.splice(random.below(words.length - 2), 2);
          else words.splice(random.below(words.length), 0, random.pick(["reportedly", "on Monday", "again"]));
          lines[at] = words.join(" ");
          const response = await request(
            "PATCH",
            `/api/articles/${articleId}`,
            { doc: plainTextToDoc(lines.join("\n")) },
            { "If-Match": `"${current.version}"` },
          );
          return response.status === 200;
        }
        case "rename account": {
          const users = ZUserList.parse(await (await request("GET", "/api/users")).json()).items;
          const user = random.pick(users);
          const response = await request(
            "PATCH",
            `/api/users/${user.id}`,
            { name: `${user.name.split(" #")[0]} #${random.below(1000)}` },
            { "If-Match": `"${user.version}"` },
          );
          return response.status === 200;
        }
      }
    }

    for (let made = 0; made < 6; made++) await create(random.below(60), 60 + random.below(40));
    expect(await wholeListOf(articleId)).toEqual(await freshListOf(articleId));
    for (let step = 0; step < 120; step++) {
      const operation = random.pick(OPERATIONS);
      if (await apply(operation)) done.set(operation, (done.get(operation) ?? 0) + 1);
      // Now and then two changes between reads: the merge takes a change set of several writes.
      if (random.below(4) === 0) continue;
      const answered = await wholeListOf(articleId);
      expect(answered, `seed ${seed}, step ${step}: ${operation}`).toEqual(await freshListOf(articleId));
    }
    expect(await wholeListOf(articleId)).toEqual(await freshListOf(articleId));
    // Every kind of change was made at least once.
    expect([...done.keys()].sort(), JSON.stringify([...done])).toEqual([...OPERATIONS].sort());
  });
});
