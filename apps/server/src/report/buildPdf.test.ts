import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { inflateSync } from "node:zlib";
import { buildReportModel, type ReportModel, VERDICT_STYLES, type Verdict } from "@factmark/core";
import PdfDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { generateLargeReportInput } from "../../../../packages/core/src/testing/generateLargeReportInput";
import { sampleReportInput, withUndoEntriesWithoutValues } from "../../../../packages/core/src/testing/sampleReport";
import { buildPdf } from "./buildPdf";

const hasPdfToText = existsSync("/usr/bin/pdftotext");

function pdfText(pdf: Buffer, mode: "layout" | "reading" = "layout"): string {
  return popplerTool("pdftotext", pdf, [...(mode === "layout" ? ["-layout"] : []), "report.pdf", "-"]);
}

function popplerTool(tool: string, pdf: Buffer, args: string[] = ["report.pdf"]): string {
  const dir = mkdtempSync(path.join(tmpdir(), "factmark-pdf-"));
  writeFileSync(path.join(dir, "report.pdf"), pdf);
  return execFileSync(`/usr/bin/${tool}`, args, { cwd: dir, encoding: "utf8" });
}

/**
 * One line of text per script, as a fact-checker may quote it. Poppler writes a right-to-left line back in logical
 * order, wrapped in directional embedding marks, with its trailing full stop moved before it (the stop is drawn
 * at the line's left end); words are compared, so the order is checked and that quirk is not.
 */
const MULTI_SCRIPT_CORPUS = [
  "Ação, café, naïve, Łódź, Ørsted, Straße, İstanbul, Dvořák",
  "Министр заявил, что дроны отправлены до войны",
  "Ο υπουργός δήλωσε ότι τα drones στάλθηκαν πριν από τον πόλεμο",
  "قال الوزير إن الطائرات المسيرة أرسلت قبل الحرب.",
  "השר אמר כי המל״טים נשלחו לפני המלחמה.",
  "伊朗外长表示无人机是在战争开始前几个月提供的",
  "外相はドローンが戦争の数か月前に送られたと述べた 𠮷野家",
  "Rocket 🚀 thumbs 👍 globe 🌍 flag 🇺🇦",
  "English with עברית and العربية inside, and 12 numbers",
];

/**
 * What a reader compares: the words, in order, without the directional marks an extractor adds, the variation
 * selectors it drops, or the punctuation it moves (poppler takes the neutrals beside a right-to-left run into it).
 */
function words(text: string): string {
  return text
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, " ")
    .replace(/\ufe0f/gu, "")
    .split(/\s+/u)
    .map((word) => word.replace(/^\p{P}+|\p{P}+$/gu, ""))
    .filter(Boolean)
    .join(" ");
}

/** Every page's drawing operators, inflated, as pdfkit wrote them (one content stream per page). */
function contentStreams(pdf: Buffer): string[] {
  const raw = pdf.toString("latin1");
  const streams: string[] = [];
  for (const match of raw.matchAll(/stream\n([\s\S]*?)\nendstream/g)) {
    try {
      const text = inflateSync(Buffer.from(match[1] ?? "", "latin1")).toString("latin1");
      if (/\bBT\b/.test(text)) streams.push(text);
    } catch {
      // Not deflated: an embedded font or image, not drawing.
    }
  }
  return streams;
}

/** A colour as pdfkit writes it before SCN (stroke) or scn (fill): "0.7058823529411765 0.13725490196078433 …". */
function pdfColour(hex: string): string {
  return [1, 3, 5].map((start) => String(Number.parseInt(hex.slice(start, start + 2), 16) / 255)).join(" ");
}

/** The saved-state blocks (q … Q) that stroke in a verdict's colour. */
function strokesIn(streams: string[], verdict: Verdict): string[] {
  const colour = `${pdfColour(VERDICT_STYLES[verdict].colour)} SCN`;
  return streams
    .flatMap((stream) => [...stream.matchAll(/\nq\n([\s\S]*?)\nQ/g)].map((block) => block[1] ?? ""))
    .filter((block) => block.includes(colour));
}

describe("buildPdf", () => {
  const input = generateLargeReportInput({ words: 600, claims: 12, links: 4, evidence: 6 });
  input.article.title = "Ирано-российские дроны: “limited” 🛩️";
  const firstClaim = input.claims[0];
  if (firstClaim) firstClaim.speaker = "Łukasz Ó'Brien";
  const model = buildReportModel(input);

  it("writes a PDF with every section, in text a reader can select", async () => {
    const pdf = await buildPdf(model);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    if (!hasPdfToText) return;
    const text = pdfText(pdf);
    for (const expected of [
      "Ирано-российские дроны: “limited” 🛩",
      "Summary",
      "12 claims checked: 4 supported, 4 contradicted, 4 unverified.",
      "Contradictions",
      "Claims",
      "Claim 12",
      "Speaker: Łukasz Ó'Brien",
      "https://evidence.example.org/source/0?ref=bench",
      "The article, with the claims marked",
      "Page 1 of",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("cannot show");
  });

  it("leaves the article out when asked", async () => {
    if (!hasPdfToText) return;
    const text = pdfText(await buildPdf(model, { includeArticle: false }));
    expect(text).not.toContain("The article, with the claims marked");
  });

  it("says so when there are no claims", async () => {
    if (!hasPdfToText) return;
    const text = pdfText(
      await buildPdf(buildReportModel({ ...input, claims: [], links: [], evidence: [], events: [] })),
    );
    expect(text).toContain("No claims have been marked in this article yet.");
    expect(text).toContain("0 claims checked");
    expect(text).not.toContain("Contradictions");
  });

  it("leaves the working history out unless the model carries it", async () => {
    if (!hasPdfToText) return;
    const text = pdfText(await buildPdf(buildReportModel(sampleReportInput()), { includeArticle: false }));
    expect(text).not.toMatch(/HISTORY|marked the claim|changed the verdict|attributed the claim/);
  });

  it("puts the conclusion first, and draws rationales with lists, and links that open", async () => {
    const sample = sampleReportInput();
    sample.article.conclusion = {
      rating: "mostly-inaccurate",
      summary:
        "Iran sent drones *after* the war began.\n\n- First wreckage: September 2022.\n- See https://evidence.example.org/wreckage",
    };
    sample.claims = sample.claims.map((claim) =>
      claim.id === "clm_malley"
        ? { ...claim, rationale: "Two counts:\n1. [Air force](https://evidence.example.org/air-force)\n2. Ministry" }
        : claim,
    );
    const pdf = await buildPdf(buildReportModel(sample), { includeArticle: false });
    // Link annotations, one per link, opening the URL.
    const raw = pdf.toString("latin1");
    expect(raw).toContain("/URI (https://evidence.example.org/wreckage)");
    expect(raw).toContain("/URI (https://evidence.example.org/air-force)");
    if (!hasPdfToText) return;
    const text = pdfText(pdf).replace(/[ \t]+/g, " ");
    expect(text.indexOf("Conclusion")).toBeLessThan(text.indexOf("Summary"));
    expect(text).toContain("Rating: Mostly inaccurate");
    expect(text).toMatch(/• First wreckage: September 2022\.\n *• See https:\/\/evidence\.example\.org\/wreckage/);
    // A link's URL is printed beside its text, for the page on paper.
    expect(text).toMatch(/1\. Air force \(https:\/\/evidence\.example\.org\/air-force\)\n *2\. Ministry/);
  });

  it("words an undone verdict change as what the undo put back, after the reviewer's name", async () => {
    if (!hasPdfToText) return;
    for (const sample of [sampleReportInput(), withUndoEntriesWithoutValues(sampleReportInput())]) {
      // Entries wrap to the column's width: compare the words, not the lines.
      const model = buildReportModel(sample, { history: "include" });
      const text = pdfText(await buildPdf(model, { includeArticle: false })).replace(/\s+/g, " ");
      expect(text).toContain(
        "· Local reviewer restored the verdict to Unverified (undo of the change to Contradicted)",
      );
      expect(text).toContain("· Dana Levi changed the verdict from Unverified to Contradicted");
      expect(text).not.toMatch(/\bChanged\b|undid a verdict change/);
    }
  });

  it("aligns a right-to-left paragraph of the article right", async () => {
    if (!hasPdfToText) return;
    const text = "A left-to-right paragraph about drones.\nשר החוץ אמר שאיראן מכרה מל״טים.";
    const pdf = await buildPdf(
      buildReportModel({
        ...input,
        article: { ...input.article, text },
        claims: [],
        links: [],
        evidence: [],
        events: [],
      }),
    );
    const lines = pdfText(pdf).split("\n");
    const leftToRight = lines.find((line) => line.includes("A left-to-right paragraph")) ?? "";
    const rightToLeft = lines.find((line) => line.includes("החוץ")) ?? "";
    expect(leftToRight.search(/\S/)).toBeLessThan(12);
    expect(rightToLeft.search(/\S/)).toBeGreaterThan(20);
  });

  describe("a report in every script of the corpus", async () => {
    const corpusInput = sampleReportInput();
    corpusInput.article.title = "Дроны · Drones · 无人机 · الطائرات · 🚀";
    // Poppler reads "· 🚀" after the Arabic word into its right-to-left run; the words are compared as a set there.
    corpusInput.article.text = MULTI_SCRIPT_CORPUS.join("\n");
    corpusInput.claims = corpusInput.claims.slice(0, 1).map((claim) => ({
      ...claim,
      speaker: "Хоссейн Амир-Абдоллахиан · حسين أمير عبد اللهيان",
      rationale: MULTI_SCRIPT_CORPUS.slice(3, 6).join("\n\n"),
      selectors: {
        ...claim.selectors,
        quote: { exact: MULTI_SCRIPT_CORPUS[4] as string, prefix: "", suffix: "" },
      },
    }));
    corpusInput.links = [];
    corpusInput.evidence = corpusInput.evidence.slice(0, 1).map((item) => ({
      ...item,
      claimId: corpusInput.claims[0]?.id ?? item.claimId,
      title: MULTI_SCRIPT_CORPUS[5] as string,
      excerpt: MULTI_SCRIPT_CORPUS[3] as string,
    }));
    const corpusPdf = await buildPdf(buildReportModel(corpusInput));

    it.runIf(hasPdfToText).each(MULTI_SCRIPT_CORPUS.map((line) => [line]))(
      "prints %s, every character in logical order, with no ? in its place",
      (line) => {
        // Lines are joined: poppler may start a new line where a taller font (an emoji's) begins.
        expect(words(pdfText(corpusPdf, "reading"))).toContain(words(line));
        expect(pdfText(corpusPdf, "reading")).not.toContain("?");
      },
    );

    it.runIf(hasPdfToText)("prints the title, the speaker and the rationale in their scripts", () => {
      const text = words(pdfText(corpusPdf, "reading"));
      expect(text).toContain("Дроны Drones 无人机");
      for (const word of ["الطائرات", "🚀"]) expect(text.split(" ").slice(0, 12)).toContain(word);
      expect(text).toContain(words("Speaker: Хоссейн Амир-Абдоллахиан · حسين أمير عبد اللهيان"));
    });

    it.runIf(hasPdfToText)("joins Arabic letters: the shaped forms are drawn, logical letters extracted", () => {
      // The isolated and the joined forms of a word draw different glyphs: the embedded Arabic font holds more
      // glyphs than the text has distinct letters when the letters join.
      const fonts = popplerTool("pdffonts", corpusPdf);
      expect(fonts).toMatch(/NotoNaskhArabic\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    });

    it.runIf(hasPdfToText)("embeds subsets of the Noto fonts, one per script used", () => {
      const fonts = popplerTool("pdffonts", corpusPdf);
      for (const name of [
        "NotoSans-Regular",
        "NotoSans-Italic",
        "NotoSans-Bold",
        "NotoNaskhArabic",
        "NotoSansHebrew",
        "NotoSansHans-Regular",
        "NotoSansJP-Regular",
        "NotoEmoji",
      ]) {
        expect(fonts).toMatch(new RegExp(`[A-Z]{6}\\+${name}\\S*\\s.*yes\\s+yes\\s+yes`));
      }
    });

    it.runIf(hasPdfToText)(
      "is tagged, in English, with headings, paragraphs, lists, a table and a described figure",
      () => {
        expect(popplerTool("pdfinfo", corpusPdf)).toMatch(/^Tagged:\s+yes$/m);
        const raw = corpusPdf.toString("latin1");
        expect(raw).toMatch(/\/Lang \(en\)/);
        expect(raw).toMatch(/\/DisplayDocTitle true/);
        for (const type of ["Document", "H1", "H2", "H3", "P", "BlockQuote", "L", "LI", "Lbl", "LBody", "Figure"]) {
          expect(raw).toContain(`/S /${type}\n`);
        }
        expect(raw).toMatch(/\/S \/Figure\n\/Alt \(Bar chart of claims per verdict: Supported \d+/);
        const withContradictions = raw.includes("/S /Table\n");
        expect(withContradictions).toBe(false);
      },
    );

    it.runIf(hasPdfToText)("sets a right-to-left paragraph from the right", () => {
      const lines = pdfText(corpusPdf).split("\n");
      const hebrew = lines.find((line) => line.includes("המלחמה")) ?? "";
      const english = lines.find((line) => line.includes("Ação")) ?? "";
      expect(english.search(/\S/)).toBeLessThan(12);
      expect(hebrew.search(/\S/)).toBeGreaterThan(20);
    });
  });

  describe("numbers, ligatures, Korean and mathematical letters", async () => {
    const hostile = sampleReportInput();
    const lines = [
      "قال الوزير عام ٢٠١٩ إن ٣٫٥ مليون طائرة",
      "الاقتصاد يوم الثلاثاء",
      "השר אמר בשנת 2019 כי 3.5 מיליון",
      "한국어 문장입니다",
      "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and 𝒜 speaks",
    ];
    hostile.article.text = lines.join("\n");
    hostile.claims = hostile.claims.slice(0, 1).map((claim) => ({
      ...claim,
      speaker: "𝒜",
      rationale: lines.join("\n\n"),
      selectors: { ...claim.selectors, quote: { exact: lines[0] as string, prefix: "", suffix: "" } },
    }));
    hostile.links = [];
    hostile.evidence = [];
    const hostilePdf = await buildPdf(buildReportModel(hostile));

    it.runIf(hasPdfToText)("extracts Arabic-Indic numbers in their own order, as typed", () => {
      const text = pdfText(hostilePdf, "reading");
      expect(text).toContain("٢٠١٩");
      expect(text).toContain("٣٫٥");
      expect(text).not.toContain("٩١٠٢");
    });

    it.runIf(hasPdfToText)("extracts words with a lam-alef ligature letter for letter", () => {
      const text = words(pdfText(hostilePdf, "reading"));
      expect(text).toContain("الاقتصاد يوم الثلاثاء");
      expect(text).not.toMatch(/االقتصاد|الثالثاء/);
    });

    it.runIf(hasPdfToText)("prints Hangul in Noto Sans KR and mathematical letters in Noto Sans Math", () => {
      const fonts = popplerTool("pdffonts", hostilePdf);
      expect(fonts).toMatch(/[A-Z]{6}\+NotoSansKR-Regular\S*\s.*yes\s+yes\s+yes/);
      expect(fonts).toMatch(/[A-Z]{6}\+NotoSansMath-Regular\S*\s.*yes\s+yes\s+yes/);
      const text = pdfText(hostilePdf, "reading");
      expect(text).toContain("한국어 문장입니다");
      expect(text).toContain("𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and 𝒜 speaks");
      expect(text).toContain("Speaker: 𝒜");
      expect(text).not.toContain("cannot show");
    });

    it("gives Arabic and Hebrew paragraphs their language", () => {
      const raw = hostilePdf.toString("latin1");
      expect(raw).toMatch(/\/S \/(P|BlockQuote)\n\/Lang \(ar\)/);
      expect(raw).toMatch(/\/S \/P\n\/Lang \(he\)/);
      expect(raw).toMatch(/\/S \/P\n\/Lang \(ko\)/);
    });
  });

  it.runIf(hasPdfToText)("prints a character no font has as a visible stand-in, listed on the last page", async () => {
    const sample = sampleReportInput();
    // A Linear B syllable and a Cuneiform sign: no embedded font has them; "㎏" has a compatibility form.
    sample.article.text = "Tablet 𐀀 and sign 𒀀 weigh 3 ㎏ (one ﬀ).";
    sample.claims = [];
    sample.links = [];
    sample.evidence = [];
    sample.events = [];
    const pdf = await buildPdf(buildReportModel(sample));
    const pages = popplerTool("pdfinfo", pdf).match(/^Pages:\s+(\d+)$/m)?.[1] ?? "1";
    const last = popplerTool("pdftotext", pdf, ["-f", pages, "-l", pages, "report.pdf", "-"]).replace(/\s+/g, " ");
    expect(last).toContain("Tablet \ufffd and sign \ufffd weigh 3");
    expect(last).toContain("This PDF cannot show 2 characters");
    expect(last).toContain("U+10000 (printed as \ufffd), U+12000 (printed as \ufffd)");
  });

  it.runIf(hasPdfToText)("tags the contradictions as a table", async () => {
    const raw = (await buildPdf(buildReportModel(sampleReportInput()), { includeArticle: false })).toString("latin1");
    for (const type of ["Table", "TR", "TD"]) expect(raw).toContain(`/S /${type}\n`);
  });

  describe("the article's claims, marked with the app's verdict patterns", async () => {
    const model = buildReportModel(sampleReportInput());
    const streams = contentStreams(await buildPdf(model));
    const underlineWidth = `${11 / 16} w`;

    it("underlines a contradicted claim with a wave (curves), never a straight line", () => {
      const underlines = strokesIn(streams, "contradicted").filter((block) => block.includes(underlineWidth));
      expect(underlines.length).toBeGreaterThan(0);
      for (const block of underlines) expect(block.match(/ c\n/g)?.length ?? 0).toBeGreaterThan(2);
    });

    it("underlines an unverified claim with dashes, and a supported one with a solid line", () => {
      const unverified = strokesIn(streams, "unverified").filter((block) => block.includes(underlineWidth));
      expect(unverified.length).toBeGreaterThan(0);
      for (const block of unverified) expect(block).toMatch(/\[[\d.]+ [\d.]+\] 0 d/);
      const supported = strokesIn(streams, "supported").filter((block) => block.includes(underlineWidth));
      expect(supported.length).toBeGreaterThan(0);
      for (const block of supported) expect(block).not.toMatch(/\] 0 d| c\n/);
    });

    it("fills each claim's run with its verdict's tint, as the app does", () => {
      const drawn = streams.join("\n");
      for (const verdict of ["contradicted", "supported", "unverified"] as const) {
        if (model.counts[verdict] === 0) continue;
        expect(drawn).toContain(`${pdfColour(VERDICT_STYLES[verdict].tint)} scn`);
      }
    });

    it("draws the claims' side bars in the verdict's border pattern: double contradicted, dashed unverified", () => {
      const bars = (verdict: Verdict) => strokesIn(streams, verdict).filter((block) => !block.includes(underlineWidth));
      expect(bars("contradicted").some((block) => (block.match(/ l\n/g)?.length ?? 0) >= 2)).toBe(true);
      expect(bars("unverified").some((block) => /\] 0 d/.test(block))).toBe(true);
      expect(bars("supported").every((block) => !/\] 0 d/.test(block))).toBe(true);
    });
  });
});

/** A full garbage collection, asked of V8 from inside the test (vitest's workers do not expose `gc`). */
function collectGarbage(): void {
  v8.setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

/**
 * The most heap a PDF's build holds beyond what was live before it, in bytes: measured after a full collection at
 * every tenth page break and before the file is written, when every page is still kept.
 */
async function heapHeldWhileBuilding(model: ReportModel): Promise<number> {
  const prototype = PdfDocument.prototype as unknown as { addPage(...args: unknown[]): unknown; end(): unknown };
  const { addPage, end } = prototype;
  let pages = 0;
  let peak = 0;
  const sample = () => {
    collectGarbage();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  prototype.addPage = function (this: unknown, ...args: unknown[]) {
    pages += 1;
    if (pages % 10 === 0) sample();
    return addPage.apply(this, args);
  };
  prototype.end = function (this: unknown) {
    sample();
    return end.call(this);
  };
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  try {
    await buildPdf(model);
  } finally {
    prototype.addPage = addPage;
    prototype.end = end;
  }
  expect(pages).toBeGreaterThan(10);
  return peak - before;
}

/** The scale bench's article per claim (bench/scale.ts LARGE: 20 words, a link per 4 and evidence per 2 claims). */
function scaleBenchModel(claims: number): ReportModel {
  const input = generateLargeReportInput({ words: claims * 20, claims, links: claims / 4, evidence: claims / 2 });
  return buildReportModel({
    ...input,
    organisation: { name: "Desk", url: "https://example.org" },
    generatedAt: "2026-12-01T00:00:00.000Z",
  });
}

describe("the memory a long report's PDF takes", () => {
  // A report thread has a 512 MB heap (heavyWork.ts); the 10,000-claim article's PDF was refused with 413 when
  // pdfkit kept every drawing operator of every page as a Buffer (~55 KB a claim). At under 20 KB a claim, 10,000
  // claims hold under 200 MB, which with the thread's ~50 MB of code, fonts and model is half its heap.
  it("holds under 20 KB of heap a claim, so a 10,000-claim article's PDF fits in half a report thread's heap", async () => {
    await buildPdf(scaleBenchModel(20));
    const fewer = await heapHeldWhileBuilding(scaleBenchModel(200));
    const more = await heapHeldWhileBuilding(scaleBenchModel(600));
    const perClaim = (more - fewer) / 400;
    expect(perClaim).toBeLessThan(20_000);
  }, 120_000);
});
