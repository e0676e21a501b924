import { describe, expect, it } from "vitest";
import { parseChangeEvent } from "../changeLog/parseChangeEvent";
import type { HistoryEvent } from "../schemas/event";
import { creditName, describeHistoryEvent } from "./describeHistoryEvent";

/** A row as the server answers it: the stored action and values, read by parseChangeEvent. */
function row(id: string, action: string, values: { from?: unknown; to?: unknown }): HistoryEvent {
  return parseChangeEvent({
    id,
    at: "2026-01-10T09:00:00.000Z",
    by: { id: "local-reviewer", name: "Local reviewer" },
    action,
    claimId: "claim-1",
    ...values,
  });
}

const VERDICT_CHANGE = row("event-1", "claim.verdict_changed", { from: "supported", to: "contradicted" });

describe("describeHistoryEvent", () => {
  it("words a stored row as the history panel does", () => {
    expect(describeHistoryEvent(VERDICT_CHANGE)).toBe("changed the verdict from Supported to Contradicted");
    expect(describeHistoryEvent(row("event-2", "claim.created", { to: { verdict: "contradicted", exact: "x" } }))).toBe(
      "marked the claim as Contradicted",
    );
  });

  it("says which verdict an undo restored, so a report reader believes the right one", () => {
    const undo = row("event-3", "claim.undone", {
      from: { eventId: "event-1", action: "claim.verdict_changed", from: "supported", to: "contradicted" },
    });
    expect(describeHistoryEvent(undo)).toBe("restored the verdict to Supported (undo of the change to Contradicted)");
  });

  it("finds what an old undo row reverted among the claim's rows, and says it is an undo without them", () => {
    const undo = row("event-3", "claim.undone", { from: { eventId: "event-1", action: "claim.verdict_changed" } });
    expect(describeHistoryEvent(undo, { events: [undo, VERDICT_CHANGE] })).toBe(
      "restored the verdict to Supported (undo of the change to Contradicted)",
    );
    expect(describeHistoryEvent(undo)).toBe("undid a verdict change");
  });

  it("words a row whose values do not read by its action alone", () => {
    expect(describeHistoryEvent(row("event-4", "evidence.added", { to: { title: "Report" } }))).toBe("added evidence");
  });
});

describe("creditName", () => {
  const importer = { id: "ines", name: "Ines Importer" };

  it("names who originally did an imported thing first, and the importer as the one who brought it in", () => {
    expect(creditName(importer, "Ana Ruiz")).toBe("Ana Ruiz (imported by Ines Importer)");
  });

  it("names the account alone for what was done here, or imported by the one who did it", () => {
    expect(creditName(importer)).toBe("Ines Importer");
    expect(creditName(importer, null)).toBe("Ines Importer");
    expect(creditName(importer, "Ines Importer")).toBe("Ines Importer");
  });
});
