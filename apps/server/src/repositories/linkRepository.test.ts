import { describe, expect, it } from "vitest";
import { timeOrderedId } from "../db/timeOrderedId";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { createTestApp } from "../test/createTestApp";
import { findLinkEndsInArticle } from "./linkRepository";

const { db } = await createTestApp();

describe("findLinkEndsInArticle", () => {
  it("takes more claim ids than one statement can name (an import's links), finding those of the article", async () => {
    const article = await buildArticle(db);
    const limited = await buildClaim(db, article, "a limited number of drones");
    const dozens = await buildClaim(db, article, "transferred dozens just this summer");
    const others = Array.from({ length: 1_000 }, () => timeOrderedId());
    const ends = await findLinkEndsInArticle(db, article.id, [limited.id, ...others, dozens.id]);
    expect(ends?.map((end) => end.id).sort()).toEqual([limited.id, dozens.id].sort());
    expect(await findLinkEndsInArticle(db, timeOrderedId(), [limited.id])).toBeNull();
  });
});
