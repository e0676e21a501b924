import {
  buildCsv,
  buildHtml,
  buildMarkdown,
  buildNativeJsonText,
  buildReportModel,
  buildWebAnnotationText,
  type CsvPieces,
  createHtmlPieces,
  createNativeJsonPieces,
  createReportModelMemo,
  createWebAnnotationPieces,
  type DocNode,
  type HtmlPieces,
  type MarkdownPieces,
  type NativeJsonPieces,
  type ReportFormat,
  type ReportHistoryOption,
  type ReportModel,
  type ReportModelMemo,
  type WebAnnotationPieces,
} from "@factmark/core";
import { type ArticleWithoutDoc, withDoc } from "../repositories/articleRepository";
import type { ReportData, ReportSource } from "../repositories/reportRepository";
import { type ReportBuildOptions, renderReportFile } from "./reportFormats";

/**
 * A report's source as it crosses to a worker thread: the article (without its document) and the document as JSON
 * text, and each list as its items' JSON texts, one a line (JSON text has no raw line break). The sending thread
 * writes an item's text once while the item is the same object (reportJobSource); the receiving one parses a text
 * once while the same text comes again (keptReportModel).
 */
export interface ReportJobSource {
  articleId: string;
  articleJson: string;
  docJson: string;
  claims: string;
  evidence: string;
  links: string;
  events: string;
}

/** Each item's JSON text, by the item: source objects are never changed once read (keptReportSource). */
const itemTexts = new WeakMap<object, string>();

function linesOf(items: readonly object[]): string {
  return items
    .map((item) => {
      let text = itemTexts.get(item);
      if (text === undefined) {
        text = JSON.stringify(item);
        itemTexts.set(item, text);
      }
      return text;
    })
    .join("\n");
}

/** The source as a report job sends it (see ReportJobSource). */
export function reportJobSource(source: ReportSource): ReportJobSource {
  const { article, claims, evidence, links, events } = source.data;
  return {
    articleId: article.id,
    articleJson: JSON.stringify(article),
    docJson: source.docJson,
    claims: linesOf(claims),
    evidence: linesOf(evidence),
    links: linesOf(links),
    events: linesOf(events),
  };
}

/**
 * What one thread keeps of an article it built a report of: every item parsed, by its JSON text (so an unchanged
 * item is the same object, and everything kept by object below stays right), the parsed document with its text, the
 * model's claims per history option, and each format's pieces.
 */
interface KeptArticle {
  items: Map<string, unknown>;
  /** Characters of the items' texts: what the kept memory grows with. */
  chars: number;
  doc?: { json: string; doc: DocNode };
  models: Record<ReportHistoryOption, ReportModelMemo>;
  md: MarkdownPieces;
  csv: CsvPieces;
  html: HtmlPieces;
  json: NativeJsonPieces;
  w3c: WebAnnotationPieces;
}

/**
 * The articles kept on this thread, least recently used first out: at most KEPT_ARTICLES, and fewer while their
 * items pass KEPT_CHARS (a 10,000-claim article's are 14 M characters; with the parsed objects, models and rendered
 * pieces of every format, some 150 MB of the thread's 512 MB, which the 10,000-claim PDF also needs).
 */
const keptArticles = new Map<string, KeptArticle>();
const KEPT_ARTICLES = 4;
const KEPT_CHARS = 20_000_000;

function keptArticle(articleId: string): KeptArticle {
  const known = keptArticles.get(articleId);
  if (known) {
    keptArticles.delete(articleId);
    keptArticles.set(articleId, known);
    return known;
  }
  const fresh: KeptArticle = {
    items: new Map(),
    chars: 0,
    models: { omit: createReportModelMemo(), include: createReportModelMemo() },
    md: new WeakMap(),
    csv: new WeakMap(),
    html: createHtmlPieces(),
    json: createNativeJsonPieces(),
    w3c: createWebAnnotationPieces(),
  };
  keptArticles.set(articleId, fresh);
  return fresh;
}

function boundKeptArticles(): void {
  let chars = 0;
  for (const kept of keptArticles.values()) chars += kept.chars;
  for (const [articleId, kept] of keptArticles) {
    if (keptArticles.size <= 1 || (keptArticles.size <= KEPT_ARTICLES && chars <= KEPT_CHARS)) break;
    keptArticles.delete(articleId);
    chars -= kept.chars;
  }
}

/** Ends every article kept on this thread (tests; a thread that must free its memory). */
export function forgetKeptReports(): void {
  keptArticles.clear();
}

/**
 * The report model of `source`, built from what this thread kept of the article: an item whose JSON text came
 * before is the object parsed then, so buildReportModel's memo gives the same ReportClaim for a claim whose every
 * input is unchanged, and each format's pieces of it are kept. Equal to buildReportModel of the source parsed anew.
 */
function keptReportModel(
  source: ReportJobSource,
  options: ReportBuildOptions,
): { model: ReportModel; kept: KeptArticle } {
  const kept = keptArticle(source.articleId);
  const next = new Map<string, unknown>();
  let chars = 0;
  const parse = <T>(lines: string): T[] => {
    if (lines.length === 0) return [];
    return lines.split("\n").map((line) => {
      let item = kept.items.get(line);
      if (item === undefined) item = JSON.parse(line);
      next.set(line, item);
      chars += line.length;
      return item as T;
    });
  };
  const data: Omit<ReportData, "article"> = {
    claims: parse(source.claims),
    evidence: parse(source.evidence),
    links: parse(source.links),
    events: parse(source.events),
  };
  kept.items = next;
  kept.chars = chars;
  if (kept.doc?.json !== source.docJson)
    kept.doc = { json: source.docJson, doc: JSON.parse(source.docJson) as DocNode };
  const article = withDoc(JSON.parse(source.articleJson) as ArticleWithoutDoc, kept.doc.doc);
  const { organisation, generatedAt, history } = options;
  const model = buildReportModel(
    { ...data, article, organisation, generatedAt },
    { history, memo: kept.models[history] },
  );
  boundKeptArticles();
  return { model, kept };
}

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark (as REPORT_FORMAT_SPECS.csv writes it). */
const BYTE_ORDER_MARK = "\uFEFF";
const encoder = new TextEncoder();

/**
 * A format's file built from `source` with what this thread kept of the article (see keptReportModel): only the
 * claims, evidence, links and history entries that changed are written again, the rest joined from the pieces kept.
 * Byte for byte renderReportFile's file of the same model (keptReportBuilds.test.ts). The PDF and ClaimReview are
 * rendered whole from the kept model (the PDF after this thread forgets what it kept: it needs the memory).
 */
export async function buildKeptReportFile(
  format: ReportFormat,
  source: ReportJobSource,
  options: ReportBuildOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  const { model, kept } = keptReportModel(source, options);
  switch (format) {
    case "md":
      return encoder.encode(buildMarkdown(model, kept.md));
    case "html":
      return encoder.encode(buildHtml(model, {}, kept.html));
    case "csv":
      return encoder.encode(`${BYTE_ORDER_MARK}${buildCsv(model, kept.csv)}`);
    case "json":
      return encoder.encode(buildNativeJsonText(model, kept.json));
    case "w3c":
      return encoder.encode(buildWebAnnotationText(model, {}, kept.w3c));
    case "pdf":
      // The PDF of 10,000 claims needs some 360 MB of the thread's 512: what this thread kept goes first.
      forgetKeptReports();
      return renderReportFile(format, model);
    default:
      return renderReportFile(format, model);
  }
}

/** The report model as JSON bytes, built from what this thread kept of the article (GET …/report/model). */
export function buildKeptReportModelJson(
  source: ReportJobSource,
  options: ReportBuildOptions,
): Uint8Array<ArrayBuffer> {
  return encoder.encode(JSON.stringify(keptReportModel(source, options).model));
}
