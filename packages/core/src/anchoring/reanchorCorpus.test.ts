import { describe, expect, it } from "vitest";
import { readFixture } from "../testing/readFixture";
import { findNearestMatch } from "./findNearestMatch";
import { findOccurrences } from "./matchQuote";
import { type ReanchorResult, reanchor } from "./reanchor";
import { reanchorAll } from "./reanchorAll";
import { selectorsForRange } from "./selectorsForRange";

interface CorpusCase {
  name: string;
  category: string;
  old: string;
  new: string;
  claim: string;
  claimOccurrence?: number;
  expect: { orphaned: true } | { text: string; occurrence?: number; status?: string };
  /** For an orphan: the text findNearestMatch should offer in its place. */
  nearest?: string;
}

const corpus = JSON.parse(readFixture("test-fixtures/anchoring/corpus.json")) as { cases: CorpusCase[] };

function nthOccurrence(text: string, quote: string, occurrence = 0): number {
  const start = findOccurrences(text, quote)[occurrence];
  if (start === undefined) throw new Error(`"${quote.slice(0, 40)}" does not occur ${occurrence + 1} times`);
  return start;
}

/** Whether a result is what the case expects; a reason when it is not. */
function judge(testCase: CorpusCase, result: ReanchorResult, isStatusChecked = true): string | undefined {
  const expected = testCase.expect;
  if ("orphaned" in expected) {
    return result.status === "orphaned" ? undefined : `expected an orphan, got ${describeResult(result)}`;
  }
  if (result.status === "orphaned") return "expected a range, got an orphan";
  const start = nthOccurrence(testCase.new, expected.text, expected.occurrence);
  const { position } = result.selectors;
  if (position.start !== start || position.end !== start + expected.text.length) {
    return `expected ${start}-${start + expected.text.length}, got ${describeResult(result)}`;
  }
  if (isStatusChecked && expected.status && expected.status !== result.status)
    return `expected ${expected.status}, got ${result.status}`;
  return undefined;
}

function describeResult(result: ReanchorResult): string {
  if (result.status === "orphaned") return "orphaned";
  const { position, quote } = result.selectors;
  return `${result.status} ${position.start}-${position.end} "${quote.exact.slice(0, 60)}"`;
}

function oldSelectors(testCase: CorpusCase) {
  const start = nthOccurrence(testCase.old, testCase.claim, testCase.claimOccurrence);
  return selectorsForRange(testCase.old, start, start + testCase.claim.length);
}

/**
 * How placements went over the corpus: precision = correct placements / placements made; recall =
 * correct placements / cases that expect a placement. A silent wrong placement (a claim placed where
 * the case expects an orphan or another range) is the worst error: a verdict on another statement.
 */
interface PlacementFigures {
  placements: number;
  correct: number;
  expectedPlacements: number;
  silentWrongPlacements: string[];
}

function placementFigures(resultOf: (testCase: CorpusCase) => ReanchorResult): PlacementFigures {
  const figures: PlacementFigures = { placements: 0, correct: 0, expectedPlacements: 0, silentWrongPlacements: [] };
  for (const testCase of corpus.cases) {
    const result = resultOf(testCase);
    if (!("orphaned" in testCase.expect)) figures.expectedPlacements += 1;
    if (result.status === "orphaned") continue;
    figures.placements += 1;
    if (judge(testCase, result, false)) figures.silentWrongPlacements.push(testCase.name);
    else figures.correct += 1;
  }
  return figures;
}

function formatFigures({ placements, correct, expectedPlacements, silentWrongPlacements }: PlacementFigures): string {
  const percent = (part: number, whole: number) => `${((part / Math.max(1, whole)) * 100).toFixed(1)}%`;
  return (
    `precision ${correct}/${placements} (${percent(correct, placements)}), ` +
    `recall ${correct}/${expectedPlacements} (${percent(correct, expectedPlacements)}), ` +
    `silent wrong placements ${silentWrongPlacements.length}`
  );
}

function passRate(failures: number): string {
  const total = corpus.cases.length;
  return `${total - failures}/${total} (${(((total - failures) / total) * 100).toFixed(1)}%)`;
}

describe("the re-anchoring corpus", () => {
  it("covers every kind of edit the issue lists", () => {
    const categories = new Set(corpus.cases.map((testCase) => testCase.category));
    for (const category of [
      "insertion before",
      "insertion inside",
      "insertion after",
      "deletion into",
      "paragraph moved",
      "repeated quote",
      "whitespace",
      "punctuation",
      "case",
      "emoji",
      "combining marks",
      "right-to-left",
      "two paragraphs",
      "long claim",
      "removed",
      "look-alike",
    ]) {
      expect(categories).toContain(category);
    }
    expect(corpus.cases.some((testCase) => testCase.claim.length === 2000)).toBe(true);
    const lookAlikes = corpus.cases.filter((testCase) => testCase.category === "look-alike");
    expect(lookAlikes.length).toBeGreaterThanOrEqual(30);
    expect(lookAlikes.every((testCase) => "orphaned" in testCase.expect && testCase.nearest)).toBe(true);
  });

  // The path the server takes: one diff for the whole edit, then per-claim search where needed.
  it.each(corpus.cases.map((testCase) => [testCase.name, testCase] as const))("reanchorAll: %s", (_name, testCase) => {
    const [result] = reanchorAll([{ selectors: oldSelectors(testCase) }], testCase.old, testCase.new);
    expect(judge(testCase, result as ReanchorResult)).toBeUndefined();
  });

  // What the UI offers an orphan: the look-alike the guard refused, with what differs.
  it.each(corpus.cases.filter((testCase) => testCase.nearest).map((testCase) => [testCase.name, testCase] as const))(
    "findNearestMatch: %s",
    (_name, testCase) => {
      const nearest = findNearestMatch(oldSelectors(testCase), testCase.new);
      expect(nearest?.selectors.quote.exact).toBe(testCase.nearest);
      expect(nearest?.differences.length).toBeGreaterThan(0);
    },
  );

  it("prints precision, recall and silent wrong placements, and makes no silent wrong placement", () => {
    const withDiff = placementFigures(
      (testCase) =>
        reanchorAll([{ selectors: oldSelectors(testCase) }], testCase.old, testCase.new)[0] as ReanchorResult,
    );
    const alone = placementFigures((testCase) => reanchor(oldSelectors(testCase), testCase.new));
    console.log(`Re-anchoring corpus (${corpus.cases.length} cases): reanchorAll ${formatFigures(withDiff)}`);
    console.log(`Re-anchoring corpus (${corpus.cases.length} cases): reanchor alone ${formatFigures(alone)}`);
    for (const name of alone.silentWrongPlacements) console.log(`reanchor alone places wrongly "${name}"`);
    expect(withDiff.silentWrongPlacements).toEqual([]);
  });

  it("prints the pass rate of reanchorAll and of reanchor alone (no diff)", () => {
    let failuresWithDiff = 0;
    let failuresAlone = 0;
    for (const testCase of corpus.cases) {
      const selectors = oldSelectors(testCase);
      const [withDiff] = reanchorAll([{ selectors }], testCase.old, testCase.new);
      if (judge(testCase, withDiff as ReanchorResult)) failuresWithDiff += 1;
      // Without the diff, "exact" means "at the old offset", so only the range is compared.
      const alone = judge(testCase, reanchor(selectors, testCase.new), false);
      if (alone) {
        failuresAlone += 1;
        console.log(`reanchor alone misses "${testCase.name}": ${alone}`);
      }
    }
    console.log(
      `Re-anchoring corpus: reanchorAll ${passRate(failuresWithDiff)}; reanchor alone ${passRate(failuresAlone)}`,
    );
    expect(failuresWithDiff).toBe(0);
  });
});
