import { describe, expect, it } from "vitest";
import { articleText } from "./articleText";
import { mergeDocBlocks } from "./mergeDocBlocks";
import { plainTextToDoc } from "./plainTextToDoc";

const doc = (...lines: string[]) => plainTextToDoc(lines.join("\n"));
const text = (...lines: string[]) => lines.join("\n");

describe("mergeDocBlocks", () => {
  const base = doc("One.", "Two.", "Three.", "Four.");

  it("keeps my edit of one paragraph and their edit of another", () => {
    const mine = doc("One.", "Two, edited by me.", "Three.", "Four.");
    const theirs = doc("One.", "Two.", "Three.", "Four, edited by them.");
    const merged = mergeDocBlocks(base, mine, theirs);
    expect(articleText(merged.doc)).toBe(text("One.", "Two, edited by me.", "Three.", "Four, edited by them."));
    expect(merged.conflictCount).toBe(0);
  });

  it("keeps both paragraphs where both sides rewrote the same one, theirs first", () => {
    const mine = doc("One.", "Two (mine).", "Three.", "Four.");
    const theirs = doc("One.", "Two (theirs).", "Three.", "Four.");
    const merged = mergeDocBlocks(base, mine, theirs);
    expect(articleText(merged.doc)).toBe(text("One.", "Two (theirs).", "Two (mine).", "Three.", "Four."));
    expect(merged.conflictCount).toBe(1);
  });

  it("applies deletions and insertions from both sides", () => {
    const mine = doc("Zero.", "One.", "Two.", "Four.");
    const theirs = doc("One.", "Two.", "Three.", "Four.", "Five.");
    expect(articleText(mergeDocBlocks(base, mine, theirs).doc)).toBe(text("Zero.", "One.", "Two.", "Four.", "Five."));
  });

  it("does not repeat a paragraph both sides added the same way", () => {
    const mine = doc("One.", "Two.", "New.", "Three.", "Four.");
    const theirs = doc("One.", "Two.", "New.", "Three.", "Four.");
    expect(articleText(mergeDocBlocks(base, mine, theirs).doc)).toBe(text("One.", "Two.", "New.", "Three.", "Four."));
  });
});
