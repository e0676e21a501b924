import { type Claim, selectorsForRange, UNTOUCHED_CLAIM_WORKFLOW, type Verdict } from "@factmark/core";

let claimCount = 0;

/** A claim on `exact` within `text`, as the API would answer it. */
export function buildClaim(
  text: string,
  exact: string,
  verdict: Verdict = "unverified",
  overrides: Partial<Claim> = {},
): Claim {
  claimCount += 1;
  const start = text.indexOf(exact);
  if (start === -1) throw new Error(`"${exact}" is not in the text.`);
  return {
    id: `claim-${claimCount}`,
    articleId: "article-1",
    selectors: selectorsForRange(text, start, start + exact.length),
    verdict,
    speaker: null,
    rationale: "",
    isOrphaned: false,
    isAnchorUnconfirmed: false,
    version: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    createdBy: { id: "local-reviewer", name: "Local reviewer" },
    ...UNTOUCHED_CLAIM_WORKFLOW,
    ...overrides,
  };
}
