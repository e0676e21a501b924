import { afterEach, describe, expect, it, vi } from "vitest";
import { normalizeWithOffsets } from "./normalizeWithOffsets";

/** For every pair of offsets that map back, the original between them normalises to the text between them. */
function expectFaithful(original: string): void {
  const normalized = normalizeWithOffsets(original);
  expect(normalized.text).toBe(original.normalize("NFC"));
  const mapped: Array<[number, number]> = [];
  for (let offset = 0; offset <= normalized.text.length; offset += 1) {
    const back = normalized.toOriginal(offset);
    if (back !== null) mapped.push([offset, back]);
  }
  expect(mapped[0]).toEqual([0, 0]);
  expect(mapped.at(-1)).toEqual([normalized.text.length, original.length]);
  for (const [from, fromBack] of mapped) {
    for (const [to, toBack] of mapped) {
      if (to < from) continue;
      expect(original.slice(fromBack, toBack).normalize("NFC")).toBe(normalized.text.slice(from, to));
    }
  }
}

describe("normalizeWithOffsets", () => {
  it("maps every offset of text already in NFC to itself", () => {
    const normalized = normalizeWithOffsets("Café 👨‍👩‍👧 ایران");
    expect(normalized.isUnchanged).toBe(true);
    expect(normalized.toOriginal(5)).toBe(5);
    expect(normalized.toOriginal(-1)).toBeNull();
    expect(normalized.toOriginal(99)).toBeNull();
  });

  it("composes a letter and its accent, and carries the offsets after it back", () => {
    const original = "Cafe\u0301 au lait";
    const normalized = normalizeWithOffsets(original);
    expect(normalized).toMatchObject({ text: "Café au lait", isUnchanged: false });
    expect(normalized.toOriginal(3)).toBe(3);
    expect(normalized.toOriginal(4)).toBe(5);
    expect(normalized.toOriginal(8)).toBe(9);
    expect(normalized.toOriginal(normalized.text.length)).toBe(original.length);
  });

  it("has no original offset inside a character built from several code points", () => {
    // e, acute, dot below: reordered, then e + dot below composes and the acute stays apart.
    const normalized = normalizeWithOffsets("xe\u0301\u0323y");
    expect(normalized.text).toBe("x\u1eb9\u0301y");
    expect(normalized.toOriginal(2)).toBeNull();
    expect(normalized.toOriginal(1)).toBe(1);
    expect(normalized.toOriginal(3)).toBe(4);
  });

  it("composes Hangul jamo into a syllable", () => {
    const normalized = normalizeWithOffsets("a \u1100\u1161\u11a8 b");
    expect(normalized.text).toBe("a \uac01 b");
    expect(normalized.toOriginal(3)).toBe(5);
  });

  it("follows normalisation that lengthens text (a composition exclusion)", () => {
    const normalized = normalizeWithOffsets("\u0958 x");
    expect(normalized.text).toBe("\u0915\u093c x");
    expect(normalized.toOriginal(1)).toBeNull();
    expect(normalized.toOriginal(2)).toBe(1);
  });

  it("stays faithful on text mixing decomposed accents, singletons, jamo and emoji over several lines", () => {
    expectFaithful(
      [
        "Le ministre a dit : « cafe\u0301 » et Ame\u0301lie\u0301 aussi.",
        "\u212b\u2126 and Zo\u0308e\u0308 with 👨‍👩‍👧 and 👍🏽; \u1100\u1161\u11a8\u1100\u1161.",
        "\u0301leading mark, e\u0301\u0323 stacked, \u0958 excluded, nothing else.",
      ].join("\n"),
    );
  });

  describe("cost", () => {
    afterEach(() => vi.restoreAllMocks());

    it("maps one offset of a 300 KB line written wholly in decomposed form without normalising every character", () => {
      const original = "Người Việt nói tiếng Việt. ".normalize("NFD").repeat(10_000);
      expect(original.length).toBeGreaterThan(300_000);
      const normalized = normalizeWithOffsets(original);
      const normalize = vi.spyOn(String.prototype, "normalize");
      const at = normalized.text.lastIndexOf("tiếng");
      expect(normalized.toOriginal(at)).toBe(original.lastIndexOf("tie\u0302\u0301ng"));
      // One line: a pass over its stretches of 4,096 code points, then of 64 in one, then one's characters.
      expect(normalize.mock.calls.length).toBeLessThan(300);
    });
  });

  it("keeps a long article with a few decomposed accents cheap to map", () => {
    const line = "Iran sold a limited number of drones months before the war, said the minister.";
    const original = [...Array.from({ length: 4_000 }, () => line), "Cafe\u0301 owners agree."].join("\n");
    const normalized = normalizeWithOffsets(original);
    const at = normalized.text.indexOf("Café");
    expect(normalized.toOriginal(at + 4)).toBe(original.indexOf("Cafe\u0301") + 5);
    expect(normalized.toOriginal(at - 1)).toBe(at - 1);
  });
});
