import { describe, expect, it } from "vitest";
import { EVENT_ACTIONS } from "../schemas/event";
import { CHANGE_EVENT_FIXTURES } from "./changeEventFixtures";
import { parseChangeEvent } from "./parseChangeEvent";
import { CHANGE_ACTIONS, type ChangeAction, ZChangeEvent, ZChangePayload } from "./ZChangeEvent";

/** An event as the database keeps it (`from` and `to` as JSON text) and as the API answers it again. */
function throughStorage(event: { from?: unknown; to?: unknown }): unknown {
  const { from, to, ...rest } = event;
  const stored = {
    from: from === undefined ? null : JSON.stringify(from),
    to: to === undefined ? null : JSON.stringify(to),
  };
  return {
    ...rest,
    ...(stored.from === null ? {} : { from: JSON.parse(stored.from) }),
    ...(stored.to === null ? {} : { to: JSON.parse(stored.to) }),
  };
}

describe("ZChangeEvent", () => {
  describe.each(ZChangePayload.options.map((option) => option.shape.action.value))("%s", (action) => {
    const fixtures = CHANGE_EVENT_FIXTURES[action as ChangeAction] ?? [];

    it("has fixtures", () => {
      expect(fixtures.length).toBeGreaterThan(0);
    });

    it("round-trips through storage and its schema unchanged", () => {
      for (const fixture of fixtures) {
        const stored = throughStorage(fixture);
        expect(ZChangeEvent.parse(stored)).toEqual(fixture);
        expect(parseChangeEvent(stored as typeof fixture)).toEqual(fixture);
      }
    });
  });

  it("knows every action the history's API names, and no other but the unreadable row's", () => {
    expect([...CHANGE_ACTIONS, "unreadable"].sort()).toEqual([...EVENT_ACTIONS].sort());
  });

  it("refuses values of another kind", () => {
    const [verdictChange] = CHANGE_EVENT_FIXTURES["claim.verdict_changed"];
    expect(ZChangeEvent.safeParse({ ...verdictChange, to: "maybe" }).success).toBe(false);
    expect(ZChangeEvent.safeParse({ ...verdictChange, action: "claim.created" }).success).toBe(false);
  });
});
