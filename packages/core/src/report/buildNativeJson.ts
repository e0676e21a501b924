import type { Article } from "../schemas/article";
import type { Claim } from "../schemas/claim";
import type { Actor } from "../schemas/common";
import type { HistoryEvent } from "../schemas/event";
import type { Evidence } from "../schemas/evidence";
import type { Link } from "../schemas/link";
import { type JsonParts, prettyArrayParts, prettyJsonAt, prettyObjectParts } from "./prettyJson";
import type { ReportClaim, ReportEvidence, ReportModel, ReportOrganisation } from "./ReportModel";

/** Marks a document as a Factmark native export, so an importer can tell it from other JSON. */
export const NATIVE_REPORT_FORMAT = "factmark.report";
/** Bumped when the native format changes in a way an older importer would misread. */
export const NATIVE_REPORT_SCHEMA_VERSION = 1;

/**
 * Factmark's native export: everything needed to re-create the article and its review, with who did each thing and
 * when (an import keeps them, as "originally by"), and the whole history.
 */
export interface NativeReport {
  format: typeof NATIVE_REPORT_FORMAT;
  schemaVersion: typeof NATIVE_REPORT_SCHEMA_VERSION;
  generatedAt: string;
  organisation: ReportOrganisation;
  article: Article;
  /** In document order. */
  claims: Claim[];
  evidence: Evidence[];
  links: Link[];
  /** Every event, oldest first. */
  events: HistoryEvent[];
  reviewers: Actor[];
}

/** The native JSON export of a report: the article (with its Tiptap document), claims with selectors, and the rest. */
export function buildNativeJson(model: ReportModel): NativeReport {
  return {
    format: NATIVE_REPORT_FORMAT,
    schemaVersion: NATIVE_REPORT_SCHEMA_VERSION,
    generatedAt: model.header.generatedAt,
    organisation: model.header.organisation,
    article: model.article,
    claims: model.claims.map(nativeClaim),
    evidence: model.claims.flatMap((claim) => claim.evidence.map(nativeEvidence)),
    links: model.links,
    events: model.events,
    reviewers: model.reviewers,
  };
}

/**
 * What buildNativeJsonText wrote before, kept for the next build of the same article: each claim, piece of evidence,
 * link and history entry by its object (ReportClaim, ReportEvidence, Link, HistoryEvent: each written from that object
 * alone), and the article with the document and the rest it was written from.
 */
export interface NativeJsonPieces {
  items: WeakMap<object, string>;
  article?: { doc: unknown; rest: string; text: string };
}

export function createNativeJsonPieces(): NativeJsonPieces {
  return { items: new WeakMap() };
}

/**
 * The native JSON export as the file holds it: `JSON.stringify(buildNativeJson(model), null, 2)` and a line break,
 * byte for byte, written from `pieces` where the same objects were written before.
 */
export function buildNativeJsonText(model: ReportModel, pieces: NativeJsonPieces = createNativeJsonPieces()): string {
  return buildNativeJsonParts(model, pieces).join("");
}

/** buildNativeJsonText's text as its parts (JsonParts): each kept claim, piece of evidence, link and entry one part. */
export function buildNativeJsonParts(
  model: ReportModel,
  pieces: NativeJsonPieces = createNativeJsonPieces(),
): JsonParts {
  const item = <T extends object>(value: T, toJson: (value: T) => unknown): string => {
    let text = pieces.items.get(value);
    if (text === undefined) {
      text = prettyJsonAt(toJson(value), 2) ?? "null";
      pieces.items.set(value, text);
    }
    return text;
  };
  const same = <T>(value: T) => value;
  const out: JsonParts = [];
  prettyObjectParts(
    [
      ["format", prettyJsonAt(NATIVE_REPORT_FORMAT, 1)],
      ["schemaVersion", prettyJsonAt(NATIVE_REPORT_SCHEMA_VERSION, 1)],
      ["generatedAt", prettyJsonAt(model.header.generatedAt, 1)],
      ["organisation", prettyJsonAt(model.header.organisation, 1)],
      ["article", articleText(model, pieces)],
      [
        "claims",
        (into) =>
          prettyArrayParts(
            model.claims.map((claim) => item(claim, nativeClaim)),
            1,
            into,
          ),
      ],
      [
        "evidence",
        (into) =>
          prettyArrayParts(
            model.claims.flatMap((claim) => claim.evidence.map((evidence) => item(evidence, nativeEvidence))),
            1,
            into,
          ),
      ],
      [
        "links",
        (into) =>
          prettyArrayParts(
            model.links.map((link) => item(link, same)),
            1,
            into,
          ),
      ],
      [
        "events",
        (into) =>
          prettyArrayParts(
            model.events.map((event) => item(event, same)),
            1,
            into,
          ),
      ],
      ["reviewers", prettyJsonAt(model.reviewers, 1)],
    ],
    0,
    out,
  );
  out.push("\n");
  return out;
}

/** The article (with its document, the largest part of the file), kept while the document and the rest are the same. */
function articleText(model: ReportModel, pieces: NativeJsonPieces): string {
  const { doc, ...rest } = model.article;
  const restJson = JSON.stringify(rest);
  const kept = pieces.article;
  if (kept && kept.doc === doc && kept.rest === restJson) return kept.text;
  const text = prettyJsonAt(model.article, 1) ?? "null";
  pieces.article = { doc, rest: restJson, text };
  return text;
}

function nativeClaim(claim: ReportClaim): Claim {
  return {
    id: claim.id,
    articleId: claim.articleId,
    selectors: claim.selectors,
    verdict: claim.verdict,
    speaker: claim.speaker,
    rationale: claim.rationale,
    isOrphaned: claim.isOrphaned,
    isAnchorUnconfirmed: claim.isAnchorUnconfirmed,
    version: claim.version,
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
    createdBy: claim.createdBy,
    ...(claim.originalAuthorName ? { originalAuthorName: claim.originalAuthorName } : {}),
    status: claim.status,
    assignee: claim.assignee,
    verdictSetBy: claim.verdictSetBy,
    approvals: claim.approvals,
    latestReview: claim.latestReview,
  };
}

function nativeEvidence(item: ReportEvidence): Evidence {
  return {
    id: item.id,
    claimId: item.claimId,
    url: item.url,
    title: item.title,
    excerpt: item.excerpt,
    stance: item.stance,
    version: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    createdBy: item.createdBy,
    ...(item.originalAuthorName ? { originalAuthorName: item.originalAuthorName } : {}),
  };
}
