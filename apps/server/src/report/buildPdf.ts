import {
  buildArticleSegments,
  CONCLUSION_RATING_COLOURS,
  CONCLUSION_RATING_LABELS,
  firstStrongDirection,
  formatReportDate,
  parseRationale,
  type RationaleInline,
  type ReportClaim,
  type ReportContradiction,
  type ReportModel,
  type ReportPairSide,
  toSafeHttpUrl,
  VERDICT_COLOURS,
  VERDICT_LABELS,
  VERDICTS,
  type Verdict,
} from "@factmark/core";
import { isWinAnsi, toWinAnsi } from "./toWinAnsi";

export interface BuildPdfOptions {
  /** Append the full article with the claims marked (default true), as the HTML report does. */
  includeArticle?: boolean;
}

const SANS = "Helvetica";
const SANS_BOLD = "Helvetica-Bold";
const SERIF = "Times-Roman";
const SERIF_ITALIC = "Times-Italic";
const SERIF_BOLD = "Times-Bold";
const INK = "#1b1f24";
const MUTED = "#57606a";
const RULE = "#d0d7de";
const LINK = "#0550ae";
const MARGIN = 56;
const FOOTER_GAP = 28;
/** Ends a link carried over from continued text: pdfkit inherits options left undefined, null stops it. */
const NO_TARGET = null as unknown as string;

/**
 * The report as a PDF with the HTML report's sections: header, the conclusion (rating and summary), summary with a
 * bar chart drawn in vector operations, contradictions side by side, every claim (quote, speaker, verdict, rationale,
 * evidence with links, links, and the short history when the model carries it) and, optionally, the article with the
 * claims marked; page numbers in the footer. The rationale and the conclusion's summary are drawn from core's
 * parseRationale, as every format renders them: lists with bullets or numbers, emphasis in italics or bold, and
 * http(s) links as link annotations. Standard fonts only, so the text is selectable and the file small; characters
 * they cannot show are transliterated (see toWinAnsi).
 */
export async function buildPdf(model: ReportModel, options: BuildPdfOptions = {}): Promise<Buffer> {
  // Loaded when a PDF is built (on a worker thread), not with the server: pdfkit costs ~280 ms and 25 MB to load.
  const { default: PdfDocument } = await import("pdfkit");
  const { header } = model;
  const doc: PDFKit.PDFDocument = new PdfDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_GAP, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: "en",
    displayTitle: true,
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
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const writer = new PdfWriter(doc);
  writer.header(model);
  writer.conclusion(model);
  writer.summary(model);
  writer.contradictions(model.contradictions);
  writer.claims(model.claims);
  if (options.includeArticle ?? true) writer.article(model);
  writer.footers(header.organisation.name, writer.hasReplacedCharacters(model));
  doc.end();
  return done;
}

class PdfWriter {
  private readonly width: number;

  constructor(private readonly doc: PDFKit.PDFDocument) {
    this.width = doc.page.width - MARGIN * 2;
  }

  header(model: ReportModel): void {
    const { doc } = this;
    const { header } = model;
    this.font(SANS, 9, MUTED).text(clean(`FACT-CHECK BY ${header.organisation.name.toUpperCase()}`), {
      characterSpacing: 0.6,
    });
    doc.moveDown(0.3);
    this.font(SANS_BOLD, 20, INK).text(clean(header.title));
    doc.moveDown(0.5);
    const sourceUrl = toSafeHttpUrl(header.sourceUrl);
    const rows: [string, string, string?][] = [];
    if (header.outlet) rows.push(["Outlet", header.outlet]);
    if (header.author) rows.push(["Author", header.author]);
    if (sourceUrl) rows.push(["Source", sourceUrl, sourceUrl]);
    if (header.publishedAt) rows.push(["Published", formatReportDate(header.publishedAt)]);
    if (header.reviewers.length > 0) rows.push(["Reviewed by", header.reviewers.join(", ")]);
    rows.push(["Report generated", formatReportDate(header.generatedAt)]);
    for (const [label, value, link] of rows) {
      this.font(SANS, 10, MUTED).text(`${label}: `, { continued: true });
      this.font(SANS, 10, link ? LINK : INK).text(clean(value), link ? { link, underline: true } : {});
    }
  }

  /** The conclusion's rating as a badge, then its summary; nothing before anyone concludes. */
  conclusion(model: ReportModel): void {
    const { conclusion } = model.article;
    if (!conclusion) return;
    const { doc } = this;
    this.heading("Conclusion");
    const top = doc.y;
    this.font(SANS, 10, MUTED).text("Rating:", MARGIN, top + 2.5, { lineBreak: false });
    const x = MARGIN + doc.widthOfString("Rating:") + 6;
    this.badge(CONCLUSION_RATING_LABELS[conclusion.rating], CONCLUSION_RATING_COLOURS[conclusion.rating], x, top);
    doc.x = MARGIN;
    doc.y = top + 20;
    this.rationale(conclusion.summary);
  }

  summary(model: ReportModel): void {
    const { doc } = this;
    this.heading("Summary");
    const counts = VERDICTS.map((verdict) => `${model.counts[verdict]} ${VERDICT_LABELS[verdict].toLowerCase()}`);
    const orphans =
      model.orphanCount > 0
        ? ` ${model.orphanCount} ${model.orphanCount === 1 ? "claim is" : "claims are"} orphaned: ${model.orphanCount === 1 ? "its" : "their"} text is no longer in the article.`
        : "";
    this.font(SERIF, 11, INK).text(
      `${model.claimCount} ${model.claimCount === 1 ? "claim" : "claims"} reviewed: ${counts.join(", ")}.${orphans}`,
    );
    doc.moveDown(0.6);
    this.chart(model.counts);
  }

  /** Claims per verdict as horizontal bars, each with its label and count, and a fill pattern so it reads without colour. */
  private chart(counts: Record<Verdict, number>): void {
    const { doc } = this;
    const barHeight = 16;
    const gap = 7;
    const labelWidth = 90;
    const barSpace = Math.min(300, this.width - labelWidth - 50);
    this.ensureSpace(VERDICTS.length * (barHeight + gap));
    const largest = Math.max(1, ...VERDICTS.map((verdict) => counts[verdict]));
    const top = doc.y;
    VERDICTS.forEach((verdict, index) => {
      const y = top + index * (barHeight + gap);
      const x = MARGIN + labelWidth;
      const width = Math.max(counts[verdict] > 0 ? 2 : 0, (counts[verdict] / largest) * barSpace);
      this.font(SANS, 10, INK).text(VERDICT_LABELS[verdict], MARGIN, y + 3, {
        width: labelWidth - 8,
        lineBreak: false,
      });
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
      this.font(SANS, 10, INK).text(String(counts[verdict]), x + width + 6, y + 3, { lineBreak: false });
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
      const noteHeight = pair.note
        ? this.font(SERIF_ITALIC, 10).heightOfString(clean(pair.note), { width: this.width }) + 4
        : 0;
      const height = Math.max(leftHeight, rightHeight);
      this.ensureSpace(height + noteHeight + 12);
      const top = doc.y;
      this.pairSide(pair.left, MARGIN, top, columnWidth, height);
      this.font(SANS, 9, MUTED).text("contradicts", MARGIN + columnWidth, top + height / 2 - 5, {
        width: middle,
        align: "center",
        lineBreak: false,
      });
      this.pairSide(pair.right, MARGIN + columnWidth + middle, top, columnWidth, height);
      doc.x = MARGIN;
      doc.y = top + height + 4;
      if (pair.note) this.font(SERIF_ITALIC, 10, MUTED).text(clean(pair.note), MARGIN, doc.y, { width: this.width });
      doc.moveDown(0.8);
    }
  }

  private pairSideHeight(side: ReportPairSide, width: number): number {
    const inner = { width: width - 12 };
    return (
      14 +
      this.font(SERIF_ITALIC, 11).heightOfString(clean(side.quote), inner) +
      4 +
      this.font(SANS, 9).heightOfString(speakerLine(side.speaker, "— "), inner)
    );
  }

  private pairSide(side: ReportPairSide, x: number, y: number, width: number, height: number): void {
    const { doc } = this;
    doc
      .save()
      .lineWidth(3)
      .strokeColor(VERDICT_COLOURS[side.verdict])
      .moveTo(x + 1.5, y)
      .lineTo(x + 1.5, y + height)
      .stroke()
      .restore();
    const inner = { width: width - 12 };
    this.font(SANS_BOLD, 9, INK).text(`Claim ${side.number} · ${side.verdictLabel}`, x + 10, y, {
      ...inner,
      goTo: destination(side.number),
    });
    doc.y = y + 14;
    this.font(SERIF_ITALIC, 11, INK).text(clean(side.quote), x + 10, doc.y, inner);
    doc.y += 4;
    this.font(SANS, 9, MUTED).text(speakerLine(side.speaker, "— "), x + 10, doc.y, inner);
  }

  claims(claims: ReportClaim[]): void {
    const { doc } = this;
    this.heading("Claims");
    if (claims.length === 0) {
      this.font(SERIF, 11, INK).text("No claims have been marked in this article yet.");
      return;
    }
    for (const claim of claims) {
      this.ensureSpace(70);
      doc.addNamedDestination(destination(claim.number));
      this.claim(claim);
      doc.moveDown(0.4);
      const y = doc.y;
      doc
        .save()
        .lineWidth(0.5)
        .strokeColor(RULE)
        .moveTo(MARGIN, y)
        .lineTo(MARGIN + this.width, y)
        .stroke()
        .restore();
      doc.moveDown(0.6);
    }
  }

  private claim(claim: ReportClaim): void {
    const { doc } = this;
    const top = doc.y;
    this.font(SANS_BOLD, 12, INK).text(`Claim ${claim.number}`, MARGIN, top, { lineBreak: false });
    let x = MARGIN + doc.widthOfString(`Claim ${claim.number}`) + 8;
    x = this.badge(claim.verdictLabel, VERDICT_COLOURS[claim.verdict], x, top);
    if (claim.isOrphaned) this.badge("Orphaned", "#9a6700", x + 4, top);
    else if (claim.isAnchorUnconfirmed) this.badge("Moved - to be checked", "#9a6700", x + 4, top);
    doc.x = MARGIN;
    doc.y = top + 18;

    this.quote(claim.selectors.quote.exact, VERDICT_COLOURS[claim.verdict]);
    this.font(SANS, 9.5, MUTED).text(speakerLine(claim.speaker, "Speaker: "), MARGIN, doc.y, { width: this.width });

    if (claim.rationale.trim().length > 0) {
      this.label("Rationale");
      this.rationale(claim.rationale);
    }
    if (claim.evidence.length > 0) {
      this.label("Evidence");
      for (const item of claim.evidence) {
        const url = toSafeHttpUrl(item.url);
        this.font(SANS, 10, INK).text("•  ", MARGIN + 6, doc.y, { continued: true, width: this.width - 6 });
        this.font(SANS, 10, url ? LINK : INK).text(clean(item.title ?? item.url), {
          continued: true,
          ...(url ? { link: url, underline: true } : {}),
        });
        this.font(SANS, 9, MUTED).text(`  ${item.stanceLabel}`, { link: NO_TARGET, underline: false });
        if (item.title && url) {
          this.font(SANS, 8.5, MUTED).text(clean(url), MARGIN + 16, doc.y, { width: this.width - 16, link: url });
        }
        if (item.excerpt) {
          this.font(SERIF_ITALIC, 10, INK).text(clean(`“${item.excerpt}”`), MARGIN + 16, doc.y, {
            width: this.width - 16,
          });
        }
      }
    }
    if (claim.links.length > 0) {
      this.label("Links");
      for (const link of claim.links) {
        this.font(SANS, 10, INK).text(`•  ${link.label} `, MARGIN + 6, doc.y, {
          continued: true,
          width: this.width - 6,
        });
        this.font(SANS, 10, LINK).text(`claim ${link.otherClaimNumber}`, {
          continued: link.note !== null,
          goTo: destination(link.otherClaimNumber),
        });
        if (link.note) this.font(SANS, 10, INK).text(clean(`: ${link.note}`), { goTo: NO_TARGET });
      }
    }
    if (claim.history.length > 0) {
      this.label("History");
      const earlier = claim.historyTotal - claim.history.length;
      if (earlier > 0) {
        this.font(SANS, 8.5, MUTED).text(`${earlier} earlier ${earlier === 1 ? "change" : "changes"} not shown.`);
      }
      for (const entry of claim.history) {
        this.font(SANS, 9, MUTED).text(clean(`${formatReportDate(entry.at)} · ${entry.by} ${entry.summary}`), {
          width: this.width,
        });
      }
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
          this.inlines(line, MARGIN, this.width, index === block.lines.length - 1 ? 4 : 0);
        });
        continue;
      }
      block.items.forEach((item, index) => {
        this.ensureSpace(16);
        const top = doc.y;
        const marker = block.isOrdered ? `${index + 1}.` : "•";
        this.font(SERIF, 11, INK).text(marker, MARGIN + 4, top, { width: indent - 4, lineBreak: false });
        doc.y = top;
        this.inlines(item, MARGIN + indent, this.width - indent, index === block.items.length - 1 ? 4 : 1);
      });
    }
    doc.x = MARGIN;
  }

  /**
   * One line of text runs, wrapped within `width` from `x`: each run in its own face, links annotated and blue. A
   * link whose text is not its URL is followed by the URL in brackets, so a printed page still says where it goes.
   */
  private inlines(inlines: RationaleInline[], x: number, width: number, gapAfter: number): void {
    const { doc } = this;
    const runs = inlines
      .flatMap((inline): RationaleInline[] =>
        inline.type === "link" && inline.text !== inline.href && toSafeHttpUrl(inline.href)
          ? [inline, { type: "link", text: ` (${inline.href})`, href: inline.href }]
          : [inline],
      )
      .filter((inline) => inline.text.length > 0);
    if (runs.length === 0) return;
    runs.forEach((inline, index) => {
      const face = inline.type === "emphasis" ? SERIF_ITALIC : inline.type === "strong" ? SERIF_BOLD : SERIF;
      const href = inline.type === "link" ? toSafeHttpUrl(inline.href) : null;
      this.font(face, 11, href ? LINK : INK);
      const options: PDFKit.Mixins.TextOptions = {
        continued: index < runs.length - 1,
        link: href ?? NO_TARGET,
        underline: href !== null,
        ...(index === runs.length - 1 ? { paragraphGap: gapAfter } : {}),
      };
      if (index === 0) doc.text(clean(inline.text), x, doc.y, { ...options, width });
      else doc.text(clean(inline.text), options);
    });
    doc.fillColor(INK);
  }

  /** A quote set off by a bar in the verdict's colour on its left. */
  private quote(text: string, colour: string): void {
    const { doc } = this;
    const page = doc.page;
    const top = doc.y;
    this.font(SERIF_ITALIC, 11.5, INK).text(clean(text), MARGIN + 12, top, { width: this.width - 12, paragraphGap: 2 });
    const barTop = doc.page === page ? top : doc.page.margins.top;
    doc
      .save()
      .lineWidth(3)
      .strokeColor(colour)
      .moveTo(MARGIN + 1.5, barTop)
      .lineTo(MARGIN + 1.5, doc.y - 2)
      .stroke()
      .restore();
    doc.x = MARGIN;
    doc.y += 2;
  }

  article(model: ReportModel): void {
    const { doc } = this;
    this.heading("The article, with the claims marked");
    this.font(SERIF, 11, INK);
    // pdfkit lays out continued text with line breaks inside badly, so each paragraph is written as its own run.
    // Where claims overlap, a run takes its most severe verdict's colour: contradicted is never hidden.
    const paragraphs: { text: string; verdict: Verdict | null }[][] = [[]];
    for (const segment of buildArticleSegments(model)) {
      segment.text.split("\n").forEach((line, index) => {
        if (index > 0) paragraphs.push([]);
        if (line.length > 0) paragraphs.at(-1)?.push({ text: line, verdict: segment.verdicts[0] ?? null });
      });
    }
    for (const runs of paragraphs) {
      if (runs.length === 0) continue;
      // The standard fonts have no Hebrew or Arabic letters and pdfkit does not reorder them; a right-to-left
      // paragraph at least keeps its right alignment.
      const align = firstStrongDirection(runs.map((run) => run.text).join("")) === "rtl" ? "right" : "left";
      doc.x = MARGIN;
      runs.forEach((run, index) => {
        doc.fillColor(run.verdict ? VERDICT_COLOURS[run.verdict] : INK).text(clean(run.text), {
          continued: index < runs.length - 1,
          underline: run.verdict !== null,
          width: this.width,
          paragraphGap: 6,
          align,
        });
      });
    }
    doc.fillColor(INK);
  }

  /** Page numbers (and the publisher) in every page's footer, written once every page exists. */
  footers(organisation: string, hasReplacedCharacters: boolean): void {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index += 1) {
      doc.switchToPage(index);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = doc.page.height - MARGIN - 6;
      doc
        .save()
        .lineWidth(0.5)
        .strokeColor(RULE)
        .moveTo(MARGIN, y - 6)
        .lineTo(MARGIN + this.width, y - 6)
        .stroke()
        .restore();
      this.font(SANS, 8, MUTED).text(clean(`Fact-check by ${organisation} · Factmark`), MARGIN, y, {
        width: this.width / 2,
        lineBreak: false,
      });
      doc.text(`Page ${index + 1} of ${range.count}`, MARGIN + this.width / 2, y, {
        width: this.width / 2,
        align: "right",
        lineBreak: false,
      });
      if (hasReplacedCharacters && index === range.start + range.count - 1) {
        doc.text(
          "Characters this PDF's fonts cannot show are spelled in Latin letters or shown as ?; the HTML and JSON exports keep them all.",
          MARGIN,
          y + 11,
          { width: this.width, lineBreak: false },
        );
      }
      doc.page.margins.bottom = bottom;
    }
  }

  /** Whether any text of the report needed transliterating, so the PDF can say so once. */
  hasReplacedCharacters(model: ReportModel): boolean {
    const texts = [
      model.header.title,
      model.article.text,
      model.article.conclusion?.summary ?? "",
      ...model.claims.flatMap((claim) => [
        claim.selectors.quote.exact,
        claim.speaker ?? "",
        claim.rationale,
        ...claim.evidence.flatMap((item) => [item.title ?? "", item.excerpt ?? ""]),
      ]),
    ];
    return texts.some((text) => [...text].some((character) => character !== "\n" && !isWinAnsi(character)));
  }

  private heading(text: string): void {
    const { doc } = this;
    this.ensureSpace(80);
    doc.moveDown(1.2);
    this.font(SANS_BOLD, 14, INK).text(text, MARGIN, doc.y, { width: this.width });
    const y = doc.y + 2;
    doc
      .save()
      .lineWidth(0.75)
      .strokeColor(RULE)
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + this.width, y)
      .stroke()
      .restore();
    doc.y = y + 8;
  }

  private label(text: string): void {
    this.doc.moveDown(0.4);
    this.font(SANS_BOLD, 8, MUTED).text(text.toUpperCase(), MARGIN, this.doc.y, {
      characterSpacing: 0.5,
      width: this.width,
    });
    this.doc.moveDown(0.15);
  }

  /** A rounded label with white text; answers where the next thing on the line may start. */
  private badge(text: string, colour: string, x: number, y: number): number {
    const { doc } = this;
    this.font(SANS_BOLD, 8.5);
    const width = doc.widthOfString(text) + 12;
    doc
      .save()
      .roundedRect(x, y - 1, width, 14, 7)
      .fill(colour)
      .restore();
    doc.fillColor("#ffffff").text(text, x + 6, y + 2.5, { lineBreak: false });
    return x + width;
  }

  private ensureSpace(height: number): void {
    const { doc } = this;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  }

  private font(name: string, size: number, colour?: string): PDFKit.PDFDocument {
    this.doc.font(name).fontSize(size);
    speedUpKerning(this.doc);
    if (colour) this.doc.fillColor(colour);
    return this.doc;
  }
}

interface AfmMetrics {
  kernPairs?: Record<string, number>;
  getKernPair?: (left: string, right: string) => number;
  isKerningFast?: boolean;
}

/**
 * pdfkit looks every pair of glyphs up by building a "left\0right" string, which is most of the time a long report
 * takes and feeds the garbage collector; the same table as nested objects answers without allocating. Only done when
 * the font looks as expected (pdfkit 0.17's AFM fonts); otherwise pdfkit keeps its own lookup.
 */
function speedUpKerning(doc: PDFKit.PDFDocument): void {
  const metrics = (doc as unknown as { _font?: { font?: AfmMetrics } })._font?.font;
  if (!metrics || metrics.isKerningFast || !metrics.kernPairs || typeof metrics.getKernPair !== "function") return;
  const byLeft: Record<string, Record<string, number>> = Object.create(null);
  for (const [pair, value] of Object.entries(metrics.kernPairs)) {
    const [left, right] = pair.split("\0") as [string, string];
    byLeft[left] ??= Object.create(null);
    (byLeft[left] as Record<string, number>)[right] = value;
  }
  metrics.getKernPair = (left, right) => byLeft[left]?.[right] ?? 0;
  metrics.isKerningFast = true;
}

/** User text made safe for the standard fonts. */
function clean(text: string): string {
  return toWinAnsi(text);
}

function speakerLine(speaker: string | null, prefix: string): string {
  return speaker ? clean(`${prefix}${speaker}`) : "Speaker not named";
}

function destination(claimNumber: number): string {
  return `claim-${claimNumber}`;
}
