import { describe, expect, it } from "vitest";
import { changeEvent } from "./changeEvent";
import { CHANGE_EVENT_FIXTURES } from "./changeEventFixtures";
import { isUndoableChange } from "./isUndoableChange";
import { ZChangePayload } from "./ZChangeEvent";

const SELECTORS = { position: { start: 10, end: 18 }, quote: { exact: "baseless", prefix: "", suffix: "" } };
const MOVED = { position: { start: 12, end: 20 }, quote: { exact: "baseless", prefix: "a ", suffix: "." } };

describe("changeEvent", () => {
  it("writes what the server has always stored for each field of a claim", () => {
    expect(changeEvent.claimFieldChanged("verdict", "unverified", "supported")).toEqual({
      action: "claim.verdict_changed",
      from: "unverified",
      to: "supported",
    });
    expect(changeEvent.claimFieldChanged("speaker", null, "Robert Malley")).toEqual(
      changeEvent.speakerChanged(null, "Robert Malley"),
    );
  });

  it("flags a fuzzy move for a check, and records where a re-attached orphan was", () => {
    expect(changeEvent.claimReanchored(SELECTORS, MOVED, "fuzzy")).toEqual({
      action: "claim.reanchored",
      from: { start: 10, end: 18, exact: "baseless" },
      to: { start: 12, end: 20, exact: "baseless", status: "fuzzy", isAnchorUnconfirmed: true },
    });
    expect(changeEvent.claimReanchored(SELECTORS, MOVED, "moved").to).not.toHaveProperty("isAnchorUnconfirmed");
    expect(changeEvent.claimReattached({ selectors: SELECTORS, isOrphaned: true }, MOVED)).toEqual({
      action: "claim.reanchored",
      from: { start: 10, end: 18, exact: "baseless", isOrphaned: true },
      to: { start: 12, end: 20, exact: "baseless", status: "reattached" },
    });
  });

  it("makes an undo carry the change it reverts: its id, action and values", () => {
    const [verdictChange] = CHANGE_EVENT_FIXTURES["claim.verdict_changed"];
    if (!verdictChange) throw new Error("No verdict change fixture.");
    expect(changeEvent.undone(verdictChange)).toEqual({
      action: "claim.undone",
      from: { eventId: verdictChange.id, action: "claim.verdict_changed", from: "unverified", to: "contradicted" },
    });
  });

  it("answers payloads the schema reads back as they are", () => {
    for (const events of Object.values(CHANGE_EVENT_FIXTURES)) {
      for (const { action, ...rest } of events) {
        const payload = {
          action,
          ...("from" in rest ? { from: rest.from } : {}),
          ...("to" in rest ? { to: rest.to } : {}),
        };
        expect(ZChangePayload.parse(payload)).toEqual(payload);
      }
    }
  });
});

describe("isUndoableChange", () => {
  it("is true of edits, deletions and restorings, and not of creation, anchoring or undo", () => {
    const undoable = Object.values(CHANGE_EVENT_FIXTURES)
      .flat()
      .filter(isUndoableChange)
      .map((event) => event.action);
    expect(new Set(undoable)).toEqual(
      new Set([
        "claim.verdict_changed",
        "claim.speaker_changed",
        "claim.rationale_changed",
        "claim.deleted",
        "claim.restored",
        "evidence.added",
        "evidence.updated",
        "evidence.removed",
        "link.added",
        "link.removed",
      ]),
    );
  });
});
