import { type Claim, plainTextToDoc } from "@factmark/core";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import * as placements from "../../domain/reanchorArticleClaims";
import { SEED_ADMIN } from "../../repositories/accountRepository";
import { lockArticleForChanges } from "../../repositories/eventRepository";
import { buildArticle } from "../../test/buildArticle";
import { buildClaim } from "../../test/buildClaim";
import { createTestApp } from "../../test/createTestApp";
import { closeHeavyWork } from "../../work/heavyWork";
import { deleteClaim, restoreClaim } from "../claims/deleteClaim";
import { updateArticle } from "./updateArticle";

// A save places the deleted claims with the live ones. What runs while it computes their placements, before its
// transaction: a delete or a restore, say.
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
const EDITED = LINES.map((line) => `Reportedly, ${line}`).join("\n");
const save = async (id: string) => {
  const { version } = await db.article.findUniqueOrThrow({ where: { id } });
  return updateArticle(db, SEED_ADMIN, id, version, { doc: plainTextToDoc(EDITED) });
};

async function rowOf(id: string) {
  return db.claim.findUniqueOrThrow({ where: { id } });
}

/** Where `exact` is in `text`, as a claim's columns say it. */
const placeIn = (text: string, exact: string) => {
  const start = text.indexOf(exact);
  return { start, end: start + exact.length, exact, isOrphaned: false };
};

describe("updateArticle, with deleted claims", () => {
  it("places a claim deleted while it computed the placements, as a deleted one: no new version, no figure", async () => {
    const article = await buildArticle(db);
    const gone = await buildClaim(db, article, "limited number of drones");
    await buildClaim(db, article, "transferred dozens");
    let deletedVersion = 0;
    meanwhile.run = async () => {
      deletedVersion = (await deleteClaim(db, SEED_ADMIN, gone.id)).version;
    };

    const saved = await save(article.id);

    expect(saved.reanchored).toEqual({ exact: 1, moved: 0, fuzzy: 0, orphaned: 0 });
    const row = await rowOf(gone.id);
    expect(row).toMatchObject({ ...placeIn(saved.text, "limited number of drones"), version: deletedVersion });
    expect(row.deletedAt).not.toBeNull();
    // Its placement was the one computed for it live: nothing computed again.
    expect(placements.computeClaimPlacements).toHaveBeenCalledTimes(1);
    // Restored against the version its delete answered, it is on its words.
    const restored = await restoreClaim(db, SEED_ADMIN, gone.id, deletedVersion);
    expect({ ...restored.selectors.position, exact: restored.selectors.quote.exact }).toEqual({
      start: row.start,
      end: row.end,
      exact: "limited number of drones",
    });
  });

  it("places a claim restored while it computed the placements, as a live one", async () => {
    const article = await buildArticle(db);
    const back = await buildClaim(db, article, "limited number of drones");
    await buildClaim(db, article, "transferred dozens");
    const { version } = await deleteClaim(db, SEED_ADMIN, back.id);
    let restoredVersion = 0;
    meanwhile.run = async () => {
      restoredVersion = (await restoreClaim(db, SEED_ADMIN, back.id, version)).version;
    };

    const saved = await save(article.id);

    expect(saved.reanchored).toEqual({ exact: 2, moved: 0, fuzzy: 0, orphaned: 0 });
    const row = await rowOf(back.id);
    expect(row).toMatchObject({ ...placeIn(saved.text, "limited number of drones"), version: restoredVersion + 1 });
    expect(row.deletedAt).toBeNull();
    expect(placements.computeClaimPlacements).toHaveBeenCalledTimes(1);
  });

  it("places a claim deleted before saves placed deleted claims when it is restored meanwhile, computing it again", async () => {
    const article = await buildArticle(db);
    const back = await buildClaim(db, article, "limited number of drones");
    const { version } = await deleteClaim(db, SEED_ADMIN, back.id);
    // A first save left it where it was, as saves did before they placed deleted claims.
    const first = await save(article.id);
    const { position, quote } = back.selectors;
    await db.claim.update({ where: { id: back.id }, data: { start: position.start, end: position.end, ...quote } });
    vi.mocked(placements.computeClaimPlacements).mockClear();
    // Not on the text, it is not placed by the next save, until its restore places it on the text (placeRevivedClaim):
    // then its placement is computed again, from its new selectors.
    meanwhile.run = async () => {
      await restoreClaim(db, SEED_ADMIN, back.id, version);
    };

    const saved = await updateArticle(db, SEED_ADMIN, article.id, first.version, {
      doc: plainTextToDoc(`Lately: ${EDITED}`),
    });

    expect(saved.reanchored).toEqual({ exact: 1, moved: 0, fuzzy: 0, orphaned: 0 });
    expect(await rowOf(back.id)).toMatchObject(placeIn(saved.text, "limited number of drones"));
    expect(placements.computeClaimPlacements).toHaveBeenCalledTimes(2);
  });

  it("leaves a claim whose selectors are not on the text to its restore, which places it", async () => {
    const article = await buildArticle(db);
    const back = await buildClaim(db, article, "limited number of drones");
    const { version } = await deleteClaim(db, SEED_ADMIN, back.id);
    const first = await save(article.id);
    const { position, quote } = back.selectors;
    await db.claim.update({ where: { id: back.id }, data: { start: position.start, end: position.end, ...quote } });

    const saved = await updateArticle(db, SEED_ADMIN, article.id, first.version, {
      doc: plainTextToDoc(`Lately: ${EDITED}`),
    });
    // Not carried through a diff it was not on: as it was.
    expect(await rowOf(back.id)).toMatchObject({ start: position.start, end: position.end, version });

    const restored = await restoreClaim(db, SEED_ADMIN, back.id, version);
    expect(restored.isOrphaned).toBe(false);
    expect(restored.selectors.position.start).toBe(saved.text.indexOf("limited number of drones"));
  });
});

describe("placeRevivedClaim", () => {
  it("places the claim as stored, not as its caller read it before a save moved it", async () => {
    // A restore reads the claim before it takes the article's change lock; on PostgreSQL a save may commit between,
    // moving the deleted claim without a new version, which the restore's version check then does not see.
    const article = await buildArticle(db);
    const claim = await buildClaim(db, article, "totally unfounded");
    await deleteClaim(db, SEED_ADMIN, claim.id);
    const readBefore: Claim = { ...claim };
    const saved = await save(article.id);
    const moved = placeIn(saved.text, "totally unfounded");
    expect(await rowOf(claim.id)).toMatchObject(moved);

    await db.$transaction(async (tx) => {
      await lockArticleForChanges(tx, article.id);
      await tx.claim.update({ where: { id: claim.id }, data: { deletedAt: null } });
      await placements.placeRevivedClaim(tx, readBefore, new Date());
    });

    expect(await rowOf(claim.id)).toMatchObject(moved);
  });
});
