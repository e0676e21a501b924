import jsonld from "jsonld";
import { describe, expect, it } from "vitest";
import { readFixture } from "../testing/readFixture";
import { ORGANISATION, sampleReportInput } from "../testing/sampleReport";
import { buildReportModel } from "./buildReportModel";
import { buildWebAnnotation, standaloneAnnotation } from "./buildWebAnnotation";
import {
  ANNOTATION_CONTEXT,
  annotationDocumentContext,
  FACTMARK_CONTEXT,
  FACTMARK_CONTEXT_PATH,
  FACTMARK_NAMESPACE,
  factmarkContextUrl,
} from "./factmarkContext";

const SERVER_URL = "https://desk.example.org";
const ANNO_CONTEXT = JSON.parse(readFixture("test-fixtures/conformance/web-annotation-context/anno.jsonld"));
const collection = buildWebAnnotation(buildReportModel(sampleReportInput()), { serverUrl: SERVER_URL });

type JsonObject = Record<string, unknown>;

/** No network: the W3C's context from the local copy, Factmark's from core; anything else is an error. */
async function documentLoader(url: string) {
  const documents: Record<string, unknown> = {
    [ANNOTATION_CONTEXT]: ANNO_CONTEXT,
    [factmarkContextUrl(SERVER_URL)]: FACTMARK_CONTEXT,
  };
  const document = documents[url];
  if (document === undefined) throw new Error(`The test has no copy of ${url}.`);
  return { contextUrl: undefined, documentUrl: url, document };
}

async function expand(document: unknown): Promise<unknown[]> {
  // @types/jsonld still types the loader as callback-style; jsonld 9 takes an async one.
  const options = { documentLoader } as unknown as jsonld.Options.Expand;
  return (await jsonld.expand(document as jsonld.JsonLdDocument, options)) as unknown as unknown[];
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** What a compact key expands to under the export's contexts (`@id`/`@type` for id/type), or undefined if dropped. */
const expandedKeys = new Map<string, string | undefined>();
async function expandedKeyOf(key: string): Promise<string | undefined> {
  if (key === "id") return "@id";
  if (key === "type") return "@type";
  if (!expandedKeys.has(key)) {
    const [node] = await expand({
      "@context": annotationDocumentContext(SERVER_URL),
      "@id": "urn:x:probe",
      [key]: "v",
    });
    expandedKeys.set(
      key,
      Object.keys((node ?? {}) as JsonObject).find((name) => name !== "@id"),
    );
  }
  return expandedKeys.get(key);
}

/** Every key of every object of a compact document, expanded (or "DROPPED: key"), sorted. */
async function compactKeys(document: unknown): Promise<string[]> {
  const keys: string[] = [];
  const visit = async (value: unknown): Promise<void> => {
    if (Array.isArray(value)) for (const item of value) await visit(item);
    if (!isObject(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === "@context") continue;
      keys.push((await expandedKeyOf(key)) ?? `DROPPED: ${key}`);
      await visit(inner);
    }
  };
  await visit(document);
  return keys.sort();
}

/**
 * Every key of every node of an expanded document, sorted: not of value objects, list wrappers, nor of the
 * `{"@id"}` objects expansion makes of an IRI string (a target, a link's end).
 */
function nodeKeys(expanded: unknown): string[] {
  const keys: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) for (const item of value) visit(item);
    if (!isObject(value)) return;
    if ("@value" in value) return;
    if ("@list" in value) {
      visit(value["@list"]);
      return;
    }
    if (Object.keys(value).length === 1 && "@id" in value) return;
    for (const [key, inner] of Object.entries(value)) {
      keys.push(key);
      visit(inner);
    }
  };
  visit(expanded);
  return keys.sort();
}

/** Every `@id` and `@type` of an expanded document that is not an absolute IRI (a term JSON-LD could not map). */
function relativeIris(expanded: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) for (const item of value) visit(item);
    if (!isObject(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === "@id" || key === "@type") {
        for (const iri of [inner].flat())
          if (typeof iri === "string" && !/^[a-z][a-z0-9+.-]*:/i.test(iri)) found.push(iri);
      } else {
        visit(inner);
      }
    }
  };
  visit(expanded);
  return found;
}

describe("Factmark's JSON-LD context", () => {
  it("is named by every export after the W3C's, at the server's own address", () => {
    expect(collection["@context"]).toEqual([ANNOTATION_CONTEXT, `${SERVER_URL}${FACTMARK_CONTEXT_PATH}`]);
    expect(factmarkContextUrl("https://desk.example.org/")).toBe("https://desk.example.org/ns/factmark.jsonld");
  });

  it("names its terms in one namespace, whatever the server's address", () => {
    const terms = (Object.entries(FACTMARK_CONTEXT["@context"]) as [string, unknown][])
      .filter(([term]) => term !== "fm" && term !== "assessing")
      .map(([term, definition]) => [term, definition as { "@id": string }] as const);
    expect(terms.map(([term]) => term).sort()).toEqual([
      "linkFrom",
      "linkKind",
      "linkTo",
      "orphaned",
      "speaker",
      "stance",
      "verdict",
    ]);
    for (const [term, definition] of terms) expect(definition["@id"]).toBe(`${FACTMARK_NAMESPACE}${term}`);
    expect(JSON.stringify(FACTMARK_CONTEXT)).not.toContain(SERVER_URL);
  });

  it("expanding the whole export drops no key of any node: every term is defined by one of the two contexts", async () => {
    const expanded = await expand(collection);
    const expected = await compactKeys(collection);
    expect(expected.filter((key) => key.startsWith("DROPPED"))).toEqual([]);
    expect(nodeKeys(expanded)).toEqual(expected);
  });

  it("expands Factmark's terms to its namespace, a link's ends to IRIs, and 'assessing' to oa:assessing", async () => {
    const expanded = await expand(collection);
    const text = JSON.stringify(expanded);
    for (const term of ["verdict", "speaker", "stance", "linkKind", "linkFrom", "linkTo"]) {
      expect(text).toContain(`"${FACTMARK_NAMESPACE}${term}"`);
    }
    expect(text).toContain(
      `"${FACTMARK_NAMESPACE}linkFrom":[{"@id":"${SERVER_URL}/annotations/claims/clm_amir_abdollahian"}]`,
    );
    expect(text).toContain('"http://www.w3.org/ns/oa#motivatedBy":[{"@id":"http://www.w3.org/ns/oa#assessing"}]');
    expect(relativeIris(expanded)).toEqual([]);
  });

  it("expands an orphaned claim's annotation, its 'orphaned' mark included, without dropping a key", async () => {
    const input = sampleReportInput();
    const orphaned = { ...input, claims: input.claims.map((claim) => ({ ...claim, isOrphaned: true })) };
    const document = buildWebAnnotation(buildReportModel(orphaned), { serverUrl: SERVER_URL });
    const expanded = await expand(document);
    expect(nodeKeys(expanded)).toEqual(await compactKeys(document));
    expect(JSON.stringify(expanded)).toContain(`"${FACTMARK_NAMESPACE}orphaned":[{"@value":true}]`);
  });

  it("expands each annotation answered alone (as the server's protocol routes give it) without dropping a key", async () => {
    for (const item of collection.first.items) {
      const document = standaloneAnnotation(item, SERVER_URL);
      const expanded = await expand(document);
      expect(nodeKeys(expanded), item.id).toEqual(await compactKeys(document));
      expect(relativeIris(expanded), item.id).toEqual([]);
    }
  });

  it("catches a dropped term (the check bites): under the W3C's context alone Factmark's terms go, 'assessing' stays relative", async () => {
    const annoOnly = { ...collection, "@context": ANNOTATION_CONTEXT };
    const expanded = await expand(annoOnly);
    const keys = nodeKeys(expanded);
    expect(keys).not.toContain(`${FACTMARK_NAMESPACE}stance`);
    expect(keys.length).toBeLessThan((await compactKeys(collection)).length);
    // And "assessing" is a relative IRI under the W3C's context alone.
    expect(relativeIris(expanded)).toContain("assessing");
  });

  it("roots ids and the context at the server's address, or the organisation's when none is given", () => {
    const byOrganisation = buildWebAnnotation(buildReportModel({ ...sampleReportInput(), organisation: ORGANISATION }));
    expect(byOrganisation["@context"][1]).toBe(`${ORGANISATION.url}${FACTMARK_CONTEXT_PATH}`);
    expect(collection.first.items.every((item) => item.id.startsWith(`${SERVER_URL}/annotations/`))).toBe(true);
  });
});
