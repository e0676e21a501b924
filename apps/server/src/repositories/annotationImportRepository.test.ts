import type { PlannedClaim } from "@factmark/core";
import { selectorsForRange } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { timeOrderedId } from "../db/timeOrderedId";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { buildLink } from "../test/buildLink";
import { createTestApp } from "../test/createTestApp";
import { insertAnnotationClaims, listLiveLinksTouching } from "./annotationImportRepository";
import { lockArticleForChanges } from "./eventRepository";

const testApp = await createTestApp();
const { db } = testApp;

function planned(text: string, exact: string, overrides: Partial<PlannedClaim> = {}): PlannedClaim {
  const start = text.indexOf(exact);
  return {
    selectors: selectorsForRange(text, start, start + exact.length),
    verdict: "contradicted",
    speaker: null,
    rationale: "",
    isOrphaned: false,
    isAnchorUnconfirmed: false,
    origin: { authorName: "Alice Example", at: "2026-10-02T09:30:00.000Z" },
    evidence: [],
    ...overrides,
  };
}

describe("insertAnnotationClaims", () => {
  it("stores the claims and their evidence under one change number, with one imported entry each", async () => {
    const article = await buildArticle(db);
    const importer = await testApp.userFor("reviewer");
    const at = new Date("2026-12-01T10:00:00.000Z");
    const claims = [
      {
        id: timeOrderedId(),
        claim: planned(article.text, "totally unfounded", {
          evidence: [{ url: "https://example.org/a", title: null, excerpt: null, stance: "contradicts" }],
        }),
      },
      {
        id: timeOrderedId(),
        claim: planned(article.text, "said", { verdict: "unverified", origin: { authorName: null, at: null } }),
      },
    ];
    const changeNumber = await db.$transaction(async (tx) => {
      const number = await lockArticleForChanges(tx, article.id);
      await insertAnnotationClaims(tx, article.id, claims, importer, at);
      return number;
    });

    const rows = await db.claim.findMany({ where: { articleId: article.id }, orderBy: { start: "asc" } });
    expect(
      rows.map((row) => [row.exact, row.originalAuthorName, row.createdAt.toISOString(), row.createdById]),
    ).toEqual([
      ["said", null, at.toISOString(), importer.id],
      ["totally unfounded", "Alice Example", "2026-10-02T09:30:00.000Z", importer.id],
    ]);
    expect(new Set(rows.map((row) => row.changeNumber))).toEqual(new Set([changeNumber]));
    expect(rows.map((row) => row.verdictSetById)).toEqual([null, importer.id]);
    const evidence = await db.evidence.findMany({ where: { claimId: claims[0]?.id } });
    expect(evidence).toMatchObject([
      { url: "https://example.org/a", originalAuthorName: "Alice Example", changeNumber },
    ]);
    const events = await db.event.findMany({ where: { articleId: article.id, changeNumber: changeNumber ?? -1 } });
    expect(events.map((event) => [event.action, event.actorId, event.at.toISOString()])).toEqual([
      ["claim.imported", importer.id, at.toISOString()],
      ["claim.imported", importer.id, at.toISOString()],
    ]);
  });

  it("stores more claims than one statement group holds under one change number, each with its entry", async () => {
    const article = await buildArticle(db, { content: Array.from({ length: 450 }, (_, n) => `Line ${n}.`).join("\n") });
    const importer = await testApp.userFor("reviewer");
    const claims = Array.from({ length: 450 }, (_, n) => ({
      id: timeOrderedId(),
      claim: planned(article.text, `Line ${n}.`),
    }));
    const changeNumber = await db.$transaction(async (tx) => {
      const number = await lockArticleForChanges(tx, article.id);
      await insertAnnotationClaims(tx, article.id, claims, importer, new Date());
      return number;
    });
    const rows = await db.claim.groupBy({ by: ["changeNumber"], where: { articleId: article.id }, _count: true });
    expect(rows).toEqual([{ changeNumber, _count: 450 }]);
    expect(
      await db.event.count({
        where: { articleId: article.id, action: "claim.imported", changeNumber: changeNumber ?? -1 },
      }),
    ).toBe(450);
  });

  it("refuses to write outside a change that took the article's lock", async () => {
    const article = await buildArticle(db);
    const importer = await testApp.userFor("reviewer");
    await expect(
      db.$transaction((tx) =>
        insertAnnotationClaims(
          tx,
          article.id,
          [{ id: timeOrderedId(), claim: planned(article.text, "said") }],
          importer,
          new Date(),
        ),
      ),
    ).rejects.toThrow(/lockArticleForChanges/);
  });
});

describe("listLiveLinksTouching", () => {
  it("lists the live links that touch the claims, in either direction, and no deleted one", async () => {
    const article = await buildArticle(db);
    const limited = await buildClaim(db, article, "a limited number of drones");
    const dozens = await buildClaim(db, article, "transferred dozens just this summer");
    const unfounded = await buildClaim(db, article, "totally unfounded");
    await buildLink(db, dozens, limited, "contradicts");
    const removed = await buildLink(db, unfounded, dozens, "supports");
    await db.link.update({ where: { id: removed.id }, data: { deletedAt: new Date() } });
    expect(await listLiveLinksTouching(db, article.id, [limited.id])).toEqual([
      { fromClaimId: dozens.id, toClaimId: limited.id, kind: "contradicts" },
    ]);
    expect(await listLiveLinksTouching(db, article.id, [unfounded.id])).toEqual([]);
    expect(await listLiveLinksTouching(db, article.id, [])).toEqual([]);
  });

  it("takes more claims than one statement can name, and lists a link between two batches once", async () => {
    const article = await buildArticle(db);
    const limited = await buildClaim(db, article, "a limited number of drones");
    const dozens = await buildClaim(db, article, "transferred dozens just this summer");
    await buildLink(db, limited, dozens, "contradicts");
    // 1,000 ids that name no claim between the link's two ends, so each end is in a batch of its own.
    const others = Array.from({ length: 1_000 }, () => timeOrderedId());
    expect(await listLiveLinksTouching(db, article.id, [limited.id, ...others, dozens.id])).toEqual([
      { fromClaimId: limited.id, toClaimId: dozens.id, kind: "contradicts" },
    ]);
  });
});
