import { describe, expect, it } from "vitest";
import { describeVerdictOverlap, sortVerdictsBySeverity } from "./describeVerdictOverlap";

describe("describeVerdictOverlap", () => {
  it("names one claim by its verdict and overlapping claims by every verdict, most severe first", () => {
    expect(describeVerdictOverlap(["contradicted"], 1)).toBe("Contradicted claim");
    expect(describeVerdictOverlap(["supported", "contradicted"], 2)).toBe("Contradicted and supported: 2 claims");
    expect(describeVerdictOverlap(["supported", "unverified", "contradicted"], 3)).toBe(
      "Contradicted, unverified and supported: 3 claims",
    );
    expect(describeVerdictOverlap(["supported", "supported"], 2)).toBe("Supported: 2 claims");
  });

  it("orders verdicts contradicted, unverified, supported, once each", () => {
    expect(sortVerdictsBySeverity(["supported", "contradicted", "supported", "unverified"])).toEqual([
      "contradicted",
      "unverified",
      "supported",
    ]);
  });
});
