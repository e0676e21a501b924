import { buildReportModel, type ReportInput, type ReportModel } from "@factmark/core";
import PdfDocument from "pdfkit";
import { describe, expect, it, vi } from "vitest";
import { generateLargeReportInput } from "../../../../packages/core/src/testing/generateLargeReportInput";
import { buildPdf } from "./buildPdf";
import { PdfFonts } from "./pdfFonts";
import { MAY_NEED_BIDI } from "./pdfTextSetter";

// The work a PDF's text takes, counted rather than timed: the 2,000-claim report went from ~2 s to ~14 s when every
// right-to-left word was shaped by fontkit each time it was measured and drawn, and every line of every paragraph,
// right to left or not, went through the bidi algorithm. A count fails on such a change whatever the machine's load.

const bidiWork = vi.hoisted(() => ({ runs: 0 }));

vi.mock("bidi-js", async (importOriginal) => {
  const { default: bidiFactory } = await importOriginal<typeof import("bidi-js")>();
  return {
    default: () => {
      const bidi = bidiFactory();
      return {
        ...bidi,
        getEmbeddingLevels: (...args: Parameters<typeof bidi.getEmbeddingLevels>) => {
          bidiWork.runs += 1;
          return bidi.getEmbeddingLevels(...args);
        },
      };
    },
  };
});

interface LayoutFont {
  postscriptName: string;
  layout(text: string, ...rest: unknown[]): unknown;
}

/** The runs fontkit lays out while `build` runs, each as its font's name and its text. */
async function fontkitLayouts(build: () => Promise<unknown>): Promise<string[]> {
  // Every font pdfkit opens is one of fontkit's TTFFont (WOFF and CFF-flavoured OpenType extend it).
  const doc = new PdfDocument();
  new PdfFonts(doc).use("noto-sans");
  let prototype = Object.getPrototypeOf((doc as unknown as { _font: { font: LayoutFont } })._font.font);
  while (!Object.hasOwn(prototype, "layout")) prototype = Object.getPrototypeOf(prototype);
  const owner = prototype as LayoutFont;
  const layout = owner.layout;
  const runs: string[] = [];
  owner.layout = function (this: LayoutFont, text: string, ...rest: unknown[]) {
    runs.push(`${this.postscriptName}|${text}`);
    return layout.call(this, text, ...rest);
  };
  try {
    await build();
  } finally {
    owner.layout = layout;
  }
  return runs;
}

/** The bench's article (bench/report.ts) at `claims` claims: 25 words, a link per 4 and evidence per 2 claims. */
function benchInput(claims: number): ReportInput {
  return generateLargeReportInput({ words: claims * 25, claims, links: claims / 4, evidence: claims / 2 });
}

/** The same report with each Arabic letter (of its one Arabic word, "ایران") a Latin "a": offsets unchanged. */
function latinOnly(input: ReportInput): ReportModel {
  const latin = JSON.stringify(input).replace(/\p{Script=Arabic}/gu, "a");
  expect(MAY_NEED_BIDI.test(latin)).toBe(false);
  return buildReportModel(JSON.parse(latin) as ReportInput);
}

describe("the work a long report's PDF takes", () => {
  it("shapes each right-to-left word once a document, not each time it is measured and drawn", async () => {
    const model = buildReportModel(benchInput(150));
    const runs = await fontkitLayouts(() => buildPdf(model));
    const arabic = runs.filter((run) => run.endsWith("|ایران"));
    // Once in each font the word is set in (Noto Naskh Arabic, regular and bold); it is drawn ~300 times.
    expect(arabic.length).toBeGreaterThan(0);
    expect(arabic.length).toBeLessThanOrEqual(2);
    // Nothing else is laid out twice in one font either (pdfkit keeps the words it lays out itself).
    expect(runs.length - new Set(runs).size).toBeLessThan(runs.length / 100);
  }, 60_000);

  it("lays out a few runs a claim through fontkit: the words that are new, not every word drawn", async () => {
    const fewer = await fontkitLayouts(() => buildPdf(buildReportModel(benchInput(100))));
    const more = await fontkitLayouts(() => buildPdf(buildReportModel(benchInput(300))));
    // New numbers (claim, source, link), URLs and their punctuation: ~4 a claim. Every Arabic word shaped anew
    // each time it was set made ~13.
    expect((more.length - fewer.length) / 200).toBeLessThan(6);
  }, 60_000);

  it("runs no bidi algorithm for a report with no right-to-left text, and one a paragraph for one with it", async () => {
    const input = benchInput(100);
    bidiWork.runs = 0;
    await buildPdf(latinOnly(input));
    expect(bidiWork.runs).toBe(0);
    bidiWork.runs = 0;
    await buildPdf(buildReportModel(input));
    // The article's paragraphs, the quotes and history lines that hold the Arabic word: hundreds, not every
    // label, badge, footer and line of the report (thousands).
    expect(bidiWork.runs).toBeGreaterThan(0);
    expect(bidiWork.runs).toBeLessThan(800);
  }, 60_000);
});
