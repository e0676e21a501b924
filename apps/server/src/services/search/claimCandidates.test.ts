import { describe, expect, it } from "vitest";
import { SEED_ADMIN } from "../../repositories/accountRepository";
import { buildArticle } from "../../test/buildArticle";
import { buildClaim } from "../../test/buildClaim";
import { createTestApp } from "../../test/createTestApp";
import { deleteArticle } from "../articles/deleteArticle";
import { deleteClaim } from "../claims/deleteClaim";
import { claimCandidates } from "./claimCandidates";

const { db } = await createTestApp();

const EARLIER = [
  "Iran sold 12.5% of its drones to Russia, said Amir-Abdollahian.",
  "Robert Malley said Iran transferred dozens of drones just this summer.",
  "The weather in Tehran was mild all week.",
].join("\n");

describe("claimCandidates", async () => {
  const current = await buildArticle(db, { title: "Today's article", content: "Iran sold drones to Russia." });
  const currentClaim = await buildClaim(db, current, "Iran sold drones to Russia.");
  const earlier = await buildArticle(db, { title: "An earlier article", content: EARLIER });
  const sold = await buildClaim(db, earlier, "Iran sold 12.5% of its drones to Russia", {
    rationale: "Satellite images show the shipments.",
  });
  const transferred = await buildClaim(db, earlier, "Robert Malley said Iran transferred dozens of drones", {
    speaker: "Robert Malley",
  });
  const weather = await buildClaim(db, earlier, "The weather in Tehran was mild");

  it("finds live claims of other articles holding any of the words, those holding more first", async () => {
    const found = await claimCandidates(db, ["drones", "russia", "sold"], {
      excludeArticleId: current.id,
      limit: 10,
    });
    expect(found.map((candidate) => candidate.claimId)).toEqual([sold.id, transferred.id]);
    expect(found[0]?.rank).toBeGreaterThan(found[1]?.rank ?? Number.POSITIVE_INFINITY);
    expect(found.map((candidate) => candidate.claimId)).not.toContain(currentClaim.id);
  });

  it("matches rationales, numbers as the index splits them, and at most `limit`", async () => {
    expect(await claimCandidates(db, ["satellite"], { excludeArticleId: current.id, limit: 5 })).toEqual([
      { claimId: sold.id, rank: expect.any(Number) },
    ]);
    expect(
      (await claimCandidates(db, ["12.5"], { excludeArticleId: current.id, limit: 5 })).map((c) => c.claimId),
    ).toEqual([sold.id]);
    expect(await claimCandidates(db, ["drones"], { excludeArticleId: current.id, limit: 1 })).toHaveLength(1);
  });

  it("matches quotes and rationales, not article titles, and ignores terms without a word", async () => {
    expect(await claimCandidates(db, ["malley"], { excludeArticleId: current.id, limit: 5 })).toEqual([
      { claimId: transferred.id, rank: expect.any(Number) },
    ]);
    expect(await claimCandidates(db, ["earlier"], { excludeArticleId: current.id, limit: 5 })).toEqual([]);
    expect(
      await claimCandidates(db, ['"', "*", "OR", "NEAR(", "-"], { excludeArticleId: current.id, limit: 5 }),
    ).toEqual([]);
  });

  it("takes a word's forms as one group, ignores groups no claim holds, and widens only while too few match", async () => {
    const terms = [["drone", "drones"], ["zeppelin", "zeppelins"], "satellite", "russia"];
    const strict = await claimCandidates(db, terms, { excludeArticleId: current.id, limit: 10, enough: 1 });
    expect(strict.map((candidate) => candidate.claimId)).toEqual([sold.id]);
    const widened = await claimCandidates(db, terms, { excludeArticleId: current.id, limit: 10 });
    expect(widened.map((candidate) => candidate.claimId)).toEqual([sold.id, transferred.id]);
  });

  it("leaves out deleted claims and the claims of deleted articles", async () => {
    await deleteClaim(db, SEED_ADMIN, weather.id);
    expect(await claimCandidates(db, ["tehran"], { excludeArticleId: current.id, limit: 5 })).toEqual([]);
    await deleteArticle(db, SEED_ADMIN, earlier.id, earlier.version);
    expect(await claimCandidates(db, ["drones"], { excludeArticleId: current.id, limit: 5 })).toEqual([]);
  });
});
