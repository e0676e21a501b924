import { plainTextToDoc } from "@factmark/core";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import * as placements from "../../domain/reanchorArticleClaims";
import { SEED_ADMIN } from "../../repositories/accountRepository";
import { listAnchoredClaims } from "../../repositories/claimAnchorRepository";
import { buildArticle } from "../../test/buildArticle";
import { buildClaim } from "../../test/buildClaim";
import { createTestApp } from "../../test/createTestApp";
import { closeHeavyWork } from "../../work/heavyWork";
import { deleteClaim } from "../claims/deleteClaim";
import { updateArticle } from "./updateArticle";

// What runs while a save computes its placements, before its transaction: another writer's change, say.
const meanwhile = vi.hoisted(() => ({ run: undefined as (() => Promise<void>) | undefined }));
vi.mock("../../domain/reanchorArticleClaims", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../domain/reanchorArticleClaims")>();
  return {
    ...actual,
    computeClaimPlacements: vi.fn(async (...args: Parameters<typeof actual.computeClaimPlacements>) => {
      const run = meanwhile.run;
      meanwhile.run = undefined;
      await actual.computeClaimPlacements(...args);
      await run?.();
    }),
  };
});

const { db } = await createTestApp();
afterAll(() => closeHeavyWork());
afterEach(() => {
  meanwhile.run = undefined;
  vi.mocked(placements.computeClaimPlacements).mockClear();
});

const LINES = [
  "Iran sold a limited number of drones months before the Ukraine war, said Amir-Abdollahian.",
  "Robert Malley said Iran transferred dozens just this summer.",
  "Iravani called any support for Russia totally unfounded.",
];
// Every claim moves: each line gains a word before it.
const EDITED = LINES.map((line) => `Reportedly, ${line}`);
const saveEdited = (id: string) => updateArticle(db, SEED_ADMIN, id, 1, { doc: plainTextToDoc(EDITED.join("\n")) });

async function placesOf(articleId: string) {
  const claims = await listAnchoredClaims(db, articleId);
  return claims.map(({ selectors: { position, quote } }) => ({ ...position, exact: quote.exact }));
}

const placeIn = (text: string, exact: string) => {
  const start = text.indexOf(exact);
  return { start, end: start + exact.length, exact };
};

describe("updateArticle, with claims changed while it computed their placements", () => {
  it("moves every claim with a save that nothing came between, placing them once", async () => {
    const article = await buildArticle(db);
    await buildClaim(db, article, "limited number of drones");
    await buildClaim(db, article, "totally unfounded");

    const saved = await saveEdited(article.id);

    expect(saved.reanchored).toEqual({ exact: 2, moved: 0, fuzzy: 0, orphaned: 0 });
    expect(await placesOf(article.id)).toEqual([
      placeIn(saved.text, "limited number of drones"),
      placeIn(saved.text, "totally unfounded"),
    ]);
    expect(placements.computeClaimPlacements).toHaveBeenCalledTimes(1);
  });

  it("places a claim marked meanwhile on the edited text too", async () => {
    const article = await buildArticle(db);
    await buildClaim(db, article, "limited number of drones");
    meanwhile.run = async () => {
      await buildClaim(db, article, "transferred dozens");
    };

    const saved = await saveEdited(article.id);

    expect(saved.reanchored).toEqual({ exact: 2, moved: 0, fuzzy: 0, orphaned: 0 });
    expect(await placesOf(article.id)).toEqual([
      placeIn(saved.text, "limited number of drones"),
      placeIn(saved.text, "transferred dozens"),
    ]);
    // Once for the claims listed first, once more for the newcomer alone.
    expect(placements.computeClaimPlacements).toHaveBeenCalledTimes(2);
    expect(vi.mocked(placements.computeClaimPlacements).mock.calls[1]?.[1]).toHaveLength(1);
  });

  it("leaves a claim deleted meanwhile deleted, and places it with the others, for its restore", async () => {
    const article = await buildArticle(db);
    const gone = await buildClaim(db, article, "limited number of drones");
    await buildClaim(db, article, "transferred dozens");
    await buildClaim(db, article, "totally unfounded");
    meanwhile.run = async () => {
      await deleteClaim(db, SEED_ADMIN, gone.id);
    };

    const saved = await saveEdited(article.id);

    expect(saved.reanchored).toEqual({ exact: 2, moved: 0, fuzzy: 0, orphaned: 0 });
    expect(await placesOf(article.id)).toEqual([
      placeIn(saved.text, "transferred dozens"),
      placeIn(saved.text, "totally unfounded"),
    ]);
    const deleted = await db.claim.findUniqueOrThrow({ where: { id: gone.id } });
    expect(deleted.deletedAt).not.toBeNull();
    expect(deleted.start).toBe(placeIn(saved.text, "limited number of drones").start);
    expect(deleted.version).toBe(gone.version + 1);
  });
});
