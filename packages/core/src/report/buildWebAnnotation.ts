import type { EvidenceStance } from "../schemas/evidence";
import type { Link, LinkKind } from "../schemas/link";
import type { Verdict } from "../schemas/verdict";
import { type CodePointOffsets, codePointOffsets } from "../text/codePointOffsets";
import { trimTrailingSlash } from "./buildReportModel";
import { type AnnotationDocumentContext, annotationDocumentContext } from "./factmarkContext";
import { type JsonParts, prettyArrayParts, prettyJsonAt, prettyObjectAround, prettyObjectParts } from "./prettyJson";
import type { ReportClaim, ReportModel } from "./ReportModel";
import { toSafeHttpUrl } from "./toSafeHttpUrl";

export { ANNOTATION_CONTEXT } from "./factmarkContext";

export interface TextualBody {
  type: "TextualBody";
  purpose: "assessing" | "describing" | "commenting" | "tagging";
  value: string;
  format?: "text/plain";
  language?: string;
}

/** Evidence as an annotation body: a link to the source, with the quoted excerpt as a selector on it. */
export interface EvidenceBody {
  type: "SpecificResource";
  purpose: "linking";
  source: { id: string; type: "Text"; "schema:name"?: string };
  selector?: { type: "TextQuoteSelector"; exact: string };
  /** The evidence's stance towards the claim: a Factmark term (factmarkContext.ts). */
  stance: EvidenceStance;
}

export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** Offsets in Unicode code points, as the Web Annotation model counts them (not JavaScript's UTF-16 units). */
export interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

export interface Agent {
  type: "Person" | "Software";
  name: string;
}

export interface WebAnnotation {
  /** Only on an annotation answered alone (standaloneAnnotation); items of a collection take the collection's. */
  "@context"?: AnnotationDocumentContext;
  id: string;
  type: "Annotation";
  motivation: "assessing" | "linking";
  created: string;
  modified?: string;
  generated: string;
  creator: Agent;
  generator: Agent;
  body: (TextualBody | EvidenceBody)[];
  /** An orphaned claim's target has only its quote: an orphan has no position in the text (see `orphaned`). */
  target:
    | {
        type: "SpecificResource";
        source: string;
        selector: [TextQuoteSelector, TextPositionSelector] | [TextQuoteSelector];
      }
    | [string, string];
  /** `true` on an orphaned claim: it lost its place when the article was edited (Factmark term). */
  orphaned?: true;
  /** A claim's verdict (Factmark term). */
  verdict?: Verdict;
  /** Who made the claim, when the claim names someone (Factmark term). */
  speaker?: string;
  /** A link's kind (Factmark term): `linkFrom` contradicts or supports `linkTo`. */
  linkKind?: LinkKind;
  /** The IRI of the annotation of the link's first claim (Factmark term); the same as `target[0]`. */
  linkFrom?: string;
  /** The IRI of the annotation of the link's second claim (Factmark term); the same as `target[1]`. */
  linkTo?: string;
}

/** The article the annotations target, described with schema.org terms (the anno.jsonld context maps `schema:`). */
export interface AnnotatedArticle {
  id?: string;
  type: "schema:NewsArticle";
  "schema:headline": string;
  "schema:url"?: string;
  "schema:publisher"?: string;
  "schema:author"?: string;
  "schema:datePublished"?: string;
  /** The article's text projection, which the selectors' offsets count in; an import re-creates the article from it. */
  "schema:text": string;
}

export interface AnnotationCollection {
  "@context": AnnotationDocumentContext;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  "schema:about": AnnotatedArticle;
  first: { id: string; type: "AnnotationPage"; startIndex: 0; items: WebAnnotation[] };
}

const GENERATOR: Agent = { type: "Software", name: "Factmark" };

/** Where the annotations of an export live, and so what their ids start with. */
export interface WebAnnotationOptions {
  /**
   * The address of the Factmark server that answers the annotations' ids (the Web Annotation Protocol's read side)
   * and serves Factmark's context: its origin, or where it is mounted. Defaults to the organisation's URL.
   */
  serverUrl?: string;
}

/** The IRI of a claim's annotation: `${serverUrl}/annotations/claims/${id}`. */
export function claimAnnotationId(serverUrl: string, claimId: string): string {
  return `${trimTrailingSlash(serverUrl)}/annotations/claims/${encodeURIComponent(claimId)}`;
}

/** The IRI of a link's annotation: `${serverUrl}/annotations/links/${id}`. */
export function linkAnnotationId(serverUrl: string, linkId: string): string {
  return `${trimTrailingSlash(serverUrl)}/annotations/links/${encodeURIComponent(linkId)}`;
}

/** The IRI of an article's annotation container (and collection): `${serverUrl}/articles/${id}/annotations`. */
export function articleAnnotationsId(serverUrl: string, articleId: string): string {
  return `${trimTrailingSlash(serverUrl)}/articles/${encodeURIComponent(articleId)}/annotations`;
}

/** One annotation of a collection as a document of its own: with the `@context` its collection gave it. */
export function standaloneAnnotation(item: WebAnnotation, serverUrl: string): WebAnnotation {
  return { "@context": annotationDocumentContext(serverUrl), ...item };
}

/**
 * The report as a W3C Web Annotation collection (JSON-LD): one `assessing` annotation per claim, whose target is
 * the article with a TextQuoteSelector and a TextPositionSelector, and whose bodies give the verdict (`assessing`),
 * the speaker (`describing`), the rationale (`commenting`) and each piece of evidence (`linking`, with its
 * `stance`); then one `linking` annotation per link, targeting both claims' annotations, tagged with the link's kind.
 * Factmark's own terms (factmarkContext.ts) say the same for machines: a claim's `verdict` and `speaker`, an
 * evidence body's `stance`, a link's `linkKind`, `linkFrom` and `linkTo`; the `@context` names the W3C's context
 * and then Factmark's, served by the server at `serverUrl`, which also answers every `id` (annotationProtocolRoutes).
 *
 * An orphaned claim (its passage was edited away) is marked `orphaned: true` and targets its quote alone: it has
 * no position, and a TextPositionSelector 0–0 would tell a consumer a false one. Factmark's readers import it as
 * an orphan again (readForeignAnnotation, placeForeignSelectors).
 *
 * The collection holds a single embedded page (the server's container pages the same annotations), and describes
 * the article (with its text) under `schema:about` so that an import can re-create it. Positions count Unicode
 * code points in Factmark's text projection of the article (paragraphs joined by "\n"), as the model says
 * (Factmark counts UTF-16 units inside; codePointOffsets converts); the quote selector cross-checks them.
 */
export function buildWebAnnotation(model: ReportModel, options: WebAnnotationOptions = {}): AnnotationCollection {
  const { article, header } = model;
  const { base, source } = collectionPlace(model, options);
  const generated = header.generatedAt;
  const offsets = codePointOffsets(article.text);
  const claimItems = model.claims.map((claim) =>
    claimAnnotation(claim, { base, source, generated, offsets, textLength: article.text.length }),
  );
  const linkItems = model.links.map((link) => linkAnnotation(link, base, generated));
  return collectionOf(model, base, [...claimItems, ...linkItems]);
}

/** The base of the annotations' ids, and the IRI their targets point at. */
function collectionPlace(model: ReportModel, options: WebAnnotationOptions): { base: string; source: string } {
  const { article, header } = model;
  const base = trimTrailingSlash(options.serverUrl ?? header.organisation.url);
  const sourceUrl = toSafeHttpUrl(article.sourceUrl);
  return { base, source: sourceUrl ?? `urn:factmark:article:${encodeURIComponent(article.id)}` };
}

/**
 * What buildWebAnnotationText wrote before, kept for the next build of the same article: each annotation's text
 * around its `generated` time (the only part that changes from one build to the next), by the ReportClaim or Link it
 * was written from, while the place (ids' base, target source, article text) is the same.
 */
export interface WebAnnotationPieces {
  place?: { base: string; source: string; text: string };
  items: WeakMap<object, [string, string]>;
}

export function createWebAnnotationPieces(): WebAnnotationPieces {
  return { items: new WeakMap() };
}

/**
 * The W3C export as the file holds it: `JSON.stringify(buildWebAnnotation(model, options), null, 2)` and a line break,
 * byte for byte, written from `pieces` where the same claims and links were written before.
 */
export function buildWebAnnotationText(
  model: ReportModel,
  options: WebAnnotationOptions = {},
  pieces: WebAnnotationPieces = createWebAnnotationPieces(),
): string {
  return buildWebAnnotationParts(model, options, pieces).join("");
}

/**
 * buildWebAnnotationText's text as its parts (JsonParts): each kept annotation three, the text before its
 * `generated` time, the time, and the text after it.
 */
export function buildWebAnnotationParts(
  model: ReportModel,
  options: WebAnnotationOptions = {},
  pieces: WebAnnotationPieces = createWebAnnotationPieces(),
): JsonParts {
  const { article, header } = model;
  const { base, source } = collectionPlace(model, options);
  const place = pieces.place;
  if (!place || place.base !== base || place.source !== source || place.text !== article.text) {
    pieces.place = { base, source, text: article.text };
    pieces.items = new WeakMap();
  }
  const generated = header.generatedAt;
  const generatedJson = JSON.stringify(generated);
  let offsets: CodePointOffsets | undefined;
  // Items sit in the collection's `first.items`: three levels deep.
  const item = (value: object, build: () => WebAnnotation): string[] => {
    let parts = pieces.items.get(value);
    if (parts === undefined) {
      parts = prettyObjectAround(build(), "generated", 3);
      pieces.items.set(value, parts);
    }
    return [parts[0], generatedJson, parts[1]];
  };
  const claimItems = model.claims.map((claim) =>
    item(claim, () => {
      offsets ??= codePointOffsets(article.text);
      return claimAnnotation(claim, { base, source, generated, offsets, textLength: article.text.length });
    }),
  );
  const linkItems = model.links.map((link) => item(link, () => linkAnnotation(link, base, generated)));
  const items = [...claimItems, ...linkItems];
  const { first, ...collection } = collectionOf(model, base, []);
  // The collection's total counts the items written here (the object was made without them).
  const members = Object.entries({ ...collection, total: items.length }).map(
    ([key, value]) => [key, prettyJsonAt(value, 1)] as const,
  );
  const out: JsonParts = [];
  prettyObjectParts(
    [
      ...members,
      [
        "first",
        (into) =>
          prettyObjectParts(
            [
              ["id", prettyJsonAt(first.id, 2)],
              ["type", prettyJsonAt(first.type, 2)],
              ["startIndex", prettyJsonAt(first.startIndex, 2)],
              ["items", (inner) => prettyArrayParts(items, 2, inner)],
            ],
            1,
            into,
          ),
      ],
    ],
    0,
    out,
  );
  out.push("\n");
  return out;
}

function linkAnnotation(link: Link, base: string, generated: string): WebAnnotation {
  const from = claimAnnotationId(base, link.fromClaimId);
  const to = claimAnnotationId(base, link.toClaimId);
  return {
    id: linkAnnotationId(base, link.id),
    type: "Annotation",
    motivation: "linking",
    linkKind: link.kind,
    linkFrom: from,
    linkTo: to,
    created: link.createdAt,
    generated,
    creator: { type: "Person", name: link.originalAuthorName ?? link.createdBy.name },
    generator: GENERATOR,
    body: [
      { type: "TextualBody", purpose: "tagging", value: link.kind satisfies LinkKind },
      ...(link.note ? [commentBody(link.note)] : []),
    ],
    target: [from, to],
  };
}

/** The collection around its items (`first` last, as the file writes it). */
function collectionOf(model: ReportModel, base: string, items: WebAnnotation[]): AnnotationCollection {
  const { article } = model;
  const sourceUrl = toSafeHttpUrl(article.sourceUrl);
  const collectionId = articleAnnotationsId(base, article.id);
  const about: AnnotatedArticle = {
    ...(sourceUrl ? { id: sourceUrl } : {}),
    type: "schema:NewsArticle",
    "schema:headline": article.title,
    ...(sourceUrl ? { "schema:url": sourceUrl } : {}),
    ...(article.outlet ? { "schema:publisher": article.outlet } : {}),
    ...(article.author ? { "schema:author": article.author } : {}),
    ...(article.publishedAt ? { "schema:datePublished": article.publishedAt } : {}),
    "schema:text": article.text,
  };
  return {
    "@context": annotationDocumentContext(base),
    id: collectionId,
    type: "AnnotationCollection",
    label: `Fact-check: ${article.title}`,
    total: items.length,
    "schema:about": about,
    first: { id: `${collectionId}?page=0`, type: "AnnotationPage", startIndex: 0, items },
  };
}

/** What every claim annotation of one export shares. */
interface ClaimAnnotationContext {
  base: string;
  source: string;
  generated: string;
  offsets: CodePointOffsets;
  /** The article text's length in UTF-16 units. */
  textLength: number;
}

function claimAnnotation(claim: ReportClaim, context: ClaimAnnotationContext): WebAnnotation {
  const { base, source, generated } = context;
  const { position, quote } = claim.selectors;
  const quoteSelector: TextQuoteSelector = {
    type: "TextQuoteSelector",
    exact: quote.exact,
    ...(quote.prefix ? { prefix: quote.prefix } : {}),
    ...(quote.suffix ? { suffix: quote.suffix } : {}),
  };
  const body: WebAnnotation["body"] = [
    { type: "TextualBody", purpose: "assessing", value: claim.verdictLabel, format: "text/plain", language: "en" },
  ];
  if (claim.speaker)
    body.push({ type: "TextualBody", purpose: "describing", value: claim.speaker, format: "text/plain" });
  if (claim.rationale.trim().length > 0) body.push(commentBody(claim.rationale));
  for (const item of claim.evidence) {
    const url = toSafeHttpUrl(item.url);
    // Stored evidence URLs are validated as http(s); one that is not cannot be an IRI here, so it is left out.
    if (!url) continue;
    body.push({
      type: "SpecificResource",
      purpose: "linking",
      source: { id: url, type: "Text", ...(item.title ? { "schema:name": item.title } : {}) },
      ...(item.excerpt ? { selector: { type: "TextQuoteSelector", exact: item.excerpt } as const } : {}),
      stance: item.stance,
    });
  }
  return {
    id: claimAnnotationId(base, claim.id),
    type: "Annotation",
    motivation: "assessing",
    verdict: claim.verdict,
    ...(claim.speaker ? { speaker: claim.speaker } : {}),
    ...(claim.isOrphaned ? { orphaned: true as const } : {}),
    created: claim.createdAt,
    modified: claim.updatedAt,
    generated,
    creator: { type: "Person", name: claim.originalAuthorName ?? claim.createdBy.name },
    generator: GENERATOR,
    body,
    target: {
      type: "SpecificResource",
      source,
      selector: claim.isOrphaned
        ? [quoteSelector]
        : [
            quoteSelector,
            {
              type: "TextPositionSelector",
              start: codePointsOf(position.start, context),
              end: codePointsOf(position.end, context),
            },
          ],
    },
  };
}

/** A UTF-16 offset in code points (clamped to the text: a stored offset is never past its end, but never trusted). */
function codePointsOf(utf16: number, { offsets, textLength }: ClaimAnnotationContext): number {
  return offsets.toCodePoints(Math.min(Math.max(utf16, 0), textLength));
}

function commentBody(text: string): TextualBody {
  return { type: "TextualBody", purpose: "commenting", value: text, format: "text/plain" };
}
