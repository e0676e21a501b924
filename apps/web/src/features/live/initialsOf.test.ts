import { describe, expect, it } from "vitest";
import { initialsOf } from "./initialsOf";

describe("initialsOf", () => {
  it("takes the first letters of the first and last names, whole characters", () => {
    expect(initialsOf("ana maría de la reviewer")).toBe("AR");
    expect(initialsOf("  Bo  ")).toBe("B");
    expect(initialsOf("𝒜da Lovelace")).toBe("𝒜L");
    expect(initialsOf("")).toBe("?");
  });
});
