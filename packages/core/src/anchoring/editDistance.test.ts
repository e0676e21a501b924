import { describe, expect, it } from "vitest";
import { editDistance } from "./editDistance";

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("kitten", "sitting", 10)).toBe(3);
    expect(editDistance("drones", "armed drones", 10)).toBe(6);
    expect(editDistance("", "abc", 5)).toBe(3);
    expect(editDistance("same", "same", 0)).toBe(0);
  });

  it("gives up beyond the maximum", () => {
    expect(editDistance("kitten", "sitting", 2)).toBeUndefined();
    expect(editDistance("a", "abcdef", 3)).toBeUndefined();
  });
});
