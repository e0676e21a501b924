import { trimTrailingSlash } from "./buildReportModel";

/** The W3C Web Annotation JSON-LD context, which every Web Annotation document names first. */
export const ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/** Where a Factmark server answers its own JSON-LD context (GET, public), under the server's address. */
export const FACTMARK_CONTEXT_PATH = "/ns/factmark.jsonld";

/**
 * The namespace of Factmark's own terms. It is the same on every Factmark server, whatever its address, so a
 * `fm:verdict` written by one newsroom's server means what it means on another's: term IRIs name a vocabulary,
 * not a deployment (only the context document that maps the short names is served by each server, at
 * FACTMARK_CONTEXT_PATH). w3id.org is the W3C community's permanent-identifier service: a vocabulary without a
 * domain of its own takes a path there, which can later redirect to its documentation.
 */
export const FACTMARK_NAMESPACE = "https://w3id.org/factmark/ns#";

/**
 * Factmark's JSON-LD context: the terms a Web Annotation export writes that http://www.w3.org/ns/anno.jsonld does
 * not define. Named after the annotation context, so it adds terms and redefines none of the W3C's.
 *
 * - `verdict` (a claim annotation's verdict: "contradicted", "supported" or "unverified") and `speaker` (who made
 *   the claim) are plain strings on the claim's annotation, beside the bodies that say the same for people.
 * - `stance` (an evidence body's "supports", "contradicts" or "context") is a plain string on the body.
 * - `linkKind` ("contradicts" or "supports") is a plain string on a link's annotation; `linkFrom` and `linkTo` are
 *   the IRIs of the two claims' annotations ("linkFrom contradicts linkTo"): the order of the two targets says
 *   the same for Web Annotation readers, but linked data keeps no order of a property's values.
 * - `orphaned` (boolean `true`, on a claim annotation): the claim lost its place when the article was edited; its
 *   quote is what it was about, and it carries no TextPositionSelector (an orphan has no position in the text).
 *   Factmark's readers import such an annotation as an orphan again.
 * - `assessing`: the Web Annotation model's motivation (oa:assessing) that anno.jsonld forgets to map, used as
 *   a claim annotation's motivation and its verdict body's purpose; without it JSON-LD reads "assessing" as a
 *   relative IRI.
 *
 * `schema:`-prefixed keys need nothing here: anno.jsonld maps the `schema` prefix to http://schema.org/.
 */
export const FACTMARK_CONTEXT = {
  "@context": {
    fm: FACTMARK_NAMESPACE,
    verdict: { "@id": `${FACTMARK_NAMESPACE}verdict` },
    speaker: { "@id": `${FACTMARK_NAMESPACE}speaker` },
    stance: { "@id": `${FACTMARK_NAMESPACE}stance` },
    linkKind: { "@id": `${FACTMARK_NAMESPACE}linkKind` },
    linkFrom: { "@id": `${FACTMARK_NAMESPACE}linkFrom`, "@type": "@id" },
    linkTo: { "@id": `${FACTMARK_NAMESPACE}linkTo`, "@type": "@id" },
    orphaned: { "@id": `${FACTMARK_NAMESPACE}orphaned` },
    assessing: "http://www.w3.org/ns/oa#assessing",
  },
} as const;

/** The address of Factmark's context on the server at `serverUrl` (its origin, or where Factmark is mounted). */
export function factmarkContextUrl(serverUrl: string): string {
  return `${trimTrailingSlash(serverUrl)}${FACTMARK_CONTEXT_PATH}`;
}

/** The `@context` of every Web Annotation document a Factmark server writes: the W3C's, then Factmark's. */
export type AnnotationDocumentContext = [typeof ANNOTATION_CONTEXT, string];

/** The `@context` of a Web Annotation document written for the server at `serverUrl`. */
export function annotationDocumentContext(serverUrl: string): AnnotationDocumentContext {
  return [ANNOTATION_CONTEXT, factmarkContextUrl(serverUrl)];
}
