// The re-anchoring section of `pnpm bench`: 2,000 claims on a 50,000-word article after a typical
// edit (one paragraph) and a heavy one (every tenth sentence). The baseline is the same work without
// the diff: `reanchor` once per claim, searching the text for each.
import { generateEditedArticle } from "../packages/core/src/anchoring/generateEditedArticle";
import { reanchor } from "../packages/core/src/anchoring/reanchor";
import { reanchorAll, summarizeReanchoring } from "../packages/core/src/anchoring/reanchorAll";
import type { BenchRow } from "./table";

const SECTION = "Re-anchoring";
const RUNS = 7;

/** The median time of `RUNS` runs (after one warm-up), in milliseconds. */
function medianMilliseconds(run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  times.sort((left, right) => left - right);
  return times[Math.floor(times.length / 2)] as number;
}

export async function benchReanchor(): Promise<BenchRow[]> {
  const article = generateEditedArticle(50_000, 2_000);
  const scenarios = [
    { name: "2,000 claims, 50,000 words, one paragraph edited", edited: article.oneParagraphEdit, budget: 100 },
    {
      name: "2,000 claims, 50,000 words, every tenth sentence edited",
      edited: article.everyTenthSentenceEdit,
      budget: 1_000,
    },
  ];
  const rows: BenchRow[] = [];
  for (const { name, edited, budget } of scenarios) {
    const summary = summarizeReanchoring(reanchorAll(article.claims, article.text, edited));
    const value = medianMilliseconds(() => reanchorAll(article.claims, article.text, edited));
    const baseline = medianMilliseconds(() => article.claims.map(({ selectors }) => reanchor(selectors, edited)));
    rows.push({
      section: SECTION,
      name,
      unit: "ms",
      value,
      baseline,
      goal: `< ${budget} ms`,
      isGoalMet: value < budget,
      note: `median of ${RUNS}; exact ${summary.exact}, moved ${summary.moved}, fuzzy ${summary.fuzzy}, orphaned ${summary.orphaned}; baseline: reanchor per claim, no diff`,
    });
  }
  return rows;
}
