import { plainTextToDoc, type SearchItem, ZArticle, ZClaim, ZSearchResults } from "@factmark/core";
import { afterAll, describe, expect, it } from "vitest";
import { isPostgres } from "../db/createDatabase";
import { HOSTILE_QUERIES } from "../services/search/hostileQueries";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { buildEvidence } from "../test/buildEvidence";
import { buildPublishableArticle } from "../test/buildPublishableArticle";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";
import { closeHeavyWork } from "../work/heavyWork";

const testApp = await createTestApp();
const { db, request } = testApp;
const onPostgres = isPostgres(db);
// Article saves re-anchor on the worker pool.
afterAll(() => closeHeavyWork());

async function search(query: Record<string, string>, as: "admin" | "viewer" = "admin") {
  const response = await testApp.as(as).request("GET", `/api/search?${new URLSearchParams(query)}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return ZSearchResults.parse(await response.json());
}

/** The ids a search finds, as "kind:id". */
async function found(q: string, filters: Record<string, string> = {}): Promise<string[]> {
  return (await search({ q, ...filters })).items.map(idOf);
}

function idOf(item: SearchItem): string {
  if (item.kind === "article") return `article:${item.article.id}`;
  if (item.kind === "claim") return `claim:${item.claim.id}`;
  return `evidence:${item.evidence.id}`;
}

/** Each highlight's matched words, as the reader sees them. */
function highlighted(item: SearchItem | undefined): string[] {
  return (item?.highlights ?? []).flatMap((highlight) =>
    highlight.ranges.map((range) => highlight.text.slice(range.start, range.end)),
  );
}

describe("GET /api/search", () => {
  it("finds a claim by a phrase of its quote, and highlights it in UTF-16 ranges", async () => {
    const article = await buildArticle(db, {
      title: "Quokkas 📣 in the news",
      content: "📣 The minister said quokkas were exported to Zanzibar last spring.",
    });
    const claim = await buildClaim(db, article, "quokkas were exported to Zanzibar", { speaker: "Ana Ruiz" });
    const answer = await search({ q: '"exported to zanzibar"' });
    expect(answer.items.map(idOf)).toEqual([`claim:${claim.id}`, `article:${article.id}`]);
    expect(answer.items[0]).toMatchObject({
      kind: "claim",
      article: { id: article.id, title: "Quokkas 📣 in the news" },
      claim: { id: claim.id, quote: "quokkas were exported to Zanzibar", verdict: "unverified", speaker: "Ana Ruiz" },
    });
    expect(highlighted(answer.items[0])).toEqual(["exported to Zanzibar"]);
    expect(highlighted(answer.items[1])).toEqual(["exported to Zanzibar"]);
    // A title word outranks the same word in a text; a prefix finds it too.
    expect((await found("quokk*")).slice(0, 2)).toEqual([`claim:${claim.id}`, `article:${article.id}`]);
    expect(highlighted((await search({ q: "quokk*", kind: "article" })).items[0])).toEqual(["Quokkas", "quokkas"]);
  });

  it("keeps the index in step as a claim's rationale and speaker change, and as it is deleted and restored: its evidence goes and comes back with it", async () => {
    const article = await buildArticle(db, { title: "Wombat report", content: "Wombats dig burrows at night." });
    const claim = await buildClaim(db, article, "Wombats dig burrows", { rationale: "Seen by rangers." });
    const evidence = await buildEvidence(db, claim, { title: "Burrow survey logbook" });
    expect(await found("rangers")).toEqual([`claim:${claim.id}`]);
    expect(await found("logbook")).toEqual([`evidence:${evidence.id}`]);
    const edited = await request(
      "PATCH",
      `/api/claims/${claim.id}`,
      { rationale: "Filmed by a biologist.", speaker: "Dr Okonkwo" },
      { "If-Match": `"${claim.version}"` },
    );
    expect(edited.status).toBe(200);
    expect(await found("rangers")).toEqual([]);
    expect(await found("biologist")).toEqual([`claim:${claim.id}`]);
    expect(await found("okonkwo")).toEqual([`claim:${claim.id}`]);
    const { version } = ZClaim.parse(await edited.json());
    expect((await request("DELETE", `/api/claims/${claim.id}`, undefined, { "If-Match": `"${version}"` })).status).toBe(
      200,
    );
    expect(await found("biologist OR logbook")).toEqual([]);
    expect(await found("", { articleId: article.id })).toEqual([`article:${article.id}`]);
    expect((await request("POST", `/api/claims/${claim.id}/restore`)).status).toBe(200);
    expect((await found("biologist OR logbook")).sort()).toEqual(
      [`claim:${claim.id}`, `evidence:${evidence.id}`].sort(),
    );
  });

  it("keeps the index in step when an article is deleted and restored: its claims go and come back with it", async () => {
    const article = await buildArticle(db, { title: "Pangolin trade", content: "Pangolins are trafficked widely." });
    const claim = await buildClaim(db, article, "Pangolins are trafficked");
    const evidence = await buildEvidence(db, claim, { title: "Customs seizure figures" });
    expect((await found("pangolin*")).sort()).toEqual([`article:${article.id}`, `claim:${claim.id}`].sort());
    expect(await found("seizure")).toEqual([`evidence:${evidence.id}`]);
    expect((await request("DELETE", `/api/articles/${article.id}`, undefined, { "If-Match": '"1"' })).status).toBe(204);
    expect(await found("pangolin* OR seizure")).toEqual([]);
    expect(await found("", { articleId: article.id })).toEqual([]);
    expect(
      (await request("POST", `/api/articles/${article.id}/restore`, undefined, { "If-Match": '"2"' })).status,
    ).toBe(200);
    expect((await found("pangolin* OR seizure")).sort()).toEqual(
      [`article:${article.id}`, `claim:${claim.id}`, `evidence:${evidence.id}`].sort(),
    );
    expect((await request("DELETE", `/api/evidence/${evidence.id}`)).status).toBe(200);
    expect(await found("seizure")).toEqual([]);
  });

  it("keeps the index in step when an article's text is edited and its claims re-anchored", async () => {
    const article = await buildArticle(db, {
      title: "Otter census",
      content: "The census counted seventy otters.\nVolunteers counted a limited number of otters upstream.",
    });
    const claim = await buildClaim(db, article, "limited number of otters");
    const saved = await request(
      "PATCH",
      `/api/articles/${article.id}`,
      {
        doc: plainTextToDoc(
          "The census counted many otters.\nVolunteers counted a limited number of river otters upstream.",
        ),
      },
      { "If-Match": '"1"' },
    );
    expect(saved.status).toBe(200);
    // Re-anchoring moved the claim onto the edited words: its quote changed, and the index with it.
    const moved = ZClaim.parse(await (await request("GET", `/api/claims/${claim.id}`)).json());
    expect(moved.selectors.quote.exact).toBe("limited number of river otters");
    expect(await found("seventy")).toEqual([]);
    expect((await found("river")).sort()).toEqual([`article:${article.id}`, `claim:${claim.id}`].sort());
  });

  it("keeps the index in step through an import and a speaker rename", async () => {
    const article = await buildArticle(db, { title: "Ibis migration", content: "Ibises fly south in winter." });
    const claim = await buildClaim(db, article, "Ibises fly south", { speaker: "Birdwatcher Lee" });
    const exported = await (await request("GET", `/api/articles/${article.id}/report?format=json`)).json();
    const imported = await request("POST", "/api/articles/import", exported);
    expect(imported.status).toBe(201);
    const copy = ZArticle.parse(await imported.json());
    const claims = (await found("ibises", { kind: "claim" })).sort();
    expect(claims).toHaveLength(2);
    expect(claims).toContain(`claim:${claim.id}`);
    expect(await found("ibis", { kind: "article" })).toHaveLength(2);
    const renamed = await request("POST", `/api/articles/${copy.id}/speakers/rename`, {
      from: "Birdwatcher Lee",
      to: "Ornithologist Park",
    });
    expect(renamed.status).toBe(200);
    expect(await found("ornithologist")).toHaveLength(1);
    expect(await found("birdwatcher")).toEqual([`claim:${claim.id}`]);
  });

  it("narrows by verdict, speaker (any spelling of the speaker), kind, article and day of addition", async () => {
    const article = await buildArticle(db, {
      title: "Lemur numbers",
      content: "Lemurs declined by half. Lemurs recovered since. Lemurs are loud.",
    });
    const declined = await buildClaim(db, article, "Lemurs declined by half", {
      verdict: "contradicted",
      speaker: "Hery Rajaonarimampianina",
    });
    const recovered = await buildClaim(db, article, "Lemurs recovered since", {
      verdict: "supported",
      speaker: "hery rajaonarimampianina",
    });
    const other = await buildArticle(db, { title: "Other lemurs", content: "Lemurs elsewhere." });
    expect(await found("lemurs", { verdict: "contradicted" })).toEqual([`claim:${declined.id}`]);
    expect((await found("lemurs", { speaker: "HERY RAJAONARIMAMPIANINA" })).sort()).toEqual(
      [`claim:${declined.id}`, `claim:${recovered.id}`].sort(),
    );
    expect((await found("lemurs", { kind: "article" })).sort()).toEqual(
      [`article:${article.id}`, `article:${other.id}`].sort(),
    );
    expect(await found("lemurs", { articleId: other.id })).toEqual([`article:${other.id}`]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await found("lemurs", { from: today, to: today })).toHaveLength(4);
    expect(await found("lemurs", { to: "2020-01-01" })).toEqual([]);
    expect(await found("lemurs", { from: "2999-01-01" })).toEqual([]);
    // The articles list's own status: the other article has no verdicts yet, this one has.
    expect(await found("lemurs", { status: "no-verdicts", kind: "article" })).toContain(`article:${other.id}`);
    expect(await found("lemurs", { status: "no-verdicts" })).not.toContain(`claim:${declined.id}`);
    expect(await found("lemurs", { status: "in-progress" })).toContain(`claim:${declined.id}`);
  });

  it("keeps the verdict and speaker filters in step as a claim's verdict and speaker change, for its evidence too, with and without words", async () => {
    const article = await buildArticle(db, { title: "Okapi sightings", content: "Okapis were sighted near the dam." });
    const claim = await buildClaim(db, article, "Okapis were sighted", { speaker: "Ranger Moyo" });
    const before = await buildEvidence(db, claim, { title: "Okapi camera trap log" });
    const both = [`claim:${claim.id}`, `evidence:${before.id}`].sort();
    const filtered = async (filters: Record<string, string>) => ({
      words: (await found("okapi*", filters)).sort(),
      browsing: (await found("", { articleId: article.id, ...filters })).sort(),
    });
    expect(await filtered({ verdict: "unverified" })).toEqual({ words: both, browsing: both });
    const { version } = ZClaim.parse(await (await request("GET", `/api/claims/${claim.id}`)).json());
    const edited = await request(
      "PATCH",
      `/api/claims/${claim.id}`,
      { verdict: "contradicted", speaker: "Warden Achieng" },
      { "If-Match": `"${version}"` },
    );
    expect(edited.status, await edited.clone().text()).toBe(200);
    // Evidence added after the change carries the claim's verdict and speaker as they are now.
    const after = await buildEvidence(db, claim, { title: "Okapi footprint survey" });
    const all = [...both, `evidence:${after.id}`].sort();
    expect(await filtered({ verdict: "unverified" })).toEqual({ words: [], browsing: [] });
    expect(await filtered({ verdict: "contradicted" })).toEqual({ words: all, browsing: all });
    expect(await filtered({ speaker: "Ranger Moyo" })).toEqual({ words: [], browsing: [] });
    expect(await filtered({ speaker: "warden achieng", verdict: "contradicted" })).toEqual({
      words: all,
      browsing: all,
    });
    // A speaker renamed across an article's claims (an UPDATE of many rows) moves their rows and their evidence's.
    const renamed = await request("POST", `/api/articles/${article.id}/speakers/rename`, {
      from: "Warden Achieng",
      to: "Chief Warden Achieng",
    });
    expect(renamed.status).toBe(200);
    expect(await filtered({ speaker: "Warden Achieng" })).toEqual({ words: [], browsing: [] });
    expect(await filtered({ speaker: "Chief Warden Achieng" })).toEqual({ words: all, browsing: all });
  });

  it("finds a word most rows hold as it finds a rare one, newest first within its filters (PostgreSQL walks for it)", async () => {
    const article = await buildArticle(db, {
      title: "The wombat budget",
      content: [
        "The wombat count rose in the north.",
        "The wombat count fell in the south.",
        "The wombat count held in the east.",
        "The wombat count doubled in the west.",
      ].join("\n\n"),
    });
    const claims = [];
    for (const [exact, verdict] of [
      ["The wombat count rose", "supported"],
      ["The wombat count fell", "contradicted"],
      ["The wombat count held", "supported"],
      ["The wombat count doubled", "unverified"],
    ] as const) {
      claims.push(await buildClaim(db, article, exact, { verdict }));
    }
    const inArticle = { articleId: article.id, kind: "claim" };
    // "the" is in every row of this article (and most of the archive); "wombat" in these alone.
    expect(new Set(await found("the", inArticle))).toEqual(new Set(claims.map((claim) => `claim:${claim.id}`)));
    expect(new Set(await found("the", { ...inArticle, verdict: "supported" }))).toEqual(
      new Set([`claim:${claims[0]?.id}`, `claim:${claims[2]?.id}`]),
    );
    expect(new Set(await found("the wombat", { ...inArticle, verdict: "contradicted" }))).toEqual(
      new Set([`claim:${claims[1]?.id}`]),
    );
    expect(await found("the -wombat", inArticle)).toEqual([]);
  });

  it("finds a speaker's claims by a spelling without the letters their name carries marks inside (ł, ø, ß)", async () => {
    const article = await buildArticle(db, {
      title: "Letters with marks inside",
      content: "Łukasz Wałęsa said rents rose. Søren Østergaard said rents fell. Hans Weiß said rents held.",
    });
    const claims = {
      walesa: await buildClaim(db, article, "rents rose", { speaker: "Łukasz Wałęsa" }),
      ostergaard: await buildClaim(db, article, "rents fell", { speaker: "Søren Østergaard" }),
      weiss: await buildClaim(db, article, "rents held", { speaker: "Hans Weiß" }),
    };
    expect(await found("", { speaker: "Lukasz Walesa" })).toEqual([`claim:${claims.walesa.id}`]);
    expect(await found("", { speaker: "Soren Ostergaard" })).toEqual([`claim:${claims.ostergaard.id}`]);
    expect(await found("", { speaker: "HANS WEISS" })).toEqual([`claim:${claims.weiss.id}`]);
  });

  it("keeps the published (or retracted) fact-checks' results with status=published (retracted)", async () => {
    const { article } = await buildPublishableArticle(db, { title: "Quokka census published" });
    const unpublished = await buildArticle(db, { title: "Quokka census draft", content: "Quokkas were counted." });
    const published = await request(
      "POST",
      `/api/articles/${article.id}/publications`,
      {},
      {
        "If-Match": `"${article.version}"`,
      },
    );
    expect(published.status).toBe(201);
    expect(await found("quokka", { status: "published", kind: "article" })).toEqual([`article:${article.id}`]);
    expect(await found("quokka", { status: "retracted", kind: "article" })).toEqual([]);
    expect(await found("quokka", { kind: "article" })).toContain(`article:${unpublished.id}`);
  });

  it("lists what the filters keep, newest first, when q is empty; pages with an opaque cursor", async () => {
    const article = await buildArticle(db, { title: "Gecko", content: "One gecko. Two geckos. Three geckos." });
    const first = await buildClaim(db, article, "One gecko");
    const second = await buildClaim(db, article, "Two geckos");
    const third = await buildClaim(db, article, "Three geckos");
    const everything = await search({ articleId: article.id, kind: "claim" });
    expect(everything.items.map(idOf)).toEqual([third, second, first].map((claim) => `claim:${claim.id}`));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search({ q: "gecko*", articleId: article.id, limit: "2", ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map(idOf));
      cursor = page.cursor;
    } while (cursor);
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
    // Words that hold nothing to search for find nothing, rather than everything.
    expect((await search({ q: "*** --- (((" })).items).toEqual([]);
  });

  it("folds case and accents in every script, as the index does", async () => {
    const article = await buildArticle(db, {
      title: "Ürümqi Café notes",
      content: "Путин спорил с журналистами. El café de Ñandú abrió.",
    });
    expect(await found("ПУТИН")).toEqual([`article:${article.id}`]);
    expect(await found("urumqi cafe")).toEqual([`article:${article.id}`]);
    expect(highlighted((await search({ q: "nandu путин" })).items[0])).toEqual(["Путин", "Ñandú"]);
  });

  it.runIf(onPostgres)(
    "finds near spellings of a speaker's name on PostgreSQL (pg_trgm), after exact words",
    async () => {
      const article = await buildArticle(db, { title: "Drone sales", content: "Iran sold capybara drones." });
      const claim = await buildClaim(db, article, "Iran sold capybara drones", { speaker: "Hossein Amir-Abdollahian" });
      expect(await found("Abdolahian")).toEqual([`claim:${claim.id}`]);
      const answer = await search({ q: "capybara OR Abdolahian" });
      expect(answer.items.map(idOf)).toEqual([`claim:${claim.id}`, `article:${article.id}`]);
    },
  );

  it("answers any signed-in role, viewers too, and no one without a session", async () => {
    await buildArticle(db, { title: "Tapir tracks", content: "Tapirs leave tracks." });
    expect((await search({ q: "tapir*" }, "viewer")).items).toHaveLength(1);
    await expectApiError(await testApp.as("anonymous").request("GET", "/api/search?q=tapir"), 401, "UNAUTHENTICATED");
  });

  it.each([
    ["verdict=maybe", "verdict must be one of"],
    ["kind=person", "kind must be one of"],
    ["status=lost", "status must be one of"],
    ["limit=0", "limit is at least 1."],
    ["limit=51", "limit is at most 50."],
    ["limit=two", "limit must be a number."],
    ["from=2026-13-01", "Give dates as YYYY-MM-DD."],
    ["from=2026-02-01&to=2026-01-01", "from must be on or before to."],
    [`q=${"x".repeat(501)}`, "q is at most 500 characters."],
    ["speaker=%00", "Text may not contain NUL characters."],
    ["speaker=a%00b&verdict=supported", "Text may not contain NUL characters."],
    ["articleId=", ""],
    ["query=drones", ""],
    ["cursor=not-a-cursor", "cursor is not one this server gave."],
    [`cursor=${Buffer.from('{"o":-5}').toString("base64url")}`, "cursor is not one this server gave."],
  ])("refuses %s with 400 and a clear message, and stores nothing", async (query, message) => {
    const response = await expectUnchanged(db, () => request("GET", `/api/search?${query}`));
    const error = await expectApiError(response, 400, "VALIDATION_FAILED");
    expect(error.message).toContain(message);
  });

  it("answers every hostile q with 200 and stores nothing", async () => {
    const article = await buildArticle(db, { title: "Hostile", content: "Drones sold to Russia. مسيرات 🚀" });
    await buildClaim(db, article, "Drones sold to Russia", { rationale: '\'; DROP TABLE "Claim"; --' });
    for (const q of HOSTILE_QUERIES) {
      const response = await expectUnchanged(db, () => request("GET", `/api/search?${new URLSearchParams({ q })}`));
      expect({ q, status: response.status }).toEqual({ q, status: 200 });
      ZSearchResults.parse(await response.json());
    }
  });
});
