import { type Claim, plainTextToDoc, ZArticleSaved, ZClaimList } from "@factmark/core";
import { afterAll, describe, expect, it } from "vitest";
import { isPostgres } from "../db/createDatabase";
import { Prisma } from "../generated/prisma/client";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { createTestApp } from "../test/createTestApp";
import { closeHeavyWork } from "../work/heavyWork";
import {
  listAnchoredClaims,
  SHIFT_BATCH_SIZE,
  shiftDeletedStatement,
  shiftStatement,
  updateClaimAnchors,
} from "./claimAnchorRepository";
import { lockArticleForChanges } from "./eventRepository";

const { db, request } = await createTestApp();
// Saves re-anchor on the worker pool.
afterAll(() => closeHeavyWork());

/** More claims than one shift statement takes before the second edit, and more after it. */
const CLAIMS = SHIFT_BATCH_SIZE + 160;
const SECOND_EDIT_LINE = SHIFT_BATCH_SIZE + 100;
const lineOf = (index: number) => `Speaker ${index} said the tally was ${index * 3} units.`;
const quoteOf = (index: number) => `Speaker ${index} said`;
const LINES = [
  "An opening line that the save rewrites.",
  ...Array.from({ length: CLAIMS }, (_, index) => lineOf(index)),
  "A closing line, long enough that the line after it is beyond any claim's suffix.",
  "Words a first save takes away.",
];

async function claimList(articleId: string, since?: number) {
  const query = since === undefined ? "" : `?since=${since}`;
  return ZClaimList.parse(await (await request("GET", `/api/articles/${articleId}/claims${query}`)).json());
}

async function save(articleId: string, version: number, lines: string[]) {
  const response = await request(
    "PATCH",
    `/api/articles/${articleId}`,
    { doc: plainTextToDoc(lines.join("\n")) },
    { "If-Match": `"${version}"` },
  );
  expect(response.status).toBe(200);
  return ZArticleSaved.parse(await response.json());
}

describe("a save that moves hundreds of claims", () => {
  it("stores each claim on its words, moved by the distance of the edits before it, each version bumped once", async () => {
    const article = await buildArticle(db, { content: LINES.join("\n") });
    const claims: Claim[] = [];
    for (let index = 0; index < CLAIMS; index++) claims.push(await buildClaim(db, article, quoteOf(index)));
    const doomed = await buildClaim(db, article, "Words a first save takes away");
    // Orphaned by a first save (which moves no other claim), then left as it is by the second.
    const first = await save(article.id, article.version, LINES.slice(0, -1));
    expect(first.reanchored).toEqual({ exact: CLAIMS, moved: 0, fuzzy: 0, orphaned: 1 });
    const deleted = claims[10] as Claim;
    const deleting = await request("DELETE", `/api/claims/${deleted.id}`, undefined, { "If-Match": '"1"' });
    expect(deleting.status).toBe(200);
    const { changeNumber: deletedChangeNumber } = await db.claim.findUniqueOrThrow({ where: { id: deleted.id } });
    const before = await claimList(article.id);
    const orphanBefore = before.items.find((claim) => claim.id === doomed.id);
    expect(orphanBefore?.isOrphaned).toBe(true);

    // Two edits: the claims after the first move by one distance, those after the second by the sum.
    const lines = LINES.slice(0, -1);
    lines[0] = "An opening line, rewritten at some length by the save.";
    lines[1 + SECOND_EDIT_LINE] =
      `Next, ${lineOf(SECOND_EDIT_LINE).replace("the tally was", "the total tally came to")}`;
    const saved = await save(article.id, first.version, lines);
    expect(saved.reanchored).toMatchObject({ orphaned: 0 });

    const after = await claimList(article.id);
    const byId = new Map(after.items.map((claim) => [claim.id, claim]));
    expect(byId.has(deleted.id)).toBe(false);
    const firstShift = lines[0].length - (LINES[0] as string).length;
    const secondShift = (lines[1 + SECOND_EDIT_LINE] as string).length - lineOf(SECOND_EDIT_LINE).length;
    for (const [index, claim] of claims.entries()) {
      if (claim.id === deleted.id) continue;
      const now = byId.get(claim.id);
      const { start, end } = now?.selectors.position ?? { start: -1, end: -1 };
      expect(saved.text.slice(start, end), `claim ${index}`).toBe(now?.selectors.quote.exact);
      expect(now?.selectors.quote.exact).toBe(quoteOf(index));
      const shift =
        firstShift + (index === SECOND_EDIT_LINE ? "Next, ".length : index > SECOND_EDIT_LINE ? secondShift : 0);
      expect(start - claim.selectors.position.start, `claim ${index}`).toBe(shift);
      expect(now?.version, `claim ${index}`).toBe(2);
    }
    // The orphan keeps its place and its version; the deleted claim moved with the others (a restore brings it back
    // on its words), keeping the version and change number its delete gave it.
    expect(byId.get(doomed.id)).toEqual(orphanBefore);
    const deletedRow = await db.claim.findUniqueOrThrow({ where: { id: deleted.id } });
    expect(deletedRow).toMatchObject({
      start: deleted.selectors.position.start + firstShift,
      exact: deleted.selectors.quote.exact,
      version: 2,
      isOrphaned: false,
    });
    expect(deletedRow.changeNumber).toBe(deletedChangeNumber);

    // A refresh from before the save lists every moved claim, and only those.
    const refreshed = await claimList(article.id, before.cursor);
    expect(new Set(refreshed.items.map((claim) => claim.id))).toEqual(
      new Set(claims.filter((claim) => claim.id !== deleted.id).map((claim) => claim.id)),
    );
    expect(refreshed.deletedIds).toEqual([]);
    // Moved in batches or one by one (the claim whose own line changed), the rows read back the same instant.
    const moved = byId.get((claims[0] as Claim).id);
    const edited = byId.get((claims[SECOND_EDIT_LINE] as Claim).id);
    expect(edited?.selectors.quote.suffix).not.toBe((claims[SECOND_EDIT_LINE] as Claim).selectors.quote.suffix);
    expect(moved?.updatedAt).toBe(edited?.updatedAt);
    // Stored alike too (SQLite keeps DateTimes as text, which SQL compares as text).
    const stored = await db.$queryRaw<{ updatedAt: string }[]>`
      SELECT CAST("updatedAt" AS TEXT) AS "updatedAt" FROM "Claim" WHERE "id" IN (${moved?.id}, ${edited?.id})`;
    expect(stored).toHaveLength(2);
    expect(stored[0]?.updatedAt).toBe(stored[1]?.updatedAt);
  }, 120_000);
});

describe("updateClaimAnchors", () => {
  /** A change that only moves the claim `shift` characters on. */
  const shifted = (claim: Claim, shift: number) => {
    const { position, quote } = claim.selectors;
    return {
      id: claim.id,
      selectors: { position: { start: position.start + shift, end: position.end + shift }, quote },
      isOrphaned: false,
      from: claim.selectors,
    };
  };

  async function storedPlaces(ids: string[]) {
    const rows = await db.claim.findMany({ where: { id: { in: ids } }, select: { id: true, start: true } });
    return new Map(rows.map((row) => [row.id, row.start]));
  }

  it("answers false for a shift of a claim deleted, orphaned or of another article, and for a stale version", async () => {
    const article = await buildArticle(db);
    const other = await buildArticle(db);
    const live = await buildClaim(db, article, "Robert Malley");
    const gone = await buildClaim(db, article, "Iravani");
    const stranger = await buildClaim(db, other, "Robert Malley");
    const orphan = await buildClaim(db, article, "totally unfounded");
    await db.claim.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    await db.claim.update({ where: { id: orphan.id }, data: { isOrphaned: true } });
    const attempt = (changes: ReturnType<typeof shifted>[], expectedVersion?: number) =>
      db.$transaction(async (tx) => {
        await lockArticleForChanges(tx, article.id);
        return updateClaimAnchors(tx, article.id, changes, new Date(), expectedVersion);
      });
    const places = await storedPlaces([gone.id, stranger.id, orphan.id]);

    expect(await attempt([shifted(live, 1), shifted(gone, 1)])).toBe(false);
    expect(await attempt([shifted(live, 1), shifted(stranger, 1)])).toBe(false);
    expect(await attempt([shifted(orphan, 1)])).toBe(false);
    expect(await attempt([shifted(live, 1)], live.version + 1)).toBe(false);
    // The caller rolls back on false; none of those claims was moved in any case.
    expect(await storedPlaces([gone.id, stranger.id, orphan.id])).toEqual(places);
  });

  it("moves a claim whose version is as expected", async () => {
    const article = await buildArticle(db);
    const claim = await buildClaim(db, article, "Robert Malley");
    const isUpdated = await db.$transaction(async (tx) => {
      await lockArticleForChanges(tx, article.id);
      return updateClaimAnchors(tx, article.id, [shifted(claim, 5)], new Date(), claim.version);
    });
    expect(isUpdated).toBe(true);
    const row = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect({ start: row.start, end: row.end, version: row.version }).toEqual({
      start: claim.selectors.position.start + 5,
      end: claim.selectors.position.end + 5,
      version: claim.version + 1,
    });
  });
});

describe("updateClaimAnchors, of deleted claims (isDeleted)", () => {
  const moveOf = (claim: Claim, shift: number, isDeleted = true) => {
    const { position, quote } = claim.selectors;
    return {
      id: claim.id,
      selectors: { position: { start: position.start + shift, end: position.end + shift }, quote },
      isOrphaned: false,
      from: claim.selectors,
      isDeleted,
    };
  };
  const write = (articleId: string, changes: Parameters<typeof updateClaimAnchors>[2]) =>
    db.$transaction(async (tx) => {
      await lockArticleForChanges(tx, articleId);
      return updateClaimAnchors(tx, articleId, changes, new Date());
    });
  const rowOf = (id: string) =>
    db.claim.findUniqueOrThrow({
      where: { id },
      select: { start: true, end: true, version: true, changeNumber: true, isOrphaned: true },
    });

  it("moves and orphans them without a new version or change number, and moves live ones beside them as usual", async () => {
    const article = await buildArticle(db);
    const live = await buildClaim(db, article, "Robert Malley");
    const gone = await buildClaim(db, article, "Iravani");
    const doomed = await buildClaim(db, article, "totally unfounded");
    for (const claim of [gone, doomed]) {
      await db.claim.update({ where: { id: claim.id }, data: { deletedAt: new Date(), version: 2 } });
    }
    const before = await rowOf(gone.id);
    const doomedBefore = await rowOf(doomed.id);
    const liveBefore = await rowOf(live.id);
    const orphaned = { id: doomed.id, selectors: doomed.selectors, isOrphaned: true, isDeleted: true };

    expect(await write(article.id, [moveOf(live, 4, false), moveOf(gone, 4), orphaned])).toBe(true);

    expect(await rowOf(gone.id)).toEqual({
      ...before,
      start: before.start + 4,
      end: before.end + 4,
    });
    expect(await rowOf(doomed.id)).toEqual({ ...doomedBefore, isOrphaned: true });
    const liveAfter = await rowOf(live.id);
    expect(liveAfter).toMatchObject({ start: liveBefore.start + 4, version: liveBefore.version + 1 });
    expect(liveAfter.changeNumber).toBeGreaterThan(liveBefore.changeNumber);
  });

  it("answers false for a claim said deleted that is live, and for a deleted one said live", async () => {
    const article = await buildArticle(db);
    const live = await buildClaim(db, article, "Robert Malley");
    const gone = await buildClaim(db, article, "Iravani");
    await db.claim.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    const places = [await rowOf(live.id), await rowOf(gone.id)];

    expect(await write(article.id, [moveOf(live, 3)])).toBe(false);
    expect(await write(article.id, [moveOf(gone, 3, false)])).toBe(false);
    expect(await write(article.id, [{ ...moveOf(live, 3), selectors: gone.selectors }])).toBe(false);
    expect([await rowOf(live.id), await rowOf(gone.id)]).toEqual(places);
  });
});

describe("listAnchoredClaims", () => {
  it("lists the live claims in document order, then with includeDeleted the deleted ones, never the orphaned", async () => {
    const article = await buildArticle(db);
    const [first, second, third, fourth] = [
      await buildClaim(db, article, "limited number of drones"),
      await buildClaim(db, article, "Robert Malley"),
      await buildClaim(db, article, "Iravani"),
      await buildClaim(db, article, "totally unfounded"),
    ] as Claim[] as [Claim, Claim, Claim, Claim];
    await db.claim.update({ where: { id: first.id }, data: { deletedAt: new Date() } });
    await db.claim.update({ where: { id: third.id }, data: { deletedAt: new Date(), isOrphaned: true } });

    const live = await listAnchoredClaims(db, article.id);
    expect(live).toEqual([
      { id: second.id, selectors: second.selectors },
      { id: fourth.id, selectors: fourth.selectors },
    ]);
    expect(await listAnchoredClaims(db, article.id, { includeDeleted: true })).toEqual([
      ...live,
      { id: first.id, selectors: first.selectors, isDeleted: true },
    ]);
  });
});

describe("shiftStatement", () => {
  it.skipIf(isPostgres(db))("finds each claim by its id on SQLite, not by scanning all of the article's", async () => {
    // SQLite has no statistics here, and guessed an index on the article cheaper than 500 lookups by id: each
    // statement then read every claim of the article, and a save's shifts grew with the square of its claims.
    const ids = Array.from({ length: SHIFT_BATCH_SIZE }, (_, index) => `claim-${index}`);
    for (const expectedVersion of [undefined, 3]) {
      // Live claims' and deleted claims' (no version or change number of their own) alike.
      for (const statement of [
        shiftStatement("article", ids, 12, 7, new Date(), expectedVersion),
        shiftDeletedStatement("article", ids, 12, new Date(), expectedVersion),
      ]) {
        const plan = await db.$queryRaw<{ detail: string }[]>(Prisma.sql`EXPLAIN QUERY PLAN ${statement}`);
        expect(plan.map((step) => step.detail)).toEqual(["SEARCH Claim USING INDEX sqlite_autoindex_Claim_1 (id=?)"]);
      }
    }
  });
});
