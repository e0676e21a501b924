import { describe, expect, it } from "vitest";
import { timeOrderedId } from "./timeOrderedId";

describe("timeOrderedId", () => {
  it("makes UUIDv7 strings", () => {
    expect(timeOrderedId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("sorts ids in the order they were made, even within one millisecond", () => {
    const ids = Array.from({ length: 5000 }, () => timeOrderedId(1_700_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
