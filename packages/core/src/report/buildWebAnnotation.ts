import type { EvidenceStance } from "../schemas/evidence";
import type { LinkKind } from "../schemas/link";
import { trimTrailingSlash } from "./buildReportModel";
import type { ReportClaim, ReportModel } from "./ReportModel";
import { toSafeHttpUrl } from "./toSafeHttpUrl";

export const ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

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
  /** Factmark's stance of the evidence. Not in the anno.jsonld context: JSON-LD processors ignore it, Factmark reads it. */
  stance: EvidenceStance;
}

export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix?: string;
  suffix?: string;
}

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
  "@context"?: typeof ANNOTATION_CONTEXT;
  id: string;
  type: "Annotation";
  motivation: "assessing" | "linking";
  created: string;
  modified?: string;
  generated: string;
  creator: Agent;
  generator: Agent;
  body: (TextualBody | EvidenceBody)[];
  target:
    | { type: "SpecificResource"; source: string; selector: [TextQuoteSelector, TextPositionSelector] }
    | [string, string];
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
  "@context": typeof ANNOTATION_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  "schema:about": AnnotatedArticle;
  first: { id: string; type: "AnnotationPage"; startIndex: 0; items: WebAnnotation[] };
}

const GENERATOR: Agent = { type: "Software", name: "Factmark" };

/** The IRI of a claim's annotation: `${organisation.url}/annotations/claims/${id}`. */
export function claimAnnotationId(organisationUrl: string, claimId: string): string {
  return `${trimTrailingSlash(organisationUrl)}/annotations/claims/${encodeURIComponent(claimId)}`;
}

/**
 * The report as a W3C Web Annotation collection (JSON-LD): one `assessing` annotation per claim, whose target is
 * the article with a TextQuoteSelector and a TextPositionSelector, and whose bodies give the verdict (`assessing`),
 * the speaker (`describing`), the rationale (`commenting`) and each piece of evidence (`linking`); then one
 * `linking` annotation per link, targeting both claims' annotations, tagged with the link's kind.
 *
 * The collection holds a single embedded page, as the model allows, and describes the article (with its text) under
 * `schema:about` so that an import can re-create it. Positions count UTF-16 code units in Factmark's text projection
 * of the article (paragraphs joined by "\n"), which the quote selector cross-checks.
 */
export function buildWebAnnotation(model: ReportModel): AnnotationCollection {
  const { article, header } = model;
  const base = trimTrailingSlash(header.organisation.url);
  const sourceUrl = toSafeHttpUrl(article.sourceUrl);
  const source = sourceUrl ?? `urn:factmark:article:${encodeURIComponent(article.id)}`;
  const generated = header.generatedAt;
  const claimItems = model.claims.map((claim) => claimAnnotation(claim, base, source, generated));
  const linkItems = model.links.map(
    (link): WebAnnotation => ({
      id: `${base}/annotations/links/${encodeURIComponent(link.id)}`,
      type: "Annotation",
      motivation: "linking",
      created: link.createdAt,
      generated,
      creator: { type: "Person", name: link.createdBy.name },
      generator: GENERATOR,
      body: [
        { type: "TextualBody", purpose: "tagging", value: link.kind satisfies LinkKind },
        ...(link.note ? [commentBody(link.note)] : []),
      ],
      target: [claimAnnotationId(base, link.fromClaimId), claimAnnotationId(base, link.toClaimId)],
    }),
  );
  const collectionId = `${base}/articles/${encodeURIComponent(article.id)}/annotations`;
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
  const items = [...claimItems, ...linkItems];
  return {
    "@context": ANNOTATION_CONTEXT,
    id: collectionId,
    type: "AnnotationCollection",
    label: `Fact-check: ${article.title}`,
    total: items.length,
    "schema:about": about,
    first: { id: `${collectionId}?page=1`, type: "AnnotationPage", startIndex: 0, items },
  };
}

function claimAnnotation(claim: ReportClaim, base: string, source: string, generated: string): WebAnnotation {
  const { position, quote } = claim.selectors;
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
    created: claim.createdAt,
    modified: claim.updatedAt,
    generated,
    creator: { type: "Person", name: claim.createdBy.name },
    generator: GENERATOR,
    body,
    target: {
      type: "SpecificResource",
      source,
      selector: [
        {
          type: "TextQuoteSelector",
          exact: quote.exact,
          ...(quote.prefix ? { prefix: quote.prefix } : {}),
          ...(quote.suffix ? { suffix: quote.suffix } : {}),
        },
        { type: "TextPositionSelector", start: position.start, end: position.end },
      ],
    },
  };
}

function commentBody(text: string): TextualBody {
  return { type: "TextualBody", purpose: "commenting", value: text, format: "text/plain" };
}
