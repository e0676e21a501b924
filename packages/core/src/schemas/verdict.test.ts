import { describe, expect, it } from "vitest";
import { DEFAULT_VERDICT, emptyVerdictCounts, VERDICTS, verdictForKey, ZVerdict } from "./verdict";

describe("verdicts", () => {
  it("are supported, contradicted and unverified, unverified by default", () => {
    expect(VERDICTS).toEqual(["supported", "contradicted", "unverified"]);
    expect(DEFAULT_VERDICT).toBe("unverified");
    expect(ZVerdict.safeParse("true").success).toBe(false);
  });

  it("are given by a letter or a digit, in either case", () => {
    expect(["s", "S", "1"].map(verdictForKey)).toEqual(["supported", "supported", "supported"]);
    expect(["c", "2"].map(verdictForKey)).toEqual(["contradicted", "contradicted"]);
    expect(["u", "3"].map(verdictForKey)).toEqual(["unverified", "unverified"]);
    expect(verdictForKey("x")).toBeUndefined();
  });

  it("start every count at zero", () => {
    expect(emptyVerdictCounts()).toEqual({ supported: 0, contradicted: 0, unverified: 0 });
  });
});
