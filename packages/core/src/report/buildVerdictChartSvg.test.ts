import { describe, expect, it } from "vitest";
import { buildVerdictChartSvg } from "./buildVerdictChartSvg";

/** Each count's x and text, as drawn beside its bar. */
function countsDrawn(svg: string): { x: number; text: string }[] {
  return [...svg.matchAll(/<text x="(\d+)" y="\d+" class="chart-count">([^<]*)<\/text>/g)].map((match) => ({
    x: Number(match[1]),
    text: match[2] ?? "",
  }));
}

/** A digit is at most 0.6 em wide in the fonts a browser falls back to; the chart's text is 16 px by default. */
const DIGIT_WIDTH = 0.6 * 16;

describe("buildVerdictChartSvg", () => {
  it("leaves room inside the chart for the largest count beside its bar, five digits too", () => {
    for (const largest of [3, 42, 3334, 10_000, 99_999]) {
      const svg = buildVerdictChartSvg({ supported: largest, contradicted: 1, unverified: 0 });
      const width = Number(/width="(\d+)"/.exec(svg)?.[1]);
      for (const count of countsDrawn(svg)) {
        expect(count.x + count.text.length * DIGIT_WIDTH).toBeLessThanOrEqual(width);
      }
    }
  });

  it("states every count in its description for readers who do not see the bars", () => {
    const svg = buildVerdictChartSvg({ supported: 3334, contradicted: 12, unverified: 0 });
    expect(svg).toContain('<desc id="verdict-chart-desc">Supported: 3334, Contradicted: 12, Unverified: 0</desc>');
  });
});
