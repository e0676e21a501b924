import {
  buildArticleSegments,
  CONCLUSION_RATING_COLOURS,
  CONCLUSION_RATING_LABELS,
  claimLabel,
  factCheckByline,
  formatReportDate,
  orphanedClaimsLine,
  parseRationale,
  type RationaleInline,
  REPORT_GENERATED_LABEL,
  type ReportClaim,
  type ReportContradiction,
  type ReportModel,
  type ReportPairSide,
  speakerLine,
  summariseVerdictCounts,
  toSafeHttpUrl,
  VERDICT_COLOURS,
  VERDICT_LABELS,
  VERDICT_STYLES,
  VERDICTS,
  type Verdict,
} from "@factmark/core";
import { type PdfFace, PdfFonts } from "./pdfFonts";
import { continueOnNewPage, type PdfRun, PdfTextSetter, type SetOptions } from "./pdfTextSetter";

export interface BuildPdfOptions {
  /** Append the full article with the claims marked (default true), as the HTML report does. */
  includeArticle?: boolean;
}

const INK = "#1b1f24";
const MUTED = "#57606a";
const RULE = "#d0d7de";
const LINK = "#0550ae";
const MARGIN = 56;
const FOOTER_GAP = 28;

type StructureElement = PDFKit.PDFStructureElement;

/**
 * The report as a PDF with the HTML report's sections: header, the conclusion (rating and summary), summary with a
 * bar chart drawn in vector operations, contradictions side by side, every claim (quote, speaker, verdict, rationale,
 * evidence with links, links, and the short history when the model carries it) and, optionally, the article with the
 * claims marked; page numbers in the footer. The rationale and the conclusion's summary are drawn from core's
 * parseRationale, as every format renders them: lists with bullets or numbers, emphasis in italics or bold, and
 * http(s) links as link annotations.
 *
 * Every script is printed as typed: the Noto fonts are embedded (subsets; see pdfFonts.ts), each character set in
 * the font that has it, right-to-left text in its visual order and Arabic joined (pdfTextSetter.ts). The PDF is
 * tagged (PDF/UA-style structure: Document, H1-H4, P, L/LI/Lbl/LBody, BlockQuote, Table/TR/TD, Figure with its
 * alternative text; decorations and footers are artifacts) with the document language, so screen readers and text
 * extraction read it in order.
 */
export async function buildPdf(model: ReportModel, options: BuildPdfOptions = {}): Promise<Buffer> {
  // Loaded when a PDF is built (on a worker thread), not with the server: pdfkit costs ~280 ms and 25 MB to load.
  const { default: PdfDocument } = await import("pdfkit");
  const { header } = model;
  const doc: PDFKit.PDFDocument = new PdfDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_GAP, left: MARGIN, right: MARGIN },
    bufferPages: true,
    tagged: true,
    lang: "en",
    displayTitle: true,
    pdfVersion: "1.7",
    info: {
      // Document properties are written as UTF-16, so they keep every character.
      Title: `Fact-check: ${header.title}`,
      Author: header.organisation.name,
      Subject: header.sourceUrl ?? header.title,
      Creator: "Factmark",
      Producer: "Factmark (pdfkit)",
      CreationDate: new Date(header.generatedAt),
    },
  });
  const output = new PdfOutput();
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => output.add(chunk));
    doc.on("end", () => resolve(output.bytes()));
    doc.on("error", reject);
  });
  // The stream starts flowing on the next turn of the event loop. Until then every piece pdfkit writes (each tag's
  // and each link's dictionary) waits in the stream's buffer, a Buffer apiece: the whole build is one turn.
  await new Promise((resolve) => setImmediate(resolve));

  const root = doc.struct("Document");
  doc.addStructure(root);
  const writer = new PdfWriter(doc, root);
  writer.header(model);
  writer.conclusion(model);
  writer.summary(model);
  writer.contradictions(model.contradictions);
  writer.claims(model.claims);
  if (options.includeArticle ?? true) writer.article(model);
  writer.substitutesNote();
  root.end();
  writer.footers(header.organisation.name);
  doc.end();
  return done;
}

/** A page's content stream as pdfkit 0.17 keeps it (a PDFReference): its bytes so far, and its dictionary. */
interface PdfKitStream {
  buffer: Uint8Array[];
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  write(chunk: unknown): void;
  finalize(): void;
  /** Turns the operators gathered as text into bytes at the end of `buffer` (set by gatherContent). */
  gather?: () => void;
}

interface PdfKitPage {
  content: PdfKitStream;
}

/**
 * Has the page's drawing operators gathered as one string, turned into bytes when the page is finished or written.
 * pdfkit makes a Buffer of each operator as it is written (`Buffer.from(operator + "\n", "binary")`), hundreds of
 * thousands in a long report, each allocated, copied and later joined: a tenth of the build. The bytes are the same
 * (latin1 is "binary"; a string's latin1 bytes are one a UTF-16 unit, so the lengths pdfkit counts are the same),
 * and bytes pdfkit writes as bytes (none on a page today) keep their place after the text before them.
 */
function gatherContent(page: PDFKit.PDFPage): void {
  const content = (page as unknown as PdfKitPage).content;
  if (content.gather) return;
  let pending: string[] = [];
  const gather = () => {
    if (pending.length === 0) return;
    // Joined first: one flat string, copied once (a string grown by += is a tree V8 flattens piece by piece).
    content.buffer.push(Buffer.from(pending.join(""), "latin1"));
    pending = [];
  };
  const write = content.write.bind(content);
  const finalize = content.finalize.bind(content);
  content.gather = gather;
  content.write = (chunk: unknown) => {
    if (chunk instanceof Uint8Array) {
      gather();
      write(chunk);
      return;
    }
    // What PDFReference.write does with a chunk that is not bytes, less making the bytes.
    const text = `${chunk}\n`;
    pending.push(text);
    content.uncompressedLength += text.length;
    content.data.Length = (content.data.Length ?? 0) + text.length;
    if (content.compress) content.data.Filter = "FlateDecode";
  };
  content.finalize = () => {
    gather();
    finalize();
  };
}

/**
 * The PDF's bytes as pdfkit writes them, a few bytes a piece: joined every thousand pieces, so a long report holds
 * a few large buffers instead of hundreds of thousands of small ones (each ~100 bytes of heap around its bytes).
 */
class PdfOutput {
  private readonly joined: Buffer[] = [];
  private pending: Buffer[] = [];

  add(chunk: Buffer): void {
    this.pending.push(chunk);
    if (this.pending.length >= 1000) this.join();
  }

  bytes(): Buffer {
    this.join();
    return Buffer.concat(this.joined);
  }

  private join(): void {
    if (this.pending.length > 0) this.joined.push(Buffer.concat(this.pending));
    this.pending = [];
  }
}

class PdfWriter {
  private readonly width: number;
  private readonly setter: PdfTextSetter;
  private readonly fonts: PdfFonts;
  private parent: StructureElement;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    root: StructureElement,
  ) {
    this.width = doc.page.width - MARGIN * 2;
    this.fonts = new PdfFonts(doc);
    this.setter = new PdfTextSetter(doc, this.fonts);
    this.parent = root;
    gatherContent(doc.page);
    doc.on("pageAdded", () => this.pageFinished());
  }

  /**
   * What a page that is finished (a new one started) no longer needs kept as pdfkit keeps it. The pages stay until
   * the end (`bufferPages`: the footers need the page count), and pdfkit holds every drawing operator of a page as a
   * Buffer of its own until the page is written, ~100 bytes of heap around a few bytes of operator: a 10,000-claim
   * report held 3.5 million (~260 MB). Joined, the page's content is its bytes; the footers append to it later.
   * (gatherContent has the page's operators written as one string, turned into bytes here.) The fonts' layout
   * caches, which keep every word ever laid out, are kept to a few thousand words.
   */
  private pageFinished(): void {
    const pages = (this.doc as unknown as { _pageBuffer: PdfKitPage[] })._pageBuffer;
    const finished = pages.at(-2)?.content;
    finished?.gather?.();
    if (finished && finished.buffer.length > 1) finished.buffer = [Buffer.concat(finished.buffer)];
    gatherContent(this.doc.page);
    this.fonts.limitLayoutCaches();
  }

  header(model: ReportModel): void {
    const { doc } = this;
    const { header } = model;
    this.paragraph([
      run(factCheckByline(header.organisation.name).toUpperCase(), "regular", 9, MUTED, { characterSpacing: 0.6 }),
    ]);
    doc.moveDown(0.3);
    this.paragraph([run(header.title, "bold", 20, INK)], { tag: "H1" });
    doc.moveDown(0.5);
    const sourceUrl = toSafeHttpUrl(header.sourceUrl);
    const rows: [string, string, string?][] = [];
    if (header.outlet) rows.push(["Outlet", header.outlet]);
    if (header.author) rows.push(["Author", header.author]);
    if (sourceUrl) rows.push(["Source", sourceUrl, sourceUrl]);
    if (header.publishedAt) rows.push(["Published", formatReportDate(header.publishedAt)]);
    if (header.reviewers.length > 0) rows.push(["Reviewed by", header.reviewers.join(", ")]);
    rows.push([REPORT_GENERATED_LABEL, formatReportDate(header.generatedAt)]);
    for (const [label, value, link] of rows) {
      this.paragraph([
        run(`${label}: `, "regular", 10, MUTED),
        run(value, "regular", 10, link ? LINK : INK, link ? { link, underline: true } : {}),
      ]);
    }
  }

  /** The conclusion's rating as a badge, then its summary; nothing before anyone concludes. */
  conclusion(model: ReportModel): void {
    const { conclusion } = model.article;
    if (!conclusion) return;
    const { doc } = this;
    this.heading("Conclusion");
    const top = doc.y;
    this.tag("P", () => {
      this.line([run("Rating:", "regular", 10, MUTED)], MARGIN, top + 1.5);
      const x = MARGIN + this.setter.widthOf([run("Rating:", "regular", 10, MUTED)]) + 6;
      this.badge(CONCLUSION_RATING_LABELS[conclusion.rating], CONCLUSION_RATING_COLOURS[conclusion.rating], x, top);
    });
    doc.x = MARGIN;
    doc.y = top + 20;
    this.rationale(conclusion.summary);
  }

  summary(model: ReportModel): void {
    const { doc } = this;
    this.heading("Summary");
    const orphans = model.orphanCount > 0 ? ` ${orphanedClaimsLine(model.orphanCount)}` : "";
    this.paragraph([run(`${summariseVerdictCounts(model.counts)}${orphans}`, "regular", 11, INK)]);
    doc.moveDown(0.6);
    const alt = `Bar chart of claims per verdict: ${VERDICTS.map((verdict) => `${VERDICT_LABELS[verdict]} ${model.counts[verdict]}`).join(", ")}.`;
    this.ensureSpace(VERDICTS.length * 23);
    this.tag("Figure", () => this.chart(model.counts), { alt });
  }

  /** Claims per verdict as horizontal bars, each with its label and count, and a fill pattern so it reads without colour. */
  private chart(counts: Record<Verdict, number>): void {
    const { doc } = this;
    const barHeight = 16;
    const gap = 7;
    const labelWidth = 90;
    const barSpace = Math.min(300, this.width - labelWidth - 50);
    const largest = Math.max(1, ...VERDICTS.map((verdict) => counts[verdict]));
    const top = doc.y;
    VERDICTS.forEach((verdict, index) => {
      const y = top + index * (barHeight + gap);
      const x = MARGIN + labelWidth;
      const width = Math.max(counts[verdict] > 0 ? 2 : 0, (counts[verdict] / largest) * barSpace);
      this.line([run(VERDICT_LABELS[verdict], "regular", 10, INK)], MARGIN, y + 1.5);
      if (width > 0) {
        doc.save();
        doc.rect(x, y, width, barHeight).fillAndStroke(VERDICT_COLOURS[verdict], VERDICT_COLOURS[verdict]);
        doc.rect(x, y, width, barHeight).clip();
        if (verdict === "contradicted") {
          doc.lineWidth(2.5).strokeColor("#ffffff").strokeOpacity(0.45);
          for (let stripe = -barHeight; stripe < width; stripe += 8) {
            doc
              .moveTo(x + stripe, y + barHeight)
              .lineTo(x + stripe + barHeight, y)
              .stroke();
          }
        } else if (verdict === "unverified") {
          doc.fillColor("#ffffff").fillOpacity(0.6);
          for (let dot = 4; dot < width; dot += 8) {
            doc.circle(x + dot, y + 4, 1.4).circle(x + dot, y + 12, 1.4);
          }
          doc.fill();
        }
        doc.restore();
      }
      this.line([run(String(counts[verdict]), "regular", 10, INK)], x + width + 6, y + 1.5);
    });
    doc.x = MARGIN;
    doc.y = top + VERDICTS.length * (barHeight + gap);
  }

  contradictions(contradictions: ReportContradiction[]): void {
    if (contradictions.length === 0) return;
    const { doc } = this;
    this.heading("Contradictions");
    const middle = 64;
    const columnWidth = (this.width - middle) / 2;
    for (const pair of contradictions) {
      const leftHeight = this.pairSideHeight(pair.left, columnWidth);
      const rightHeight = this.pairSideHeight(pair.right, columnWidth);
      const noteRuns = pair.note ? [run(pair.note, "italic", 10, MUTED)] : [];
      const noteHeight = pair.note ? this.setter.measure(noteRuns, this.width) + 4 : 0;
      const height = Math.max(leftHeight, rightHeight);
      this.ensureSpace(height + noteHeight + 12);
      const top = doc.y;
      this.artifact(() => {
        this.sideBar(MARGIN, top, height, pair.left.verdict);
        this.sideBar(MARGIN + columnWidth + middle, top, height, pair.right.verdict);
      });
      this.group("Table", () => {
        this.group("TR", () => {
          this.tag("TD", () => this.pairSide(pair.left, MARGIN, top, columnWidth), {
            lang: languageOf([run(pair.left.quote, "italic", 11, INK)]),
          });
          this.tag("TD", () => {
            doc.y = top + height / 2 - 6;
            this.setter.set([run("contradicts", "regular", 9, MUTED)], {
              x: MARGIN + columnWidth,
              width: middle,
              align: "center",
              isSingleLine: true,
            });
          });
          this.tag("TD", () => this.pairSide(pair.right, MARGIN + columnWidth + middle, top, columnWidth), {
            lang: languageOf([run(pair.right.quote, "italic", 11, INK)]),
          });
        });
      });
      doc.x = MARGIN;
      doc.y = top + height + 4;
      if (pair.note) this.paragraph(noteRuns);
      doc.moveDown(0.8);
    }
  }

  private pairSideHeight(side: ReportPairSide, width: number): number {
    const inner = width - 12;
    return (
      14 +
      this.setter.measure([run(side.quote, "italic", 11, INK)], inner) +
      4 +
      this.setter.measure([run(speakerLine(side.speaker), "regular", 9, MUTED)], inner)
    );
  }

  /**
   * A bar down the left of a verdict's block in its colour and its border pattern, as the HTML's left border: a
   * solid bar (supported), two thin lines (double, contradicted) or dashes (unverified), so it reads without colour.
   */
  private sideBar(x: number, y: number, height: number, verdict: Verdict): void {
    const { doc } = this;
    const { colour, border } = VERDICT_STYLES[verdict];
    doc.save().strokeColor(colour);
    if (border === "double") {
      doc.lineWidth(1.2);
      for (const offset of [0.6, 3.4]) doc.moveTo(x + offset, y).lineTo(x + offset, y + height);
    } else {
      doc.lineWidth(3.5);
      if (border === "dashed") doc.dash(5, { space: 3 });
      doc.moveTo(x + 1.75, y).lineTo(x + 1.75, y + height);
    }
    doc.stroke().restore();
  }

  private pairSide(side: ReportPairSide, x: number, y: number, width: number): void {
    const { doc } = this;
    const inner = { x: x + 10, width: width - 12 };
    doc.y = y;
    this.setter.set(
      [run(`${claimLabel(side.number)} · ${side.verdictLabel}`, "bold", 9, INK, { goTo: destination(side.number) })],
      inner,
    );
    doc.y = y + 14;
    this.setter.set([run(side.quote, "italic", 11, INK)], inner);
    doc.y += 4;
    this.setter.set([run(speakerLine(side.speaker), "regular", 9, MUTED)], inner);
  }

  claims(claims: ReportClaim[]): void {
    const { doc } = this;
    this.heading("Claims");
    if (claims.length === 0) {
      this.paragraph([run("No claims have been marked in this article yet.", "regular", 11, INK)]);
      return;
    }
    for (const claim of claims) {
      this.ensureSpace(70);
      doc.addNamedDestination(destination(claim.number));
      this.claim(claim);
      doc.moveDown(0.4);
      const y = doc.y;
      this.artifact(() => this.rule(y, 0.5));
      doc.moveDown(0.6);
    }
  }

  private claim(claim: ReportClaim): void {
    const { doc } = this;
    const top = doc.y;
    this.tag("H3", () => {
      const title = [run(claimLabel(claim.number), "bold", 12, INK)];
      this.line(title, MARGIN, top - 2);
      let x = MARGIN + this.setter.widthOf(title) + 8;
      x = this.badge(claim.verdictLabel, VERDICT_COLOURS[claim.verdict], x, top);
      if (claim.isOrphaned) this.badge("Orphaned", "#9a6700", x + 4, top);
      else if (claim.isAnchorUnconfirmed) this.badge("Moved - to be checked", "#9a6700", x + 4, top);
    });
    doc.x = MARGIN;
    doc.y = top + 18;

    this.quote(claim.selectors.quote.exact, claim.verdict);
    this.paragraph([run(speakerLine(claim.speaker), "regular", 9.5, MUTED)]);

    if (claim.rationale.trim().length > 0) {
      this.label("Rationale");
      this.rationale(claim.rationale);
    }
    if (claim.evidence.length > 0) {
      this.label("Evidence");
      this.group("L", () => {
        for (const item of claim.evidence) {
          const url = toSafeHttpUrl(item.url);
          this.group("LI", () => {
            this.listItem(MARGIN + 6, 10, "•", [
              run(item.title ?? item.url, "regular", 10, url ? LINK : INK, url ? { link: url, underline: true } : {}),
              run(`  ${item.stanceLabel}`, "regular", 9, MUTED),
            ]);
            if (item.title && url) {
              this.paragraph([run(url, "regular", 8.5, MUTED, { link: url })], { x: MARGIN + 16 });
            }
            if (item.excerpt) {
              this.paragraph([run(`“${item.excerpt}”`, "italic", 10, INK)], { x: MARGIN + 16, tag: "BlockQuote" });
            }
          });
        }
      });
    }
    if (claim.links.length > 0) {
      this.label("Links");
      this.group("L", () => {
        for (const link of claim.links) {
          this.group("LI", () => {
            this.listItem(MARGIN + 6, 10, "•", [
              run(`${link.label} `, "regular", 10, INK),
              run(claimLabel(link.otherClaimNumber), "regular", 10, LINK, { goTo: destination(link.otherClaimNumber) }),
              ...(link.note ? [run(`: ${link.note}`, "regular", 10, INK)] : []),
            ]);
          });
        }
      });
    }
    if (claim.history.length > 0) {
      this.label("History");
      const earlier = claim.historyTotal - claim.history.length;
      if (earlier > 0) {
        this.paragraph([
          run(`${earlier} earlier ${earlier === 1 ? "change" : "changes"} not shown.`, "regular", 8.5, MUTED),
        ]);
      }
      this.group("L", () => {
        for (const entry of claim.history) {
          this.tag("LI", () =>
            this.setter.set(
              [run(`${formatReportDate(entry.at)} · ${entry.by} ${entry.summary}`, "regular", 9, MUTED)],
              { x: MARGIN, width: this.width },
            ),
          );
        }
      });
    }
  }

  /**
   * A rationale (or the conclusion's summary) with its light formatting, as core's parseRationale reads it:
   * paragraphs, lists with a bullet or a number hanging in the margin, italics, bold, and links that open.
   */
  private rationale(text: string): void {
    const { doc } = this;
    const indent = 18;
    for (const block of parseRationale(text)) {
      if (block.type === "paragraph") {
        block.lines.forEach((line, index) => {
          const runs = inlineRuns(line);
          if (runs.length > 0) this.paragraph(runs, { paragraphGap: index === block.lines.length - 1 ? 4 : 0 });
        });
        continue;
      }
      this.group("L", () => {
        block.items.forEach((item, index) => {
          this.ensureSpace(16);
          const marker = block.isOrdered ? `${index + 1}.` : "•";
          this.group("LI", () =>
            this.listItem(MARGIN + 4, indent - 4, marker, inlineRuns(item), index === block.items.length - 1 ? 4 : 1),
          );
        });
      });
    }
    doc.x = MARGIN;
  }

  /** A list item: its marker (Lbl) hanging at `x`, its body (LBody) beside it. */
  private listItem(x: number, markerWidth: number, marker: string, body: PdfRun[], gapAfter = 0): void {
    const { doc } = this;
    this.ensureSpace(Math.max(...body.map((piece) => piece.size), 8) * 1.4);
    const top = doc.y;
    const bodyX = x + markerWidth;
    this.tag("Lbl", () => this.line([run(marker, "regular", body[0]?.size ?? 11, INK)], x, top));
    doc.y = top;
    this.tag(
      "LBody",
      () => this.setter.set(body, { x: bodyX, width: MARGIN + this.width - bodyX, paragraphGap: gapAfter }),
      { lang: languageOf(body) },
    );
    doc.x = MARGIN;
  }

  /** A quote set off by a bar in the verdict's colour and border pattern on its left. */
  private quote(text: string, verdict: Verdict): void {
    const { doc } = this;
    const page = doc.page;
    const top = doc.y;
    this.paragraph([run(text, "italic", 11.5, INK)], { x: MARGIN + 12, tag: "BlockQuote", paragraphGap: 2 });
    const barTop = doc.page === page ? top : doc.page.margins.top;
    this.artifact(() => this.sideBar(MARGIN, barTop, doc.y - 2 - barTop, verdict));
    doc.x = MARGIN;
    doc.y += 2;
  }

  article(model: ReportModel): void {
    this.heading("The article, with the claims marked");
    // Where claims overlap, a run takes its most severe verdict's tint and underline: contradicted is never hidden.
    // The text stays ink on the tint, as in the app; the underline's pattern says the verdict without colour.
    const paragraphs: { text: string; verdict: Verdict | null }[][] = [[]];
    for (const segment of buildArticleSegments(model)) {
      segment.text.split("\n").forEach((line, index) => {
        if (index > 0) paragraphs.push([]);
        if (line.length > 0) paragraphs.at(-1)?.push({ text: line, verdict: segment.verdicts[0] ?? null });
      });
    }
    for (const runs of paragraphs) {
      if (runs.length === 0) continue;
      // A right-to-left paragraph is set from the right, in its visual order (the setter's "start" side).
      this.paragraph(
        runs.map((piece) =>
          run(
            piece.text,
            "regular",
            11,
            INK,
            piece.verdict
              ? {
                  underline: {
                    style: VERDICT_STYLES[piece.verdict].underline,
                    colour: VERDICT_STYLES[piece.verdict].colour,
                  },
                  tint: VERDICT_STYLES[piece.verdict].tint,
                }
              : {},
          ),
        ),
        { paragraphGap: 6 },
      );
    }
  }

  /**
   * The characters no embedded font has, on the last page: each was drawn (and extracts) as a stand-in, its
   * compatibility form or U+FFFD, so a reader knows the print is not what was typed and which code points were.
   */
  substitutesNote(): void {
    const substitutes = this.fonts.substitutes();
    if (substitutes.length === 0) return;
    const listed = substitutes
      .map(({ character, drawnAs }) => {
        const codePoint = (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
        return `U+${codePoint} (printed as ${drawnAs})`;
      })
      .join(", ");
    this.doc.moveDown(1.2);
    this.paragraph([
      run(
        `This PDF cannot show ${substitutes.length === 1 ? "one character" : `${substitutes.length} characters`} in its own glyph (no embedded font has ${substitutes.length === 1 ? "it" : "them"}), and prints and copies a stand-in: ${listed}.`,
        "italic",
        9,
        MUTED,
      ),
    ]);
  }

  /** Page numbers (and the publisher) in every page's footer, written once every page exists, as artifacts. */
  footers(organisation: string): void {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index += 1) {
      doc.switchToPage(index);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = doc.page.height - MARGIN - 6;
      doc.markContent("Artifact", { type: "Pagination" });
      this.rule(y - 6, 0.5);
      this.line([run(factCheckByline(organisation), "regular", 8, MUTED)], MARGIN, y - 2, this.width / 2);
      doc.y = y - 2;
      this.setter.set([run(`Page ${index + 1} of ${range.count}`, "regular", 8, MUTED)], {
        x: MARGIN + this.width / 2,
        width: this.width / 2,
        align: "right",
        isSingleLine: true,
      });
      doc.endMarkedContent();
      doc.page.margins.bottom = bottom;
    }
  }

  private heading(text: string): void {
    const { doc } = this;
    this.ensureSpace(80);
    doc.moveDown(1.2);
    this.paragraph([run(text, "bold", 14, INK)], { tag: "H2" });
    const y = doc.y + 2;
    this.artifact(() => this.rule(y, 0.75));
    doc.y = y + 8;
  }

  private label(text: string): void {
    this.ensureSpace(48);
    this.doc.moveDown(0.4);
    this.paragraph([run(text.toUpperCase(), "bold", 8, MUTED, { characterSpacing: 0.5 })], { tag: "H4" });
    this.doc.moveDown(0.15);
  }

  /** A rounded label with white text; answers where the next thing on the line may start. */
  private badge(text: string, colour: string, x: number, y: number): number {
    const { doc } = this;
    const label = [run(text, "bold", 8.5, "#ffffff")];
    const width = this.setter.widthOf(label) + 12;
    doc
      .save()
      .roundedRect(x, y - 1, width, 14, 7)
      .fill(colour)
      .restore();
    this.line(label, x + 6, y + 0.5);
    return x + width;
  }

  private rule(y: number, lineWidth: number): void {
    this.doc
      .save()
      .lineWidth(lineWidth)
      .strokeColor(RULE)
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + this.width, y)
      .stroke()
      .restore();
  }

  /** Runs set as one structure element (a paragraph unless told), wrapped to the column from doc.y. */
  private paragraph(
    runs: PdfRun[],
    options: { tag?: string; x?: number; paragraphGap?: number; align?: SetOptions["align"] } = {},
  ): void {
    const x = options.x ?? MARGIN;
    this.tag(
      options.tag ?? "P",
      () =>
        this.setter.set(runs, {
          x,
          width: MARGIN + this.width - x,
          paragraphGap: options.paragraphGap ?? 0,
          align: options.align,
        }),
      { lang: languageOf(runs) },
    );
  }

  /** One unwrapped line at a place, inside whatever structure element is being drawn; doc.y is left as it was. */
  private line(runs: PdfRun[], x: number, y: number, width = this.width): void {
    const { doc } = this;
    const before = doc.y;
    doc.y = y;
    this.setter.set(runs, { x, width, isSingleLine: true, align: "left" });
    doc.y = before;
  }

  /** Content drawn inside one structure element of the type; a `lang` other than the document's is its /Lang. */
  private tag(type: string, draw: () => void, options: { alt?: string; lang?: string | undefined } = {}): void {
    const { lang, ...rest } = options;
    this.parent.add(this.doc.struct(type, lang ? { ...rest, lang } : rest, draw));
  }

  /** A structure element whose children `fill` adds. */
  private group(type: string, fill: () => void): void {
    const element = this.doc.struct(type);
    this.parent.add(element);
    const outer = this.parent;
    this.parent = element;
    try {
      fill();
    } finally {
      this.parent = outer;
      element.end();
    }
  }

  /** Decoration a reader should skip (rules, bars). */
  private artifact(draw: () => void): void {
    this.doc.markContent("Artifact");
    draw();
    this.doc.endMarkedContent();
  }

  private ensureSpace(height: number): void {
    const { doc } = this;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) continueOnNewPage(doc);
  }
}

function run(
  text: string,
  face: PdfFace,
  size: number,
  colour: string,
  extra: Partial<Pick<PdfRun, "link" | "goTo" | "underline" | "tint" | "characterSpacing">> = {},
): PdfRun {
  return { text, face, size, colour, ...extra };
}

/** A rationale line's runs: italics, bold and links; a link whose text is not its URL is followed by the URL. */
function inlineRuns(inlines: RationaleInline[]): PdfRun[] {
  return inlines
    .flatMap((inline): RationaleInline[] =>
      inline.type === "link" && inline.text !== inline.href && toSafeHttpUrl(inline.href)
        ? [inline, { type: "link", text: ` (${inline.href})`, href: inline.href }]
        : [inline],
    )
    .filter((inline) => inline.text.length > 0)
    .map((inline) => {
      const face: PdfFace = inline.type === "emphasis" ? "italic" : inline.type === "strong" ? "bold" : "regular";
      const href = inline.type === "link" ? toSafeHttpUrl(inline.href) : null;
      return run(inline.text, face, 11, href ? LINK : INK, href ? { link: href, underline: true } : {});
    });
}

const LETTER = /\p{L}/u;
/** Scripts whose language is plain from the script alone (BCP 47 tags); a Han or Latin text could be many. */
const LANGUAGE_BY_SCRIPT: [RegExp, string][] = [
  [/\p{Script=Arabic}/u, "ar"],
  [/\p{Script=Hebrew}/u, "he"],
  [/\p{Script=Hangul}/u, "ko"],
];
const NAMES_A_LANGUAGE = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Hangul}]/u;

/**
 * The language of an element's text when most of its letters are of a script that names one (Arabic, Hebrew,
 * Korean); undefined (the document's, English) otherwise. A screen reader picks its voice by it.
 */
export function languageOf(runs: PdfRun[]): string | undefined {
  const text = runs.map((piece) => piece.text).join("");
  // Most elements have no letter of these scripts: one look, not one per character.
  if (!NAMES_A_LANGUAGE.test(text)) return undefined;
  let letters = 0;
  const counts = new Map<string, number>();
  for (const character of text) {
    if (!LETTER.test(character)) continue;
    letters += 1;
    const language = LANGUAGE_BY_SCRIPT.find(([script]) => script.test(character))?.[1];
    if (language) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  for (const [language, count] of counts) if (count * 2 > letters) return language;
  return undefined;
}

function destination(claimNumber: number): string {
  return `claim-${claimNumber}`;
}
