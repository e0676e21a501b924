import { describe, expect, it } from "vitest";
import { applyClaimChanges, type Claim, compareClaimsInDocumentOrder, ZClaimCreate, ZClaimUpdate } from "./claim";
import { UNTOUCHED_CLAIM_WORKFLOW } from "./workflow";

function issuesOf(input: unknown): string[] {
  const result = ZClaimCreate.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("ZClaimCreate", () => {
  it("accepts a position, a quote, or both, with a verdict", () => {
    expect(ZClaimCreate.safeParse({ selectors: { position: { start: 0, end: 4 } } }).success).toBe(true);
    expect(ZClaimCreate.safeParse({ selectors: { quote: { exact: "Iran" } }, verdict: "supported" }).success).toBe(
      true,
    );
    expect(
      ZClaimCreate.safeParse({
        selectors: { position: { start: 0, end: 4 }, quote: { exact: "Iran", prefix: "", suffix: " sold" } },
        verdict: "contradicted",
        speaker: "Robert Malley",
        rationale: "Two sources disagree.",
      }).success,
    ).toBe(true);
  });

  it("leaves the verdict out when none is given (the server defaults it)", () => {
    const parsed = ZClaimCreate.parse({ selectors: { position: { start: 0, end: 4 } } });
    expect(parsed.verdict).toBeUndefined();
  });

  it("rejects start after end", () => {
    expect(issuesOf({ selectors: { position: { start: 5, end: 2 } } })).toContain(
      "selectors.position.start: start must not be after end.",
    );
  });

  it("rejects an empty selection", () => {
    expect(issuesOf({ selectors: { position: { start: 3, end: 3 } } })).toContain(
      "selectors.position.end: The selection is empty.",
    );
    expect(issuesOf({ selectors: { quote: { exact: "   " } } })).toContain(
      "selectors.quote.exact: The quote is empty.",
    );
  });

  it("rejects selectors with neither position nor quote", () => {
    expect(issuesOf({ selectors: {} })).toContain("selectors: Give a position, a quote, or both.");
  });

  it("rejects negative or fractional offsets", () => {
    expect(issuesOf({ selectors: { position: { start: -1, end: 2 } } }).length).toBeGreaterThan(0);
    expect(issuesOf({ selectors: { position: { start: 0.5, end: 2 } } }).length).toBeGreaterThan(0);
  });

  it("rejects an unknown verdict", () => {
    const issues = issuesOf({ selectors: { position: { start: 0, end: 4 } }, verdict: "false" });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^verdict:/);
  });

  it("rejects unknown keys at the top and in the selectors", () => {
    expect(issuesOf({ selectors: { position: { start: 0, end: 4 } }, colour: "red" }).join()).toMatch(/colour/);
    expect(issuesOf({ selectors: { position: { start: 0, end: 4 }, range: {} } }).join()).toMatch(/range/);
  });

  it("rejects wrong types", () => {
    expect(issuesOf({ selectors: { position: { start: "0", end: 4 } } }).length).toBeGreaterThan(0);
    expect(issuesOf({ selectors: "0-4" }).length).toBeGreaterThan(0);
    expect(issuesOf(null).length).toBeGreaterThan(0);
  });

  it("rejects a quote with a NUL character or a lone surrogate", () => {
    expect(issuesOf({ selectors: { quote: { exact: "a\u0000b" } } }).length).toBeGreaterThan(0);
    expect(issuesOf({ selectors: { quote: { exact: "a\ud83d" } } }).length).toBeGreaterThan(0);
  });

  it("turns a blank speaker into none", () => {
    expect(ZClaimCreate.parse({ selectors: { quote: { exact: "x" } }, speaker: "   " }).speaker).toBeNull();
    expect(ZClaimCreate.parse({ selectors: { quote: { exact: "x" } }, speaker: " Malley " }).speaker).toBe("Malley");
  });
});

describe("ZClaimUpdate", () => {
  it("accepts a verdict change", () => {
    expect(ZClaimUpdate.parse({ verdict: "supported" })).toEqual({ verdict: "supported" });
  });

  it("rejects an empty change and unknown keys", () => {
    expect(ZClaimUpdate.safeParse({}).success).toBe(false);
    expect(ZClaimUpdate.safeParse({ verdict: "supported", version: 2 }).success).toBe(false);
  });
});

describe("compareClaimsInDocumentOrder", () => {
  it("orders by start, then the longer claim first", () => {
    const claim = (start: number, end: number) => ({
      selectors: { position: { start, end }, quote: { exact: "", prefix: "", suffix: "" } },
    });
    const sorted = [claim(5, 6), claim(0, 2), claim(0, 9)].sort(compareClaimsInDocumentOrder);
    expect(sorted.map((item) => item.selectors.position)).toEqual([
      { start: 0, end: 9 },
      { start: 0, end: 2 },
      { start: 5, end: 6 },
    ]);
  });
});

describe("ZSpeaker", () => {
  it("refuses __proto__, the one name no JSON object keeps as a key (so it could never get a kind)", () => {
    expect(ZClaimUpdate.safeParse({ speaker: "__proto__" }).success).toBe(false);
    expect(ZClaimUpdate.safeParse({ speaker: "constructor" }).success).toBe(true);
  });
});

describe("applyClaimChanges", () => {
  const claim = (id: string, start: number, verdict: Claim["verdict"] = "unverified"): Claim => ({
    id,
    articleId: "a",
    selectors: { position: { start, end: start + 1 }, quote: { exact: "x", prefix: "", suffix: "" } },
    verdict,
    speaker: null,
    rationale: "",
    isOrphaned: false,
    isAnchorUnconfirmed: false,
    version: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    createdBy: { id: "r", name: "R" },
    ...UNTOUCHED_CLAIM_WORKFLOW,
  });

  it("replaces changed claims, adds new ones and drops deleted ones, in document order", () => {
    const kept = [claim("one", 0), claim("two", 10), claim("three", 20)];
    const next = applyClaimChanges(kept, {
      items: [claim("two", 10, "supported"), claim("new", 5)],
      deletedIds: ["three"],
    });
    expect(next.map((item) => [item.id, item.verdict])).toEqual([
      ["one", "unverified"],
      ["new", "unverified"],
      ["two", "supported"],
    ]);
  });

  it("ignores a deletion of a claim it never had, and leaves the kept list alone", () => {
    const kept = [claim("one", 0)];
    expect(applyClaimChanges(kept, { items: [], deletedIds: ["gone"] })).toEqual(kept);
    expect(kept).toHaveLength(1);
  });
});
