import { afterAll, describe, expect, it } from "vitest";
import { SEED_ADMIN } from "../repositories/accountRepository";
import { listAnchoredClaims } from "../repositories/claimAnchorRepository";
import { lockArticleForChanges } from "../repositories/eventRepository";
import { deleteClaim } from "../services/claims/deleteClaim";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { createTestApp } from "../test/createTestApp";
import { closeHeavyWork } from "../work/heavyWork";
import { type ClaimPlacements, computeClaimPlacements, reanchorArticleClaims } from "./reanchorArticleClaims";

const { db } = await createTestApp();
// Placements are computed on the worker pool.
afterAll(() => closeHeavyWork());

describe("reanchorArticleClaims", () => {
  it("refuses, writing nothing, claims that are no longer the article's as they were listed", async () => {
    const article = await buildArticle(db);
    const gone = await buildClaim(db, article, "limited number of drones");
    await buildClaim(db, article, "transferred dozens");
    await buildClaim(db, article, "totally unfounded");
    const newText = `Reportedly, ${article.text}`;
    const listed = await listAnchoredClaims(db, article.id);
    const placements: ClaimPlacements = new Map();
    await computeClaimPlacements(placements, listed, article.text, newText);
    // Deleted after the list was read: a save that placed the list as it was would write a claim that is not there.
    await deleteClaim(db, SEED_ADMIN, gone.id);

    const writing = db.$transaction(async (tx) => {
      await lockArticleForChanges(tx, article.id);
      return reanchorArticleClaims(tx, SEED_ADMIN, article.id, listed, placements, new Date());
    });

    await expect(writing).rejects.toThrow(/not as listed/);
    const now = await listAnchoredClaims(db, article.id);
    expect(now.map(({ selectors }) => selectors)).toEqual(
      listed.filter((claim) => claim.id !== gone.id).map(({ selectors }) => selectors),
    );
  });
});
