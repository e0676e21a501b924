import { type Article, type Claim, plainTextToDoc } from "@factmark/core";
import { afterAll, describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { createTestApp } from "../test/createTestApp";
import { closeHeavyWork } from "../work/heavyWork";

// A save re-anchors the live claims only: one deleted before it must not come back on the words it had before.
const { db, request } = await createTestApp();
afterAll(() => closeHeavyWork());

const TEXT = "Alpha beta gamma.\nThe rate was 5 percent.";

async function saveText(article: Pick<Article, "id">, text: string): Promise<Article> {
  const { version } = await db.article.findUniqueOrThrow({ where: { id: article.id } });
  const saved = await request(
    "PATCH",
    `/api/articles/${article.id}`,
    { doc: plainTextToDoc(text) },
    { "If-Match": `"${version}"` },
  );
  expect(saved.status).toBe(200);
  return (await saved.json()) as Article;
}

async function deleted(text = TEXT, exact = "rate") {
  const article = await buildArticle(db, { content: text });
  const claim = await buildClaim(db, article, exact, { verdict: "contradicted" });
  expect((await request("DELETE", `/api/claims/${claim.id}`)).status).toBe(200);
  return { article, claim };
}

/** The words the claim's highlight covers in the article as it is now. */
async function wordsUnder(claim: Claim): Promise<string> {
  const { text } = await db.article.findUniqueOrThrow({ where: { id: claim.articleId } });
  return text.slice(claim.selectors.position.start, claim.selectors.position.end);
}

/**
 * As a claim deleted before saves placed the deleted claims too: its row as it was marked (`claim`), on the text
 * before the save, for placeRevivedClaim, the safety net, to place when it is brought back.
 */
async function asIfDeletedBeforeSavesPlacedIt(claim: Claim): Promise<void> {
  const { position, quote } = claim.selectors;
  await db.claim.update({
    where: { id: claim.id },
    data: { start: position.start, end: position.end, ...quote, isOrphaned: false },
  });
}

const PLACED_BY = [
  ["placed by the save", async (_claim: Claim) => {}],
  ["deleted before saves placed deleted claims", asIfDeletedBeforeSavesPlacedIt],
] as const;

describe("a claim deleted before the text was edited, brought back", () => {
  for (const [placedBy, afterSave] of PLACED_BY) {
    for (const [how, bringBack] of [
      ["restored", (claim: Claim) => request("POST", `/api/claims/${claim.id}/restore`)],
      ["its deletion undone", (claim: Claim) => request("POST", `/api/claims/${claim.id}/history/undo`, {})],
    ] as const) {
      it(`(${placedBy}; ${how}) is on its own words where the edit moved them, with no entry saying its restorer edited the article`, async () => {
        const { article, claim } = await deleted();
        const saved = await saveText(article, `A new first paragraph was added here.\n${TEXT}`);
        await afterSave(claim);
        const answer = await bringBack(claim);
        expect(answer.status).toBe(200);
        const now = (await (await request("GET", `/api/claims/${claim.id}`)).json()) as Claim;
        expect(now.isOrphaned).toBe(false);
        expect(now.selectors.position.start).toBe(saved.text.indexOf("rate"));
        expect(await wordsUnder(now)).toBe("rate");
        // The one who brought it back did not edit the article: no entry says so.
        const history = (await (await request("GET", `/api/claims/${claim.id}/history`)).json()) as {
          items: { action: string }[];
        };
        expect(history.items.map((entry) => entry.action)).not.toContain("claim.reanchored");
      });
    }
  }

  const AIDE_TEXT = "Intro.\nTaxes will rise by 3 percent, the mayor said. He was firm.";
  const AIDE_EDITED =
    "Intro.\nTaxes will rise by 3 percent for businesses, the aide claimed. Taxes will rise by 3 percent, the mayor said. He was firm.";

  it("(placed by the save) is never put on another sentence that begins with its words: it follows its own", async () => {
    const { article, claim } = await deleted(AIDE_TEXT, "Taxes will rise by 3 percent");
    const saved = await saveText(article, AIDE_EDITED);
    expect((await request("POST", `/api/claims/${claim.id}/restore`)).status).toBe(200);
    const now = (await (await request("GET", `/api/claims/${claim.id}`)).json()) as Claim;
    // The save carried it through the diff to the mayor's sentence, as it carried the live claims.
    expect(now.isOrphaned).toBe(false);
    expect(now.selectors.position.start).toBe(saved.text.indexOf("Taxes will rise by 3 percent, the mayor"));
    expect(await wordsUnder(now)).toBe("Taxes will rise by 3 percent");
  });

  it("(deleted before saves placed deleted claims) is never put on another sentence that begins with its words", async () => {
    const { article, claim } = await deleted(AIDE_TEXT, "Taxes will rise by 3 percent");
    await saveText(article, AIDE_EDITED);
    await asIfDeletedBeforeSavesPlacedIt(claim);
    expect((await request("POST", `/api/claims/${claim.id}/restore`)).status).toBe(200);
    const now = (await (await request("GET", `/api/claims/${claim.id}`)).json()) as Claim;
    // Its words with their context either side are nowhere: a reviewer re-attaches it, rather than a verdict on the aide.
    // An orphan is drawn nowhere in the text; its card offers the nearest match to re-attach it.
    expect(now.isOrphaned).toBe(true);
  });

  it("is orphaned, keeping its quote, when the edit took its words out", async () => {
    const { article, claim } = await deleted();
    await saveText(article, "Alpha beta gamma.\nThe figure was 5 percent.");
    expect((await request("POST", `/api/claims/${claim.id}/restore`)).status).toBe(200);
    const now = (await (await request("GET", `/api/claims/${claim.id}`)).json()) as Claim;
    expect(now.isOrphaned).toBe(true);
    expect(now.selectors.quote.exact).toBe("rate");
  });

  it("stays where it was when the text did not change under it", async () => {
    const { claim } = await deleted();
    expect((await request("POST", `/api/claims/${claim.id}/restore`)).status).toBe(200);
    const now = (await (await request("GET", `/api/claims/${claim.id}`)).json()) as Claim;
    expect([now.isOrphaned, now.selectors.position]).toEqual([false, claim.selectors.position]);
  });
});

describe("a claim deleted, its text saved, then brought back, is where the save would have moved it live", () => {
  /**
   * The same claim on two articles of the same text, one deleted (the version the delete answered kept), the other
   * live; both saved with `edited`.
   */
  async function twins(text: string, exact: string, edited: string) {
    const { article, claim } = await deleted(text, exact);
    const deletedVersion = (await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).version;
    const liveArticle = await buildArticle(db, { content: text });
    const live = await buildClaim(db, liveArticle, exact, { verdict: "contradicted" });
    const saved = await saveText(article, edited);
    await saveText(liveArticle, edited);
    const moved = (await (await request("GET", `/api/claims/${live.id}`)).json()) as Claim;
    return { claim, deletedVersion, saved, moved };
  }

  const EDITS = [
    // A word of its context (the prefix) edited: the quote with its whole context is nowhere in the text.
    ["a word of its prefix edited", TEXT, "5 percent", "Alpha beta gamma.\nThe rate is 5 percent."],
    // Its sentence copied, the text before it changed: its quote with its context is in the text twice.
    ["its words and context now twice in the text", TEXT, "rate", `Foreword.\n${TEXT}\n${TEXT}`],
  ] as const;
  const BRING_BACK = [
    [
      "restored",
      (claim: Claim, version: number) =>
        request("POST", `/api/claims/${claim.id}/restore`, undefined, { "If-Match": `"${version}"` }),
    ],
    [
      "its deletion undone",
      (claim: Claim, version: number) =>
        request("POST", `/api/claims/${claim.id}/history/undo`, {}, { "If-Match": `"${version}"` }),
    ],
  ] as const;

  for (const [edit, text, exact, edited] of EDITS) {
    for (const [how, bringBack] of BRING_BACK) {
      it(`(${edit}; ${how}) is on the words a live claim was moved to, the delete's version still current`, async () => {
        const { claim, deletedVersion, saved, moved } = await twins(text, exact, edited);
        expect(moved.isOrphaned).toBe(false);
        // The save wrote no entry on the deleted claim, and left its version as the delete answered it.
        const before = (await (await request("GET", `/api/claims/${claim.id}/history`)).json()) as {
          items: { action: string }[];
        };
        expect(before.items.map((entry) => entry.action)).not.toContain("claim.reanchored");
        expect(before.items.map((entry) => entry.action)).not.toContain("claim.orphaned");
        expect((await bringBack(claim, deletedVersion)).status).toBe(200);
        const now = (await (await request("GET", `/api/claims/${claim.id}`)).json()) as Claim;
        expect(now.isOrphaned).toBe(false);
        expect(now.selectors).toEqual(moved.selectors);
        expect(now.isAnchorUnconfirmed).toBe(moved.isAnchorUnconfirmed);
        expect(saved.text.slice(now.selectors.position.start, now.selectors.position.end)).toBe(exact);
      });
    }
  }
});
