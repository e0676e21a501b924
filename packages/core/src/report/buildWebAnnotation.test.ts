import { describe, expect, it } from "vitest";
import { readGolden } from "../testing/readFixture";
import { reportInputFromImport } from "../testing/reportInputFromImport";
import { reviewOfImport, reviewOfModel } from "../testing/reviewOf";
import { ORGANISATION, sampleReportInput } from "../testing/sampleReport";
import { createWebAnnotationValidator } from "../testing/webAnnotationValidator";
import { buildReportModel } from "./buildReportModel";
import { ANNOTATION_CONTEXT, buildWebAnnotation, type WebAnnotation } from "./buildWebAnnotation";
import { parseWebAnnotation } from "./parseWebAnnotation";

const input = sampleReportInput();
const model = buildReportModel(input);
const collection = buildWebAnnotation(model);
const items = collection.first.items;
const claimItems = items.filter((item) => item.motivation === "assessing");
const linkItems = items.filter((item) => item.motivation === "linking");
const validator = createWebAnnotationValidator();
const musts = validator.assertionsOf("annotationMusts.test");
const optionals = [
  ...validator.assertionsOf("annotationOptionals.test"),
  ...validator.assertionsOf("annotationsAgentOptionals.test"),
];

/** Items in a collection carry no @context; the assertions judge each annotation as a document of its own. */
function standalone(item: WebAnnotation): WebAnnotation {
  return { "@context": ANNOTATION_CONTEXT, ...item };
}

function optional(name: string): string {
  const found = optionals.find((assertion) => assertion.endsWith(`/${name}`));
  if (!found) throw new Error(`${name} is not in the optional lists`);
  return found;
}

/** Optional features every exported annotation uses. */
const OPTIONALS_OF_EVERY_ANNOTATION = [
  "3.3.1-annotationCreatedImplemented.json",
  "3.3.1-annotationGeneratedImplemented.json",
  "3.3.1-annotationSingleCreatorImplemented.json",
  "3.3.5-annotationMotivationImplemented.json",
  "3.3.5-annotationSingleMotivationImplemented.json",
  "3.1-bodyKeyFound.json",
  "3.3.5-bodyPurpose.json",
  "3.2.4-bodyETB.json",
  "3.2.4-bodyETBTypeTextualBody.json",
  "3.3.1-annotationCreatorImplemented.json",
  "3.3.2-annotationCreatorAgentTypeImplemented.json",
  "3.3.2-annotationCreatorAgentNameImplemented.json",
  "3.3.2-annotationCreatorAgentSingleNameImplemented.json",
  "3.3.1-annotationGeneratorImplemented.json",
  "3.3.2-annotationGeneratorAgentTypeImplemented.json",
  "3.3.2-annotationGeneratorAgentNameImplemented.json",
  "3.3.2-annotationGeneratorAgentSingleNameImplemented.json",
].map(optional);

/**
 * Optional features every claim annotation uses: a modified date, a verdict body with format and language, a
 * SpecificResource target with a TextQuoteSelector (prefix and suffix) and a TextPositionSelector.
 * 4.2-selectorFound is left out: it applies "has a selector" to the selector itself, so no W3C sample passes it
 * either (see the last test).
 */
const OPTIONALS_OF_CLAIMS = [
  "3.3.1-annotationModifiedImplemented.json",
  "3.2.1-bodyFormat.json",
  "3.2.1-bodySingleFormat.json",
  "3.2.1-bodyLanguage.json",
  "3.2.1-bodySingleLanguage.json",
  "4-targSpecificResource.json",
  "4.2.4-textQuoteSelector.json",
  "4.2.4-prefix.json",
  "4.2.4-suffix.json",
  "4.2.5-textPositionSelector.json",
].map(optional);

describe("buildWebAnnotation", () => {
  it("matches the reviewed golden file for the sample article", () => {
    const json = `${JSON.stringify(collection, null, 2)}\n`;
    const golden = readGolden("sample-report.w3c.json", json);
    expect(json).toBe(golden.expected);
  });

  it("is an AnnotationCollection with one embedded page: one annotation per claim, then one per link", () => {
    expect(collection["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(collection.type).toBe("AnnotationCollection");
    expect(collection.total).toBe(items.length);
    expect(claimItems).toHaveLength(input.claims.length);
    expect(linkItems).toHaveLength(input.links.length);
    expect(items.every((item) => item["@context"] === undefined)).toBe(true);
  });

  it.each(items.map((item) => [item.id, item] as const))("passes every W3C MUST assertion: %s", (_id, item) => {
    expect(validator.failures(standalone(item), musts)).toEqual([]);
  });

  it.each(items.map((item) => [item.id, item] as const))(
    "passes the optional assertions for the features every annotation uses: %s",
    (_id, item) => {
      expect(validator.failures(standalone(item), OPTIONALS_OF_EVERY_ANNOTATION)).toEqual([]);
    },
  );

  it.each(claimItems.map((item) => [item.id, item] as const))(
    "passes the optional assertions for the selectors and bodies a claim uses: %s",
    (_id, item) => {
      expect(validator.failures(standalone(item), OPTIONALS_OF_CLAIMS)).toEqual([]);
    },
  );

  it("passes the SpecificResource body assertion where a claim has evidence", () => {
    const withEvidence = claimItems.filter((item) => item.body.some((body) => body.type === "SpecificResource"));
    expect(withEvidence).toHaveLength(3);
    for (const item of withEvidence) {
      expect(validator.failures(standalone(item), [optional("4-bodySpecificResource.json")])).toEqual([]);
    }
  });

  it("fails a MUST once an id is not an IRI or the body holds both body and bodyValue (the check bites)", () => {
    const item = standalone(claimItems[0] as WebAnnotation);
    expect(validator.failures({ ...item, id: "claim 1" }, musts).length).toBeGreaterThan(0);
    expect(validator.failures({ ...item, bodyValue: "x" }, musts).length).toBeGreaterThan(0);
    expect(validator.failures({ ...item, created: "yesterday" }, musts).length).toBeGreaterThan(0);
  });

  it("targets the article with a quote and a position selector, and gives the verdict an assessing body", () => {
    const first = claimItems[0];
    expect(first?.id).toBe("https://factcheck.example.org/annotations/claims/clm_amir_abdollahian");
    expect(first?.target).toEqual({
      type: "SpecificResource",
      source: "https://news.example.com/iran-admits-supplying-russia-with-drones",
      selector: [
        expect.objectContaining({
          type: "TextQuoteSelector",
          exact: "limited number of drones months before the Ukraine war",
        }),
        { type: "TextPositionSelector", start: 658, end: 712 },
      ],
    });
    expect(first?.body.map((body) => body.purpose)).toEqual(["assessing", "describing", "commenting", "linking"]);
    expect(first?.body[0]).toMatchObject({ type: "TextualBody", value: "Contradicted" });
  });

  it("links two claims' annotations with a linking annotation tagged with the link's kind", () => {
    expect(linkItems[0]).toMatchObject({
      id: "https://factcheck.example.org/annotations/links/lnk_months_vs_summer",
      motivation: "linking",
      target: [
        "https://factcheck.example.org/annotations/claims/clm_amir_abdollahian",
        "https://factcheck.example.org/annotations/claims/clm_malley",
      ],
      body: [
        { type: "TextualBody", purpose: "tagging", value: "contradicts" },
        { type: "TextualBody", purpose: "commenting", value: "Months before the war, or dozens this summer?" },
      ],
    });
  });

  it("targets a urn when the article has no source URL, and still passes the MUSTs", () => {
    const noSource = buildWebAnnotation(buildReportModel({ ...input, article: { ...input.article, sourceUrl: null } }));
    const [first] = noSource.first.items;
    expect(first?.target).toMatchObject({ source: "urn:factmark:article:art_iran_drones" });
    expect(validator.failures(standalone(first as WebAnnotation), musts)).toEqual([]);
  });

  it("round-trips: export, parse, export again gives the same claims, verdicts, speakers, rationale, evidence and links", () => {
    const imported = parseWebAnnotation(JSON.parse(JSON.stringify(collection)));
    expect(reviewOfImport(imported)).toEqual(reviewOfModel(model));
    expect(imported.article).toMatchObject({
      title: input.article.title,
      sourceUrl: input.article.sourceUrl,
      outlet: input.article.outlet,
      author: input.article.author,
      publishedAt: input.article.publishedAt,
      text: input.article.text,
    });
    const again = buildReportModel(reportInputFromImport(imported, ORGANISATION));
    const reimported = parseWebAnnotation(JSON.parse(JSON.stringify(buildWebAnnotation(again))));
    expect(reviewOfImport(reimported)).toEqual(reviewOfModel(model));
  });

  it("quirk check: the W3C's own TextQuoteSelector sample fails 4.2-selectorFound too", () => {
    const sample = {
      "@context": ANNOTATION_CONTEXT,
      id: "http://example.org/anno23",
      type: "Annotation",
      body: "http://example.org/comment1",
      target: { source: "http://example.org/page1", selector: { type: "TextQuoteSelector", exact: "anotation" } },
    };
    expect(validator.failures(sample, [optional("4.2-selectorFound.json")])).toHaveLength(1);
    expect(validator.failures(sample, [optional("4.2.4-textQuoteSelector.json")])).toEqual([]);
  });
});
