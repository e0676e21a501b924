import { afterAll, describe, expect, it } from "vitest";
import { SEED_ADMIN } from "../../repositories/accountRepository";
import { findSuggestionState } from "../../repositories/suggestionDismissalRepository";
import { buildArticle } from "../../test/buildArticle";
import { buildClaim } from "../../test/buildClaim";
import { createTestApp } from "../../test/createTestApp";
import { closeHeavyWork } from "../../work/heavyWork";
import { deleteClaim } from "../claims/deleteClaim";
import { computeSuggestions } from "./computeSuggestions";

const { db } = await createTestApp();
afterAll(closeHeavyWork);

async function stateOf(articleId: string) {
  const state = await findSuggestionState(db, articleId);
  if (!state) throw new Error("No such article.");
  return state;
}

describe("computeSuggestions", () => {
  it("computes once per state of the article: readers together, and later, share one answer", async () => {
    const article = await buildArticle(db);
    const state = await stateOf(article.id);
    const [first, second] = await Promise.all([
      computeSuggestions(db, article.id, state),
      computeSuggestions(db, article.id, state),
    ]);
    expect(second).toBe(first);
    expect(await computeSuggestions(db, article.id, state)).toBe(first);
    expect(first).toMatchObject({ version: article.version, changeNumber: state.changeNumber });
  });

  it("computes afresh once a claim is marked or deleted: the change number moved", async () => {
    const article = await buildArticle(db);
    const before = await computeSuggestions(db, article.id, await stateOf(article.id));
    const claim = await buildClaim(db, article, "Robert Malley said Iran transferred dozens just this summer.");
    const marked = await computeSuggestions(db, article.id, await stateOf(article.id));
    expect(marked).not.toBe(before);
    expect(marked.suggestions.claims).toHaveLength(before.suggestions.claims.length - 1);
    await deleteClaim(db, SEED_ADMIN, claim.id);
    const deleted = await computeSuggestions(db, article.id, await stateOf(article.id));
    expect(deleted.suggestions.claims).toEqual(before.suggestions.claims);
  });
});
