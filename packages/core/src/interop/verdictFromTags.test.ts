import { describe, expect, it } from "vitest";
import { TAG_VERDICTS, verdictFromTags } from "./verdictFromTags";

describe("verdictFromTags", () => {
  it("maps fact-checking tags to verdicts in any case", () => {
    expect(verdictFromTags(["False"])).toEqual({ verdict: "contradicted", keptTags: [] });
    expect(verdictFromTags(["MISLEADING"])).toEqual({ verdict: "contradicted", keptTags: [] });
    expect(verdictFromTags([" correct "])).toEqual({ verdict: "supported", keptTags: [] });
    expect(verdictFromTags(["True"])).toEqual({ verdict: "supported", keptTags: [] });
  });

  it("keeps tags that are no verdict, for the rationale", () => {
    expect(verdictFromTags(["satire", "Wrong"])).toEqual({ verdict: "contradicted", keptTags: ["satire"] });
    expect(verdictFromTags(["needs context"])).toEqual({ verdict: null, keptTags: ["needs context"] });
  });

  it("gives no verdict when the tags disagree, and keeps both", () => {
    expect(verdictFromTags(["true", "false"])).toEqual({ verdict: null, keptTags: ["true", "false"] });
  });

  it("lists only lower-case keys, so the lookup can be case-insensitive", () => {
    for (const tag of Object.keys(TAG_VERDICTS)) expect(tag).toBe(tag.toLowerCase().trim());
  });
});
