import { describe, expect, it } from "vitest";
import { firstStrongDirection } from "./firstStrongDirection";

describe("firstStrongDirection", () => {
  it.each([
    ["שר החוץ אמר.", "rtl"],
    ["وزير الخارجية قال.", "rtl"],
    ["«42» — שלום", "rtl"],
    ["2024: Iran sold drones, אמר", "ltr"],
    ["Ирано-российские", "ltr"],
    ["12, 13 — …", null],
  ] as const)("%s reads %s", (text, direction) => {
    expect(firstStrongDirection(text)).toBe(direction);
  });
});
