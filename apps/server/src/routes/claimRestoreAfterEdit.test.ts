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

describe("a claim deleted before the text was edited, brought back", () => {
  for (const [how, bringBack] of [
    ["restored", (claim: Claim) => request("POST", `/api/claims/${claim.id}/restore`)],
    ["its deletion undone", (claim: Claim) => request("POST", `/api/claims/${claim.id}/history/undo`, {})],
  ] as const) {
    it(`(${how}) is on its own words where the edit moved them, with no entry saying its restorer edited the article`, async () => {
      const { article, claim } = await deleted();
      const saved = await saveText(article, `A new first paragraph was added here.\n${TEXT}`);
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

  it("is never put on another sentence that begins with its words", async () => {
    const text = "Intro.\nTaxes will rise by 3 percent, the mayor said. He was firm.";
    const { article, claim } = await deleted(text, "Taxes will rise by 3 percent");
    await saveText(
      article,
      "Intro.\nTaxes will rise by 3 percent for businesses, the aide claimed. Taxes will rise by 3 percent, the mayor said. He was firm.",
    );
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
