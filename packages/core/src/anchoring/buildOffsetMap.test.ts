import { describe, expect, it } from "vitest";
import { buildOffsetMap, splitIntoChunks } from "./buildOffsetMap";

describe("splitIntoChunks", () => {
  it("splits after sentence ends and line breaks, keeping every character", () => {
    const text = "One. Two!  Three?\nFour\nFive.";
    expect(splitIntoChunks(text)).toEqual(["One. ", "Two!  ", "Three?\n", "Four\n", "Five."]);
    expect(splitIntoChunks(text).join("")).toBe(text);
  });

  it("does not split a decimal or an abbreviation without a following space", () => {
    expect(splitIntoChunks("It cost 3.5 million.")).toEqual(["It cost 3.5 million."]);
  });
});

describe("buildOffsetMap", () => {
  const old = "First sentence. Second sentence here. Third one.\nNext paragraph.";

  it("maps offsets in untouched text exactly, before and after an edit", () => {
    const edited = old.replace("Second sentence", "Second, much longer, sentence");
    const map = buildOffsetMap(old, edited);
    expect(map.map(old.indexOf("First"), "start")).toBe(0);
    expect(map.map(old.indexOf("Third"), "start")).toBe(edited.indexOf("Third"));
    expect(map.map(old.indexOf("Next"), "start")).toBe(edited.indexOf("Next"));
    expect(map.isUntouched(old.indexOf("Third"), old.indexOf("one."))).toBe(true);
    expect(map.isUntouched(old.indexOf("Second"), old.indexOf("here"))).toBe(false);
  });

  it("maps offsets inside an edited sentence by the text it shares at both ends", () => {
    const edited = old.replace("sentence here", "sentence right here");
    const map = buildOffsetMap(old, edited);
    expect(map.map(old.indexOf("Second"), "start")).toBe(edited.indexOf("Second"));
    expect(map.map(old.indexOf("here"), "start")).toBe(edited.indexOf("here"));
  });

  it("keeps text inserted right at a range's edges outside it", () => {
    const edited = old.replace("Third one.", "Third new one.");
    const map = buildOffsetMap(old, edited);
    const oneAt = old.indexOf("one.");
    // "new " is inserted at the start of "one." and right after "Third ".
    expect(map.map(oneAt, "start")).toBe(edited.indexOf("one."));
    expect(map.map(oneAt, "end")).toBe(edited.indexOf("new "));
  });

  it("follows a moved paragraph's neighbours and sends its own offsets to where it was cut", () => {
    const edited = "Next paragraph.\nFirst sentence. Second sentence here. Third one.\n";
    const map = buildOffsetMap(old, edited);
    expect(map.map(old.indexOf("Second"), "start")).toBe(edited.indexOf("Second"));
  });

  it("maps everything when nothing changed, and the ends of the text to the ends", () => {
    const map = buildOffsetMap(old, old);
    expect(map.map(10, "start")).toBe(10);
    expect(map.map(old.length, "end")).toBe(old.length);
    const appended = buildOffsetMap(old, `${old} More.`);
    expect(appended.map(old.length, "end")).toBe(old.length);
  });

  it("copes with an empty old or new text", () => {
    expect(buildOffsetMap("", "New text.").map(0, "start")).toBe(9);
    expect(buildOffsetMap("Old text.", "").map(4, "start")).toBe(0);
  });
});

describe("buildOffsetMap on the edited region only", () => {
  const prose = "Alpha beta gamma. Delta epsilon!  Zeta eta?\nTheta iota kappa.\n\nLambda mu… Nu xi。Omicron pi.";
  const edits: Array<[string, string]> = [
    [prose, `X${prose}`],
    [prose, `${prose}X`],
    [prose, prose.slice(1)],
    [prose, prose.slice(0, -1)],
    [prose, prose.replace("Delta", "Delta, indeed,")],
    [prose, prose.replace("Zeta eta?\n", "")],
    [prose, prose.replace(". Delta", ".Delta")],
    [prose, prose.replace("kappa.\n", "kappa. ")],
    [prose, prose.replace("\n\n", "\n")],
    [prose, `Theta iota kappa.\n${prose.replace("Theta iota kappa.\n", "")}`],
    ["", prose],
    [prose, ""],
    ["", ""],
    ["a".repeat(50), "a".repeat(51)],
    ["a".repeat(50), "a".repeat(20)],
    ["a. ".repeat(30), "a. ".repeat(31)],
    ["a. ".repeat(30), `${"a. ".repeat(10)}b. ${"a. ".repeat(20)}`],
    ["a\n".repeat(30), "a\n".repeat(29)],
  ];

  it("maps every offset as the diff of the whole texts does", () => {
    for (const [oldText, newText] of edits) {
      const map = buildOffsetMap(oldText, newText);
      const whole = buildOffsetMap(oldText, newText, { isWholeTextDiffed: true });
      for (let offset = 0; offset <= oldText.length; offset += 1) {
        expect(map.map(offset, "start"), `${JSON.stringify(newText)} at ${offset}`).toBe(whole.map(offset, "start"));
        expect(map.map(offset, "end"), `${JSON.stringify(newText)} at ${offset}`).toBe(whole.map(offset, "end"));
        for (const length of [1, 7, 30]) {
          expect(map.untouchedParts(offset, offset + length)).toEqual(whole.untouchedParts(offset, offset + length));
          expect(map.isUntouched(offset, offset + length)).toBe(whole.isUntouched(offset, offset + length));
        }
      }
    }
  });

  it("tells where the texts differ: before it an offset maps to itself, after it it shifts", () => {
    const edited = prose.replace("Theta iota", "Theta, iota");
    const { editedRegion } = buildOffsetMap(prose, edited);
    expect(editedRegion).toEqual({
      start: prose.indexOf("Theta"),
      end: prose.indexOf("Lambda") - 1,
      newStart: prose.indexOf("Theta"),
      newEnd: edited.indexOf("Lambda") - 1,
    });
    expect(buildOffsetMap("", "").editedRegion).toEqual({ start: 0, end: 0, newStart: 0, newEnd: 0 });
  });
});
