import { describe, expect, it } from "vitest";
import { buildArticle } from "../../test/buildArticle";
import { buildClaim } from "../../test/buildClaim";
import { createTestApp } from "../../test/createTestApp";
import { speakerSpellings } from "./speakerSpellings";

const { db } = await createTestApp();

describe("speakerSpellings", () => {
  it("answers every spelling claims give one speaker, from any of them, including one no page has read yet", async () => {
    const article = await buildArticle(db);
    await buildClaim(db, article, "limited number of drones", { speaker: "Hossein Amir-Abdollahian" });
    const other = await buildArticle(db);
    await buildClaim(db, other, "transferred dozens", { speaker: "hossein amir abdollahian" });

    const spellings = ["Hossein Amir-Abdollahian", "hossein amir abdollahian"];
    expect((await speakerSpellings(db, "Hossein Amir-Abdollahian")).sort()).toEqual(spellings);
    expect((await speakerSpellings(db, "hossein amir abdollahian")).sort()).toEqual(spellings);
    // A spelling no claim uses finds the speaker it folds to.
    expect((await speakerSpellings(db, "HOSSEIN  Amír‑Abdollahian")).sort()).toEqual(spellings);
  });

  it("answers the name alone for a speaker nobody is attributed", async () => {
    expect(await speakerSpellings(db, "Nobody Atall")).toEqual(["Nobody Atall"]);
  });

  it("keeps speakers apart whose names differ by more than spelling", async () => {
    const article = await buildArticle(db);
    await buildClaim(db, article, "transferred dozens", { speaker: "Robert Malley" });
    await buildClaim(db, article, "totally unfounded", { speaker: "Iravani" });
    expect(await speakerSpellings(db, "Robert Malley")).toEqual(["Robert Malley"]);
    expect(await speakerSpellings(db, "Iravani")).toEqual(["Iravani"]);
  });

  it("adds each spelling once, however often it is asked", async () => {
    const article = await buildArticle(db);
    await buildClaim(db, article, "transferred dozens", { speaker: "Ali Bagheri" });
    await Promise.all([speakerSpellings(db, "Ali Bagheri"), speakerSpellings(db, "ali bagheri")]);
    await speakerSpellings(db, "Ali Bagheri");
    expect(await db.speakerAlias.count({ where: { name: "Ali Bagheri" } })).toBe(1);
    expect(await db.speaker.count({ where: { aliases: { some: { name: "Ali Bagheri" } } } })).toBe(1);
  });
});
