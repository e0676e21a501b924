import { describe, expect, it } from "vitest";
import { anchor } from "../anchoring/anchor";
import type { ReportInput } from "../report/ReportModel";
import type { Claim } from "../schemas/claim";
import type { Verdict } from "../schemas/verdict";
import { readGolden } from "../testing/readFixture";
import { reportInputFromImport } from "../testing/reportInputFromImport";
import { reviewOfImport, reviewOfModel } from "../testing/reviewOf";
import { LOCAL_REVIEWER, ORGANISATION, sampleReportInput } from "../testing/sampleReport";
import { createWebAnnotationValidator } from "../testing/webAnnotationValidator";
import { articleText } from "../text/articleText";
import { plainTextToDoc } from "../text/plainTextToDoc";
import { buildReportModel } from "./buildReportModel";
import {
  ANNOTATION_CONTEXT,
  buildWebAnnotation,
  standaloneAnnotation,
  type TextPositionSelector,
  type TextQuoteSelector,
  type WebAnnotation,
} from "./buildWebAnnotation";
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
  return standaloneAnnotation(item, ORGANISATION.url);
}

/**
 * A one-paragraph article with claims on the given quotes (each with a speaker and verdict) and a link from the
 * first claim to the second ("contradicts"), when there are two: the shape of the Unicode goldens.
 */
function articleInput(
  id: string,
  title: string,
  body: string,
  claims: { exact: string; speaker: string | null; verdict: Verdict }[],
): ReportInput {
  const sample = sampleReportInput();
  const doc = plainTextToDoc(body);
  const article = {
    ...sample.article,
    id,
    title,
    sourceUrl: `https://news.example.com/${id}`,
    outlet: "Example Gazette",
    author: null,
    publishedAt: "2026-01-05",
    doc,
    text: articleText(doc),
    speakerKinds: {},
  };
  const made = claims.map((spec, index): Claim => {
    const placed = anchor(article.text, { quote: { exact: spec.exact } });
    if (!placed.ok) throw new Error(`"${spec.exact}" is not in the article.`);
    const base = sample.claims[0] as Claim;
    return {
      ...base,
      id: `${id}_claim_${index + 1}`,
      articleId: id,
      selectors: placed.selectors,
      verdict: spec.verdict,
      speaker: spec.speaker,
      rationale: "",
      createdBy: LOCAL_REVIEWER,
    };
  });
  const [from, to] = made;
  const links =
    from && to
      ? [
          {
            ...(sample.links[0] as ReportInput["links"][number]),
            id: `${id}_link`,
            articleId: id,
            fromClaimId: from.id,
            toClaimId: to.id,
            note: null,
          },
        ]
      : [];
  return { ...sample, article, claims: made, links, evidence: [], events: [] };
}

/** The emoji article of issue 17: astral characters (and a skin-tone modifier) before and inside a claim. */
const EMOJI_INPUT = articleInput(
  "art_emoji",
  "Crime figures 🚀",
  "🚀 The mayor said crime fell 👍🏽 by 12% last year.",
  [
    { exact: "crime fell 👍🏽 by 12%", speaker: "The mayor", verdict: "contradicted" },
    { exact: "last year", speaker: null, verdict: "unverified" },
  ],
);

/** A right-to-left article (Hebrew) with a Latin number and an acronym inside, and an emoji before its claims. */
const RTL_INPUT = articleInput(
  "art_rtl",
  "נתוני הפשיעה",
  "📰 ראש העיר אמר כי הפשיעה ירדה ב-12% בשנת 2023.\nלפי נתוני ה-FBI, הירידה הייתה 7% בלבד.",
  [
    { exact: "הפשיעה ירדה ב-12% בשנת 2023", speaker: "ראש העיר", verdict: "contradicted" },
    { exact: "הירידה הייתה 7% בלבד", speaker: null, verdict: "supported" },
  ],
);

/** The quote a consumer that follows the model reads at a position selector: the text sliced by code points. */
function quoteByCodePoints(text: string, { start, end }: TextPositionSelector): string {
  return [...text].slice(start, end).join("");
}

function selectorsOf(item: WebAnnotation): [TextQuoteSelector, TextPositionSelector] {
  if (Array.isArray(item.target)) throw new Error(`${item.id} is a link.`);
  const [quote, position] = item.target.selector;
  if (!position) throw new Error(`${item.id} is an orphan: it has no position.`);
  return [quote, position];
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
    expect(collection["@context"]).toEqual([
      "http://www.w3.org/ns/anno.jsonld",
      "https://factcheck.example.org/ns/factmark.jsonld",
    ]);
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

  it("escapes URLs stored before they were normalised (`]`, spaces, `|`), so every MUST still passes", () => {
    const oldRows = buildWebAnnotation(
      buildReportModel({
        ...input,
        article: { ...input.article, sourceUrl: "https://news.example.com/a]b c" },
        evidence: input.evidence.map((item) => ({ ...item, url: `${item.url}/x]y|z w` })),
      }),
    );
    const text = JSON.stringify(oldRows);
    expect(text).not.toMatch(/a\]b|x\]y|z w/);
    expect(text).toContain("https://news.example.com/a%5Db%20c");
    for (const item of oldRows.first.items) expect(validator.failures(standalone(item), musts)).toEqual([]);
  });

  it("says verdict and speaker on each claim, stance on each evidence body, kind and direction on each link", () => {
    const first = claimItems[0];
    expect(first).toMatchObject({ verdict: "contradicted", speaker: "Hossein Amir-Abdollahian" });
    expect(first?.body.find((body) => body.type === "SpecificResource")).toMatchObject({ stance: "contradicts" });
    for (const item of claimItems) {
      const claim = input.claims.find((candidate) => item.id.endsWith(`/${candidate.id}`));
      expect(item.verdict).toBe(claim?.verdict);
    }
    for (const [index, item] of linkItems.entries()) {
      const link = input.links[index];
      expect(item).toMatchObject({
        linkKind: link?.kind,
        linkFrom: `https://factcheck.example.org/annotations/claims/${link?.fromClaimId}`,
        linkTo: `https://factcheck.example.org/annotations/claims/${link?.toClaimId}`,
      });
      expect(item.target).toEqual([item.linkFrom, item.linkTo]);
    }
  });

  it("leaves the speaker out of a claim that names none", () => {
    const [, lastYear] = buildWebAnnotation(buildReportModel(EMOJI_INPUT)).first.items;
    expect(lastYear).not.toHaveProperty("speaker");
    expect(lastYear?.verdict).toBe("unverified");
  });

  it("roots every id, the collection and Factmark's context at the server's address when one is given", () => {
    const served = buildWebAnnotation(model, { serverUrl: "https://desk.example.net/" });
    expect(served["@context"]).toEqual([ANNOTATION_CONTEXT, "https://desk.example.net/ns/factmark.jsonld"]);
    expect(served.id).toBe("https://desk.example.net/articles/art_iran_drones/annotations");
    expect(served.first.id).toBe("https://desk.example.net/articles/art_iran_drones/annotations?page=0");
    const ids = served.first.items.flatMap((item) => [item.id, ...(item.linkFrom ? [item.linkFrom, item.linkTo] : [])]);
    expect(ids.every((id) => id?.startsWith("https://desk.example.net/annotations/"))).toBe(true);
  });

  it("counts positions in code points: the emoji article's claim 'crime fell 👍🏽 by 12%' is 17-37", () => {
    const emoji = buildWebAnnotation(buildReportModel(EMOJI_INPUT));
    const [crime, lastYear] = emoji.first.items.filter((item) => item.motivation === "assessing").map(selectorsOf);
    expect(crime?.[1]).toEqual({ type: "TextPositionSelector", start: 17, end: 37 });
    // Internally the claim stays in UTF-16 units, as the editor counts.
    expect(EMOJI_INPUT.claims[0]?.selectors.position).toEqual({ start: 18, end: 40 });
    expect(lastYear?.[1]).toEqual({ type: "TextPositionSelector", start: 38, end: 47 });
  });

  it.each([
    ["sample", input],
    ["emoji", EMOJI_INPUT],
    ["right-to-left", RTL_INPUT],
  ] as const)(
    "gives positions a consumer reads as each claim's quote, by code points: %s article",
    (_name, article) => {
      const built = buildWebAnnotation(buildReportModel(article));
      const text = built["schema:about"]["schema:text"];
      const claims = built.first.items.filter((item) => item.motivation === "assessing");
      expect(claims).toHaveLength(article.claims.length);
      for (const item of claims) {
        const [quote, position] = selectorsOf(item);
        expect(quoteByCodePoints(text, position)).toBe(quote.exact);
      }
    },
  );

  it.each([
    ["emoji-report.w3c.json", EMOJI_INPUT],
    ["rtl-report.w3c.json", RTL_INPUT],
  ] as const)("matches the reviewed golden file %s, and every annotation in it passes the MUSTs", (file, article) => {
    const built = buildWebAnnotation(buildReportModel(article));
    const json = `${JSON.stringify(built, null, 2)}\n`;
    expect(json).toBe(readGolden(file, json).expected);
    for (const item of built.first.items) expect(validator.failures(standalone(item), musts)).toEqual([]);
  });

  it("marks an orphaned claim orphaned and gives it no position (it has none), still passing every MUST", () => {
    const [first] = EMOJI_INPUT.claims;
    const orphan = {
      ...(first as Claim),
      isOrphaned: true,
      selectors: { ...(first as Claim).selectors, position: { start: 0, end: 0 } },
    };
    const built = buildWebAnnotation(buildReportModel({ ...EMOJI_INPUT, claims: [orphan], links: [] }));
    const item = built.first.items[0] as WebAnnotation;
    expect(item.orphaned).toBe(true);
    expect(Array.isArray(item.target) ? [] : item.target.selector).toEqual([
      expect.objectContaining({ type: "TextQuoteSelector", exact: "crime fell 👍🏽 by 12%" }),
    ]);
    expect(validator.failures(standalone(item), musts)).toEqual([]);
    const anchoredItem = buildWebAnnotation(buildReportModel(EMOJI_INPUT)).first.items[0] as WebAnnotation;
    expect(anchoredItem.orphaned).toBeUndefined();
  });

  it("re-imports an exported orphan as an orphan, though its quote is in the text", () => {
    const [first] = EMOJI_INPUT.claims;
    const orphan = { ...(first as Claim), isOrphaned: true };
    const built = buildWebAnnotation(buildReportModel({ ...EMOJI_INPUT, claims: [orphan], links: [] }));
    const [claim] = parseWebAnnotation(JSON.parse(JSON.stringify(built))).claims;
    expect(claim).toMatchObject({ isOrphaned: true, selectors: { quote: { exact: "crime fell 👍🏽 by 12%" } } });
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
