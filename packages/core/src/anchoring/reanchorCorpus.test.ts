import { expect, describe as group, it } from "vitest";
import { readFixture } from "../testing/readFixture";
import { describe } from "./describe";
import { findOccurrences } from "./matchQuote";
import { type ReanchorResult, reanchor } from "./reanchor";
import { reanchorAll } from "./reanchorAll";

interface CorpusCase {
  name: string;
  category: string;
  old: string;
  new: string;
  claim: string;
  claimOccurrence?: number;
  expect: { orphaned: true } | { text: string; occurrence?: number; status?: string };
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
  return describe(testCase.old, start, start + testCase.claim.length);
}

function passRate(failures: number): string {
  const total = corpus.cases.length;
  return `${total - failures}/${total} (${(((total - failures) / total) * 100).toFixed(1)}%)`;
}

group("the re-anchoring corpus", () => {
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
    ]) {
      expect(categories).toContain(category);
    }
    expect(corpus.cases.some((testCase) => testCase.claim.length === 2000)).toBe(true);
  });

  // The path the server takes: one diff for the whole edit, then per-claim search where needed.
  it.each(corpus.cases.map((testCase) => [testCase.name, testCase] as const))("reanchorAll: %s", (_name, testCase) => {
    const [result] = reanchorAll([{ selectors: oldSelectors(testCase) }], testCase.old, testCase.new);
    expect(judge(testCase, result as ReanchorResult)).toBeUndefined();
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
