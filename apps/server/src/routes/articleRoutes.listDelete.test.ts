import { ARTICLE_LIST_PROGRESS_STATUSES, ZArticle, ZArticleList } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { buildEvidence } from "../test/buildEvidence";
import { buildLink } from "../test/buildLink";
import { approveClaim } from "../test/buildPublishableArticle";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";

const { db, request, as, userFor } = await createTestApp();

async function listTitles(query: string, identity: "admin" | "viewer" = "admin"): Promise<string[]> {
  const response = await as(identity).request("GET", `/api/articles${query}`);
  expect(response.status).toBe(200);
  return ZArticleList.parse(await response.json()).items.map((item) => item.title);
}

// Titles unique to this file's articles, so each test reads only what it made.
const DRONES = "Searchable drones over Kyiv";
const BUDGET = "Searchable budget vote";
const SHIPS = "Searchable ships in the Gulf";

const drones = await buildArticle(db, { title: DRONES, outlet: "Kyiv Independent" });
await buildClaim(db, drones, "a limited number of drones", { verdict: "contradicted" });
const budget = await buildArticle(db, {
  title: BUDGET,
  outlet: "Le Monde",
  content: "The finance minister said the deficit fell to 3% last year.",
});
await buildClaim(db, budget, "the deficit fell to 3%", { verdict: "supported" });
await buildArticle(db, { title: SHIPS, outlet: "Reuters", content: "Tankers were seized near Hormuz, ÉLYSÉE said." });

describe("GET /api/articles: search and filters", () => {
  it("finds articles by title, outlet and text, ignoring case", async () => {
    expect(await listTitles("?q=searchable%20DRONES")).toEqual([DRONES]);
    expect(await listTitles("?q=le%20monde")).toEqual([BUDGET]);
    expect(await listTitles("?q=HORMUZ")).toEqual([SHIPS]);
    expect(await listTitles("?q=%C3%89LYS%C3%89E")).toEqual([SHIPS]);
    expect(await listTitles("?q=searchable")).toEqual([SHIPS, BUDGET, DRONES]);
    expect(await listTitles("?q=nothing%20says%20this")).toEqual([]);
  });

  it("reads % and _ in a search as themselves, not as wildcards", async () => {
    expect(await listTitles("?q=3%25")).toEqual([BUDGET]);
    expect(await listTitles("?q=searchable%25gulf")).toEqual([]);
    expect(await listTitles("?q=searchable_drones")).toEqual([]);
  });

  it("keeps the articles with a claim of the verdict asked for", async () => {
    expect(await listTitles("?q=searchable&has=contradicted")).toEqual([DRONES]);
    expect(await listTitles("?q=searchable&has=supported")).toEqual([BUDGET]);
    expect(await listTitles("?q=searchable&has=unverified")).toEqual([]);
    expect(await listTitles("?q=searchable&has=orphaned")).toEqual([]);
  });

  it("keeps the articles standing where status says", async () => {
    expect(await listTitles("?q=searchable&status=no-verdicts")).toEqual([SHIPS]);
    expect(await listTitles("?q=searchable&status=approved")).toEqual([]);
    const approved = await buildArticle(db, { title: "Searchable approved piece" });
    const claim = await buildClaim(db, approved, "totally unfounded", { verdict: "contradicted" });
    await approveClaim(db, claim.id);
    expect(await listTitles("?q=searchable&status=approved")).toEqual(["Searchable approved piece"]);
    expect(await listTitles("?q=searchable&status=published")).toEqual([]);
  });

  it("finds an article holding every word of a search, in any order and in any of title, outlet and text", async () => {
    expect(await listTitles("?q=independent%20drones%20searchable")).toEqual([DRONES]);
    expect(await listTitles("?q=kyiv%20independent%20drones")).toEqual([DRONES]);
    expect(await listTitles("?q=hormuz%20reuters%20%20tankers")).toEqual([SHIPS]);
    expect(await listTitles("?q=finance%20budget%20monde")).toEqual([BUDGET]);
    expect(await listTitles("?q=drones%20hormuz")).toEqual([]);
    expect(await listTitles("?q=deficit%203%25%20minister")).toEqual([BUDGET]);
    expect(await listTitles("?q=searchable%20_")).toEqual([]);
  });

  it("puts every article in exactly one progress status, whatever its claims", async () => {
    const titles = {
      none: "Progress none",
      toCheck: "Progress to check",
      waiting: "Progress waiting",
      changes: "Progress changes",
      both: "Progress waiting and changes",
      approved: "Progress approved",
    };
    // Reviews set these statuses; what the list reads is the status itself.
    const setStatus = (claim: { id: string }, status: "ready-for-review" | "changes-requested") =>
      db.claim.update({ where: { id: claim.id }, data: { status } });
    await buildArticle(db, { title: titles.none });
    const toCheck = await buildArticle(db, { title: titles.toCheck });
    await buildClaim(db, toCheck, "totally unfounded", { verdict: "contradicted" });
    await buildClaim(db, toCheck, "Iran sold", { verdict: "supported" });
    const waiting = await buildArticle(db, { title: titles.waiting });
    await setStatus(
      await buildClaim(db, waiting, "totally unfounded", { verdict: "contradicted" }),
      "ready-for-review",
    );
    const changes = await buildArticle(db, { title: titles.changes });
    await setStatus(
      await buildClaim(db, changes, "totally unfounded", { verdict: "contradicted" }),
      "changes-requested",
    );
    const both = await buildArticle(db, { title: titles.both });
    await setStatus(await buildClaim(db, both, "totally unfounded", { verdict: "contradicted" }), "changes-requested");
    await setStatus(await buildClaim(db, both, "Iran sold", { verdict: "supported" }), "ready-for-review");
    const approved = await buildArticle(db, { title: titles.approved });
    await approveClaim(db, (await buildClaim(db, approved, "totally unfounded", { verdict: "supported" })).id);
    await buildClaim(db, approved, "Iran sold", { verdict: "unverified" });

    const statusesOf = new Map<string, string[]>(Object.values(titles).map((title) => [title, []]));
    for (const status of ARTICLE_LIST_PROGRESS_STATUSES) {
      for (const title of await listTitles(`?q=progress&status=${status}`)) statusesOf.get(title)?.push(status);
    }
    expect(Object.fromEntries(statusesOf)).toEqual({
      [titles.none]: ["no-verdicts"],
      [titles.toCheck]: ["in-progress"],
      [titles.waiting]: ["waiting-for-review"],
      [titles.changes]: ["changes-requested"],
      [titles.both]: ["waiting-for-review"],
      [titles.approved]: ["approved"],
    });
    // Every article anywhere in the list, too.
    const everyTitle = await listTitles("");
    const matched: string[] = [];
    for (const status of ARTICLE_LIST_PROGRESS_STATUSES) matched.push(...(await listTitles(`?status=${status}`)));
    expect(matched.sort()).toEqual([...everyTitle].sort());
  });

  it("lets viewers search and filter too", async () => {
    expect(await listTitles("?q=searchable&has=supported", "viewer")).toEqual([BUDGET]);
  });

  it.each([
    ["?has=wrong", "has must be one of contradicted, supported, unverified, orphaned."],
    ["?status=done", "status must be one of no-verdicts, in-progress, waiting-for-review"],
    ["?deleted=yes", "deleted must be true or false."],
    [`?q=${"x".repeat(201)}`, "q is at most 200 characters."],
    ["?verdict=contradicted", "verdict"],
  ])("refuses %s with 400 saying what is wrong", async (query, message) => {
    const error = await expectApiError(await request("GET", `/api/articles${query}`), 400, "VALIDATION_FAILED");
    expect(error.message).toContain(message);
  });
});

describe("DELETE /api/articles/:id and POST /api/articles/:id/restore", () => {
  it("deletes an article with its claims kept, lists it among the deleted, and restores it whole", async () => {
    const article = await buildArticle(db, { title: "Deleted and back" });
    const malley = await buildClaim(db, article, "Robert Malley said Iran transferred dozens", {
      verdict: "contradicted",
      speaker: "Robert Malley",
    });
    const iravani = await buildClaim(db, article, "totally unfounded", { verdict: "supported" });
    await buildLink(db, malley, iravani);
    await buildEvidence(db, malley, { url: "https://example.com/source" });
    const paths = [
      `/api/articles/${article.id}`,
      `/api/articles/${article.id}/claims`,
      `/api/articles/${article.id}/links`,
      `/api/articles/${article.id}/speakers`,
      `/api/articles/${article.id}/contradictions`,
      `/api/articles/${article.id}/report`,
      `/api/claims/${malley.id}`,
      `/api/claims/${malley.id}/history`,
      `/api/claims/${malley.id}/evidence`,
    ];
    // What a reader sees of each: the change-number cursors and the report's time of making move on by themselves.
    const read = (path: string) =>
      request("GET", path).then(async (response) =>
        (await response.text()).replace(/"cursor":\d+/g, "").replace(/<time datetime="[^"]+">[^<]+<\/time>/g, ""),
      );
    const before = await Promise.all(paths.map(read));

    expect((await request("DELETE", `/api/articles/${article.id}`, undefined, { "If-Match": '"1"' })).status).toBe(204);
    for (const path of paths) await expectApiError(await request("GET", path), 404, "NOT_FOUND");
    expect(await listTitles("")).not.toContain("Deleted and back");
    const deleted = ZArticleList.parse(await (await request("GET", "/api/articles?deleted=true")).json()).items;
    expect(deleted[0]).toMatchObject({ title: "Deleted and back", counts: { contradicted: 1, supported: 1 } });
    expect(deleted[0]?.deletedAt).toEqual(expect.any(String));

    const restored = await request("POST", `/api/articles/${article.id}/restore`, undefined, { "If-Match": '"2"' });
    expect(restored.status).toBe(200);
    expect(restored.headers.get("ETag")).toBe('"3"');
    expect(ZArticle.parse(await restored.json())).toMatchObject({ title: "Deleted and back", version: 3 });
    const after = await Promise.all(paths.map(read));
    // Whole again: the same claims, links, evidence, speakers and history; only the article's version moved on.
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(await listTitles("?deleted=true")).not.toContain("Deleted and back");
    expect(await listTitles("")).toContain("Deleted and back");
  });

  it("answers 404 to every read and write of a deleted article's own routes, changing nothing", async () => {
    const article = await buildArticle(db, { title: "Gone for now" });
    const claim = await buildClaim(db, article, "totally unfounded");
    const other = await buildClaim(db, article, "Iran sold");
    await request("DELETE", `/api/articles/${article.id}`);
    for (const path of ["report/model", "publications", "presence", "speakers/counts"]) {
      await expectApiError(await request("GET", `/api/articles/${article.id}/${path}`), 404, "NOT_FOUND");
    }
    const writes: [string, string, unknown, Record<string, string>?][] = [
      ["PATCH", `/api/articles/${article.id}`, { title: "Renamed" }, { "If-Match": '"2"' }],
      ["POST", `/api/articles/${article.id}/claims`, { selectors: { quote: { exact: "Robert Malley" } } }],
      ["POST", `/api/articles/${article.id}/links`, { fromClaimId: claim.id, toClaimId: other.id, kind: "supports" }],
      ["PATCH", `/api/claims/${claim.id}`, { verdict: "supported" }, { "If-Match": '"1"' }],
    ];
    for (const [method, path, body, headers] of writes) {
      const response = await expectUnchanged(db, () => request(method, path, body, headers));
      await expectApiError(response, 404, "NOT_FOUND");
    }
  });

  it("records the delete and the restore in the article's change log", async () => {
    const article = await buildArticle(db, { title: "Logged" });
    await request("DELETE", `/api/articles/${article.id}`);
    await request("POST", `/api/articles/${article.id}/restore`);
    const events = await db.event.findMany({ where: { articleId: article.id }, orderBy: { changeNumber: "asc" } });
    expect(events.map((event) => [event.action, event.claimId])).toEqual([
      ["article.created", null],
      ["article.deleted", null],
      ["article.restored", null],
    ]);
    expect(events[2]?.changeNumber).toBeGreaterThan(events[1]?.changeNumber ?? 0);
  });

  it.each(["viewer", "reviewer"] as const)(
    "refuses a %s's delete and restore with 403, changing nothing",
    async (role) => {
      await userFor(role);
      const article = await buildArticle(db, { title: `Kept from ${role}` });
      const gone = await buildArticle(db, { title: `Deleted before ${role}` });
      await request("DELETE", `/api/articles/${gone.id}`);
      const deleting = await expectUnchanged(db, () => as(role).request("DELETE", `/api/articles/${article.id}`));
      await expectApiError(deleting, 403, "FORBIDDEN");
      const restoring = await expectUnchanged(db, () => as(role).request("POST", `/api/articles/${gone.id}/restore`));
      await expectApiError(restoring, 403, "FORBIDDEN");
      const listing = await expectUnchanged(db, () => as(role).request("GET", "/api/articles?deleted=true"));
      await expectApiError(listing, 403, "FORBIDDEN");
    },
  );

  it("lets an editor delete and restore", async () => {
    const article = await buildArticle(db, { title: "Editor's own" });
    expect((await as("editor").request("DELETE", `/api/articles/${article.id}`)).status).toBe(204);
    expect((await as("editor").request("POST", `/api/articles/${article.id}/restore`)).status).toBe(200);
  });

  it("answers 404 for restoring a live article or none, changing nothing", async () => {
    const live = await buildArticle(db, { title: "Never deleted" });
    const restoringLive = await expectUnchanged(db, () => request("POST", `/api/articles/${live.id}/restore`));
    await expectApiError(restoringLive, 404, "NOT_FOUND");
    const restoringNone = await expectUnchanged(db, () => request("POST", "/api/articles/missing/restore"));
    await expectApiError(restoringNone, 404, "NOT_FOUND");
  });

  it("refuses a restore naming another version with 412, changing nothing", async () => {
    const article = await buildArticle(db, { title: "Stale restore" });
    await request("DELETE", `/api/articles/${article.id}`);
    const response = await expectUnchanged(db, () =>
      request("POST", `/api/articles/${article.id}/restore`, undefined, { "If-Match": '"1"' }),
    );
    await expectApiError(response, 412, "PRECONDITION_FAILED");
  });

  it("answers 404 for deleting an article already deleted, changing nothing", async () => {
    const article = await buildArticle(db, { title: "Deleted twice" });
    await request("DELETE", `/api/articles/${article.id}`);
    const response = await expectUnchanged(db, () => request("DELETE", `/api/articles/${article.id}`));
    await expectApiError(response, 404, "NOT_FOUND");
  });
});
