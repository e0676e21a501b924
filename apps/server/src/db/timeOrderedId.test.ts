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

  it("gives every id random bits of its own, across many refills of its random pool", () => {
    // Different milliseconds: only the random part (the last 62 bits) could repeat.
    const tails = Array.from({ length: 10_000 }, (_, index) => timeOrderedId(1_800_000_000_000 + index).slice(19));
    expect(new Set(tails).size).toBe(tails.length);
  });
});
