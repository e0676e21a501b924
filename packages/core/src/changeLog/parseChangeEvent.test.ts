import { describe, expect, it } from "vitest";
import { parseChangeEvent, type StoredChangeRow, ZReadChangeEvent } from "./parseChangeEvent";

const ENVELOPE = {
  id: "0193f1c2-7a00-7000-8000-000000000001",
  at: "2026-11-28T10:00:00.000Z",
  by: { id: "local-reviewer", name: "Local reviewer" },
  claimId: "claim-1",
};

function storedRow(action: string, values: { from?: unknown; to?: unknown }): StoredChangeRow {
  return { ...ENVELOPE, action, ...values };
}

// Rows exactly as the server stored them before the change log was typed.
describe("parseChangeEvent on rows stored before the change log was typed", () => {
  it("reads an undo that names the reverted change without its values", () => {
    const event = parseChangeEvent(
      storedRow("claim.undone", { from: { eventId: "event-1", action: "claim.verdict_changed" } }),
    );
    expect(event).toEqual({
      ...ENVELOPE,
      action: "claim.undone",
      from: { eventId: "event-1", action: "claim.verdict_changed" },
    });
  });

  it("reads a fuzzy move written before it was flagged for a check", () => {
    const event = parseChangeEvent(
      storedRow("claim.reanchored", {
        from: { start: 40, end: 64, exact: "limited number of drones" },
        to: { start: 40, end: 70, exact: "limited number of armed drones", status: "fuzzy" },
      }),
    );
    expect(event.action).toBe("claim.reanchored");
    expect(event.action === "claim.reanchored" && event.to.isAnchorUnconfirmed).toBeUndefined();
  });

  it("reads both writers of claim.reanchored: a save's move and a reviewer's re-attachment", () => {
    const reattached = parseChangeEvent(
      storedRow("claim.reanchored", {
        from: { start: 100, end: 117, exact: "totally unfounded", isOrphaned: true },
        to: { start: 98, end: 106, exact: "baseless", status: "reattached" },
      }),
    );
    expect(reattached).toMatchObject({
      action: "claim.reanchored",
      from: { isOrphaned: true },
      to: { status: "reattached" },
    });
  });

  it("reads an article edit that names only the fields given", () => {
    const event = parseChangeEvent({
      ...storedRow("article.updated", { from: { outlet: null }, to: { outlet: "AP" } }),
      claimId: null,
    });
    expect(event).toMatchObject({ action: "article.updated", from: { outlet: null }, to: { outlet: "AP" } });
  });

  it("reads a speaker that was none, stored as JSON null", () => {
    expect(parseChangeEvent(storedRow("claim.speaker_changed", { from: null, to: "Robert Malley" }))).toMatchObject({
      action: "claim.speaker_changed",
      from: null,
      to: "Robert Malley",
    });
  });
});

describe("parseChangeEvent on rows that do not read", () => {
  it("keeps an action newer than this code, marked unreadable", () => {
    expect(parseChangeEvent(storedRow("claim.translated", { from: "en", to: "fr" }))).toEqual({
      ...ENVELOPE,
      action: "unreadable",
      storedAction: "claim.translated",
      from: "en",
      to: "fr",
    });
  });

  it("keeps a known action whose values fit no shape, marked unreadable", () => {
    expect(parseChangeEvent(storedRow("evidence.added", { to: { url: "https://x.example", title: "X" } }))).toEqual({
      ...ENVELOPE,
      action: "unreadable",
      storedAction: "evidence.added",
      to: { url: "https://x.example", title: "X" },
    });
  });

  it("reads an unreadable event again as itself, and the wire schema keeps it", () => {
    const unreadable = parseChangeEvent(storedRow("claim.translated", { to: "approved" }));
    expect(parseChangeEvent(unreadable)).toEqual(unreadable);
    expect(ZReadChangeEvent.parse(unreadable)).toEqual(unreadable);
  });
});

describe("parseChangeEvent on events already read", () => {
  it("answers them unchanged, in the row's field order", () => {
    const row = storedRow("claim.verdict_changed", { from: "unverified", to: "contradicted" });
    const event = parseChangeEvent(row);
    expect(parseChangeEvent(event)).toEqual(event);
    expect(Object.keys(event)).toEqual(Object.keys(row));
  });
});
