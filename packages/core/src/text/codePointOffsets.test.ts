import { describe, expect, it } from "vitest";
import { codePointOffsets } from "./codePointOffsets";

const ISSUE_TEXT = "🚀 The mayor said crime fell 👍🏽 by 12% last year.";

describe("codePointOffsets", () => {
  it("converts the issue's claim on an emoji article: UTF-16 18–40 is code points 17–37", () => {
    const offsets = codePointOffsets(ISSUE_TEXT);
    const start = ISSUE_TEXT.indexOf("crime");
    const end = ISSUE_TEXT.indexOf(" last");
    expect([start, end]).toEqual([18, 40]);
    expect([offsets.toCodePoints(start), offsets.toCodePoints(end)]).toEqual([17, 37]);
    expect([offsets.toUtf16(17), offsets.toUtf16(37)]).toEqual([18, 40]);
    expect([...ISSUE_TEXT].slice(17, 37).join("")).toBe("crime fell 👍🏽 by 12%");
  });

  it("is the identity on text without astral characters", () => {
    const offsets = codePointOffsets("Ça coûte 12 € — «oui».");
    expect(offsets.length).toBe(22);
    expect(offsets.toCodePoints(9)).toBe(9);
    expect(offsets.toUtf16(22)).toBe(22);
  });

  it("round-trips every offset of a text mixing astral, BMP and lone surrogates", () => {
    const text = "a😀b\uD800c𝄞𝄞d\uDC00";
    const offsets = codePointOffsets(text);
    expect(offsets.length).toBe([...text].length);
    for (let cp = 0; cp <= offsets.length; cp++) {
      const utf16 = offsets.toUtf16(cp) as number;
      expect([...text].slice(0, cp).join("").length).toBe(utf16);
      expect(offsets.toCodePoints(utf16)).toBe(cp);
    }
  });

  it("counts a surrogate pair cut in half as before the offset", () => {
    const offsets = codePointOffsets("a😀b");
    expect(offsets.toCodePoints(2)).toBe(2);
  });

  it("answers undefined for a code point offset outside the text and throws for a UTF-16 one", () => {
    const offsets = codePointOffsets("😀");
    expect(offsets.toUtf16(2)).toBeUndefined();
    expect(offsets.toUtf16(-1)).toBeUndefined();
    expect(offsets.toUtf16(0.5)).toBeUndefined();
    expect(() => offsets.toCodePoints(3)).toThrow(RangeError);
  });
});
