import type { HistoryEvent } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { describeHistoryEvent } from "./describeHistoryEvent";

let eventCount = 0;

function buildEvent(action: HistoryEvent["action"], values: Pick<HistoryEvent, "from" | "to"> = {}): HistoryEvent {
  eventCount += 1;
  return {
    id: `event-${eventCount}`,
    at: "2026-01-01T00:00:00.000Z",
    by: { id: "local-reviewer", name: "Local reviewer" },
    action,
    claimId: "claim-1",
    ...values,
  };
}

const LINK = { linkId: "link-1", fromClaimId: "claim-1", toClaimId: "claim-2", note: null, otherClaimId: "claim-2" };
const EVIDENCE = { evidenceId: "evidence-1", url: "https://reuters.com/x", title: "Reuters", excerpt: null };

describe("describeHistoryEvent", () => {
  it.each<[HistoryEvent, string]>([
    [buildEvent("claim.created", { to: { verdict: "unverified", exact: "x" } }), "marked the claim as Unverified"],
    [
      buildEvent("claim.verdict_changed", { from: "unverified", to: "contradicted" }),
      "changed the verdict from Unverified to Contradicted",
    ],
    [buildEvent("claim.imported", { to: { verdict: "supported", exact: "x" } }), "imported the claim as Supported"],
    [buildEvent("claim.speaker_changed", { from: null, to: "Robert Malley" }), "attributed the claim to Robert Malley"],
    [
      buildEvent("claim.speaker_changed", { from: "Robert Malley", to: "Oleg Nikolenko" }),
      "changed the speaker from Robert Malley to Oleg Nikolenko",
    ],
    [
      buildEvent("claim.speaker_changed", { from: "Robert Malley", to: null }),
      "removed the speaker (was Robert Malley)",
    ],
    [buildEvent("claim.rationale_changed", { from: "", to: "Because" }), "wrote the rationale"],
    [buildEvent("claim.rationale_changed", { from: "Because", to: "Since" }), "edited the rationale"],
    [buildEvent("claim.deleted", { from: { verdict: "supported", exact: "x" } }), "deleted the claim"],
    [buildEvent("claim.restored", { to: { verdict: "supported", exact: "x" } }), "restored the claim"],
    [
      buildEvent("evidence.added", { to: { ...EVIDENCE, stance: "contradicts" } }),
      "added evidence “Reuters” (Contradicts)",
    ],
    [
      buildEvent("evidence.added", { to: { ...EVIDENCE, title: null, stance: "context" } }),
      "added evidence “https://reuters.com/x” (Context)",
    ],
    [buildEvent("evidence.removed", { from: { ...EVIDENCE, stance: "supports" } }), "removed evidence “Reuters”"],
    [
      buildEvent("evidence.updated", {
        from: { evidenceId: "evidence-1", stance: "supports" },
        to: { evidenceId: "evidence-1", stance: "context" },
      }),
      "edited evidence (stance from Supports to Context)",
    ],
    [
      buildEvent("evidence.updated", {
        from: { evidenceId: "evidence-1", title: "Old" },
        to: { evidenceId: "evidence-1", title: "New" },
      }),
      "edited evidence “New” (title)",
    ],
    [
      buildEvent("link.added", {
        to: { ...LINK, kind: "contradicts", otherQuote: "transferred dozens [of drones to Russia] just this summer" },
      }),
      "linked it as contradicting “transferred dozens [of drones to Russia] just this summer”",
    ],
    [
      buildEvent("link.added", { to: { ...LINK, kind: "supports", otherQuote: "dozens" } }),
      "linked it as supporting “dozens”",
    ],
    [
      buildEvent("link.added", {
        to: { ...LINK, kind: "supports", fromClaimId: "claim-2", toClaimId: "claim-1", otherQuote: "dozens" },
      }),
      "linked it as supported by “dozens”",
    ],
    [
      buildEvent("link.removed", { from: { ...LINK, kind: "contradicts", otherQuote: "dozens" } }),
      "removed the link contradicting “dozens”",
    ],
  ])("describes %#", (event, expected) => {
    expect(describeHistoryEvent(event, [event])).toBe(expected);
  });

  it("says what an undo undid, from the entry it names", () => {
    const change = buildEvent("claim.verdict_changed", { from: "unverified", to: "contradicted" });
    const undo = buildEvent("claim.undone", { from: { eventId: change.id, action: change.action } });
    expect(describeHistoryEvent(undo, [undo, change])).toBe(
      "undid “changed the verdict from Unverified to Contradicted”",
    );
    expect(describeHistoryEvent(undo, [undo])).toBe("undid a verdict change");
  });

  it("cuts long quotes", () => {
    const event = buildEvent("link.added", { to: { ...LINK, kind: "contradicts", otherQuote: "word ".repeat(40) } });
    expect(describeHistoryEvent(event, [event]).length).toBeLessThan(100);
  });
});
