import { describe as describeSelectors, plainTextToDoc, ZArticle, ZClaimList } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { createTestApp } from "../test/createTestApp";

const { db, request } = await createTestApp();

describe("a claim made while another reviewer saves the article", () => {
  // On PostgreSQL the text a new claim is checked against was read outside the insert's transaction:
  // a save committed between the two left the claim on the old text's offsets, on other words.
  it("lands on the words the reviewer selected, or is refused, never on other words", async () => {
    const line = "Robert Malley said Iran transferred dozens just this summer.";
    const article = await buildArticle(db, { content: line });
    const quote = "transferred dozens";
    let createdCount = 0;
    for (let round = 0; round < 12; round += 1) {
      const current = ZArticle.parse(await (await request("GET", `/api/articles/${article.id}`)).json());
      const start = current.text.indexOf(quote);
      const selectors = describeSelectors(current.text, start, start + quote.length);
      const [saved, created] = await Promise.all([
        request(
          "PATCH",
          `/api/articles/${article.id}`,
          { doc: plainTextToDoc(`Update ${round}.\n${current.text}`) },
          { "If-Match": `"${current.version}"` },
        ),
        request("POST", `/api/articles/${article.id}/claims`, { selectors, verdict: "contradicted" }),
      ]);
      expect(saved.status).toBe(200);
      // Refused when the save came first: the selection no longer fits, and the reviewer is told.
      expect([201, 422]).toContain(created.status);
      if (created.status === 201) createdCount += 1;
    }
    const text = ZArticle.parse(await (await request("GET", `/api/articles/${article.id}`)).json()).text;
    const { items } = ZClaimList.parse(await (await request("GET", `/api/articles/${article.id}/claims`)).json());
    expect(items).toHaveLength(createdCount);
    for (const claim of items) {
      const { position, quote: stored } = claim.selectors;
      expect({ isOrphaned: claim.isOrphaned, words: text.slice(position.start, position.end) }).toEqual({
        isOrphaned: false,
        words: stored.exact,
      });
      expect(stored.exact).toBe(quote);
    }
  });
});
