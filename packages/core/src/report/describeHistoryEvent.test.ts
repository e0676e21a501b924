import { describe, expect, it } from "vitest";
import { describeHistoryEvent } from "./describeHistoryEvent";

describe("describeHistoryEvent", () => {
  it("names verdicts by their labels", () => {
    expect(describeHistoryEvent({ action: "claim.verdict_changed", from: "unverified", to: "supported" })).toBe(
      "Verdict changed from Unverified to Supported",
    );
    expect(describeHistoryEvent({ action: "claim.created", to: { verdict: "contradicted", exact: "x" } })).toBe(
      "Claim marked Contradicted",
    );
  });

  it("says what happened to a speaker", () => {
    expect(describeHistoryEvent({ action: "claim.speaker_changed", from: null, to: "Robert Malley" })).toBe(
      "Speaker set to Robert Malley",
    );
    expect(describeHistoryEvent({ action: "claim.speaker_changed", from: "A", to: "B" })).toBe(
      "Speaker changed from A to B",
    );
    expect(describeHistoryEvent({ action: "claim.speaker_changed", from: "A", to: null })).toBe("Speaker removed");
  });

  it("names evidence by its title, else its URL", () => {
    expect(describeHistoryEvent({ action: "evidence.added", to: { title: "Report", url: "https://x.example" } })).toBe(
      "Evidence added: Report",
    );
    expect(describeHistoryEvent({ action: "evidence.added", to: { title: null, url: "https://x.example" } })).toBe(
      "Evidence added: https://x.example",
    );
  });

  it("copes with events that carry no values", () => {
    expect(describeHistoryEvent({ action: "claim.rationale_changed" })).toBe("Rationale edited");
    expect(describeHistoryEvent({ action: "claim.orphaned" })).toMatch(/orphaned/);
  });
});
