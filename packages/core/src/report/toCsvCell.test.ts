import { describe, expect, it } from "vitest";
import { toCsvCell } from "./toCsvCell";

describe("toCsvCell", () => {
  it("leaves plain text and numbers as they are", () => {
    expect(toCsvCell("plain text")).toBe("plain text");
    expect(toCsvCell(42)).toBe("42");
    expect(toCsvCell(false)).toBe("false");
  });

  it("writes null and undefined as empty cells", () => {
    expect(toCsvCell(null)).toBe("");
    expect(toCsvCell(undefined)).toBe("");
  });

  it("quotes commas, quotes, CR and LF, doubling the quotes", () => {
    expect(toCsvCell("a,b")).toBe('"a,b"');
    expect(toCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(toCsvCell("a\nb")).toBe('"a\nb"');
    expect(toCsvCell("a\rb")).toBe('"a\rb"');
  });

  it("neutralises formulas, and quotes them when they also hold a separator", () => {
    expect(toCsvCell("=1+1")).toBe("'=1+1");
    expect(toCsvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
    expect(toCsvCell("\r\n=1")).toBe(`"'\r\n=1"`);
  });
});
