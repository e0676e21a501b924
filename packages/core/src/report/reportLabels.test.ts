import { describe, expect, it } from "vitest";
import {
  claimLabel,
  factCheckByline,
  orphanedClaimsLine,
  reportGeneratedLine,
  speakerLine,
  summariseVerdictCounts,
} from "./reportLabels";

describe("the report's shared wording", () => {
  it("names the publisher in one byline", () => {
    expect(factCheckByline("The Desk")).toBe("Fact-check by The Desk");
  });

  it("names a claim by its number", () => {
    expect(claimLabel(3)).toBe("Claim 3");
  });

  it("says who spoke, or that nobody was named, without repeating 'Speaker'", () => {
    expect(speakerLine("Ada Lovelace")).toBe("Speaker: Ada Lovelace");
    expect(speakerLine(null)).toBe("Speaker not named");
    expect(speakerLine("")).toBe("Speaker not named");
  });

  it("dates the report the same way as every other date in it", () => {
    expect(reportGeneratedLine("2026-12-01T17:05:09.000Z")).toBe("Report generated 2026-12-01 17:05 UTC");
  });

  it("summarises the verdict counts in the verdicts' order, with the total", () => {
    expect(summariseVerdictCounts({ supported: 2, contradicted: 1, unverified: 3 })).toBe(
      "6 claims checked: 2 supported, 1 contradicted, 3 unverified.",
    );
    expect(summariseVerdictCounts({ supported: 1, contradicted: 0, unverified: 0 })).toBe(
      "1 claim checked: 1 supported, 0 contradicted, 0 unverified.",
    );
  });

  it("says how many claims lost their text, and nothing when none did", () => {
    expect(orphanedClaimsLine(0)).toBe("");
    expect(orphanedClaimsLine(1)).toBe("1 claim is orphaned: its text is no longer in the article.");
    expect(orphanedClaimsLine(2)).toBe("2 claims are orphaned: their text is no longer in the article.");
  });
});
