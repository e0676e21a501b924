import { describe, expect, it } from "vitest";
import { buildClaimReview, type ClaimReview } from "../report/buildClaimReview";
import { buildReportModel } from "../report/buildReportModel";
import { isPublishableClaim } from "../schemas/workflow";
import { readFixture } from "../testing/readFixture";
import { sampleReportInput } from "../testing/sampleReport";
import { buildPublishedClaimReview } from "./buildPublishedClaimReview";
import { type PublishedFactCheck, ZPublishedFactCheck } from "./PublishedFactCheck";

const FIRST_PUBLISHED_AT = "2026-12-01T09:00:00.000Z";
const CORRECTED_AT = "2026-12-02T10:30:00.000Z";
const MISSION = "Iran's mission to the UN";

/** The sample article published twice (a correction), its Iravani claim spoken by an organisation. */
function samplePublication(version: 1 | 2 = 2): PublishedFactCheck {
  const input = sampleReportInput();
  const conclusion = { rating: "mostly-inaccurate" as const, summary: "Iran sent drones *after* the war began." };
  const speakerKinds = { ...input.article.speakerKinds, [MISSION]: "Organization" as const };
  input.article = { ...input.article, conclusion, speakerKinds };
  input.claims = input.claims
    .map((claim) => (claim.id === "clm_iravani" ? { ...claim, speaker: MISSION } : claim))
    .filter(isPublishableClaim);
  return ZPublishedFactCheck.parse({
    schemaVersion: 1,
    slug: "iran-admits-supplying-russia-with-drones",
    version,
    publishedAt: version === 1 ? FIRST_PUBLISHED_AT : CORRECTED_AT,
    firstPublishedAt: FIRST_PUBLISHED_AT,
    correctionNote: version === 1 ? null : "Claim 3's speaker is Iran's mission, not its ambassador.",
    earlierCorrections: [],
    conclusion,
    speakerKinds,
    publicBaseUrl: "https://factcheck.example.org/",
    model: buildReportModel(input),
  });
}

const published = samplePublication();
const reviews = published.model.claims.map((claim) => buildPublishedClaimReview(published, claim.number));

describe("buildPublishedClaimReview", () => {
  it("reviews a claim at its public address, first published once and modified by the correction", () => {
    const review = buildPublishedClaimReview(published, 1);
    expect(review).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: "https://factcheck.example.org/fact-checks/iran-admits-supplying-russia-with-drones/claims/1",
      claimReviewed: "limited number of drones months before the Ukraine war",
      datePublished: FIRST_PUBLISHED_AT,
      dateModified: CORRECTED_AT,
      author: { "@type": "Organization", name: "Factmark Sample Desk", url: "https://factcheck.example.org" },
      reviewRating: { "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "Contradicted" },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Person", name: "Hossein Amir-Abdollahian" },
        datePublished: "2022-11-10",
        appearance: {
          "@type": "CreativeWork",
          url: "https://news.example.com/iran-admits-supplying-russia-with-drones",
          headline: "Iran admits supplying Russia with drones after having said it had not",
          datePublished: "2022-11-10",
          publisher: { "@type": "Organization", name: "All Israel News" },
        },
      },
    });
    // The rationale as plain text: no Markdown markers left.
    expect(review?.reviewBody).toBe(
      "Drones of this type were first seen over Ukraine in September 2022, seven months into the war.\n\n" +
        "US officials describe transfers this summer, not before February.",
    );
  });

  it("keeps datePublished across a correction, and the url of the latest version's page", () => {
    const first = buildPublishedClaimReview(samplePublication(1), 2);
    const corrected = buildPublishedClaimReview(samplePublication(2), 2);
    expect(first?.datePublished).toBe(FIRST_PUBLISHED_AT);
    expect(corrected?.datePublished).toBe(first?.datePublished);
    expect(first?.dateModified).toBe(FIRST_PUBLISHED_AT);
    expect(corrected?.dateModified).toBe(CORRECTED_AT);
    expect(corrected?.url).toBe(first?.url);
    expect(corrected?.url).not.toContain("version");
  });

  it("names the speaker's kind as the article sets it: an Organization, else a Person", () => {
    const mission = reviews.find((review) => review?.itemReviewed.author?.name === MISSION);
    expect(mission?.itemReviewed.author).toEqual({ "@type": "Organization", name: MISSION });
  });

  it("dates a claim published by a later version from that version, and finds a claim by its number", () => {
    const [first, second] = published.model.claims;
    if (!first || !second) throw new Error("the sample has two claims to publish");
    // The second claim in document order was published first (number 1); the first came with the correction.
    const renumbered: PublishedFactCheck = {
      ...published,
      claimsFirstPublishedAt: { [first.id]: CORRECTED_AT, [second.id]: FIRST_PUBLISHED_AT },
      model: {
        ...published.model,
        claims: published.model.claims.map((claim) =>
          claim.id === first.id ? { ...claim, number: 7 } : claim.id === second.id ? { ...claim, number: 1 } : claim,
        ),
      },
    };
    expect(buildPublishedClaimReview(renumbered, 7)).toMatchObject({
      claimReviewed: reviews[0]?.claimReviewed,
      url: "https://factcheck.example.org/fact-checks/iran-admits-supplying-russia-with-drones/claims/7",
      datePublished: CORRECTED_AT,
    });
    expect(buildPublishedClaimReview(renumbered, 1)).toMatchObject({
      claimReviewed: reviews[1]?.claimReviewed,
      datePublished: FIRST_PUBLISHED_AT,
    });
    expect(buildPublishedClaimReview(renumbered, 2)).toBeNull();
  });

  it("answers null for a claim number the version does not have", () => {
    expect(buildPublishedClaimReview(published, 0)).toBeNull();
    expect(buildPublishedClaimReview(published, published.model.claims.length + 1)).toBeNull();
  });

  it.each(reviews.map((review, index) => [index + 1, review] as const))(
    "gives claim %i every property Google requires for fact-check markup, and those it recommends",
    (_, review) => {
      expect(googleFactCheckProblems(review)).toEqual([]);
    },
  );

  it.each(reviews.map((review, index) => [index + 1, review] as const))(
    "uses for claim %i only schema.org types and properties, each on a type that has it, with a value it takes",
    (_, review) => {
      expect(schemaOrgProblems(review)).toEqual([]);
    },
  );

  it("checks what it is told to: a made-up property or class, a property on the wrong type, a value out of range, a missing rating", () => {
    const review = reviews[0] as ClaimReview;
    const wrong = {
      ...review,
      verdict: "false",
      author: "Factmark Sample Desk",
      reviewRating: { ...review.reviewRating, headline: "no", alternateName: undefined },
      itemReviewed: { ...review.itemReviewed, "@type": "Allegation" },
    };
    expect(schemaOrgProblems(wrong)).toEqual([
      'ClaimReview.author: "Factmark Sample Desk" is not in its range',
      "Rating.headline: not a property of Rating (it is one of CreativeWork)",
      "ClaimReview.itemReviewed: Allegation is no schema.org class",
      "ClaimReview.verdict: no such schema.org property",
    ]);
    expect(googleFactCheckProblems(wrong)).toEqual([
      "reviewRating.alternateName is required",
      "author with a name is recommended",
      "itemReviewed is recommended: a Claim with an appearance or an author",
    ]);
  });
});

describe("buildClaimReview, the desk's export of the live claims", () => {
  it("never points at the public pages, which show what was published, not the live claims", () => {
    const input = sampleReportInput();
    input.article = {
      ...input.article,
      publication: {
        slug: "iran-admits-supplying-russia-with-drones",
        latestVersion: 2,
        firstPublishedAt: FIRST_PUBLISHED_AT,
        latestPublishedAt: CORRECTED_AT,
        retractedAt: null,
        url: "https://factcheck.example.org/fact-checks/iran-admits-supplying-russia-with-drones",
      },
    };
    const desk = buildClaimReview(buildReportModel(input));
    expect(desk.length).toBeGreaterThan(0);
    expect(desk.filter((review) => review.url.includes("/fact-checks/"))).toEqual([]);
  });

  it("leaves out a speaker whose kind the article does not give, rather than guess a Person", () => {
    const input = sampleReportInput();
    input.article = { ...input.article, speakerKinds: {} };
    const desk = buildClaimReview(buildReportModel(input));
    expect(desk.filter((review) => review.itemReviewed.author !== undefined)).toEqual([]);
  });
});

/**
 * What Google's fact-check structured data documentation (developers.google.com/search/docs/appearance/
 * structured-data/factcheck) requires: ClaimReview `claimReviewed`, `reviewRating` and `url`, the Rating's
 * `alternateName`; and what it recommends and we always give: ClaimReview `author` (with a name) and
 * `itemReviewed` (a Claim with an `appearance` or an `author`), the Rating's `ratingValue`, `bestRating` and
 * `worstRating`.
 */
function googleFactCheckProblems(review: unknown): string[] {
  const problems: string[] = [];
  const node = review as Record<string, unknown> | null;
  if (!node) return ["no ClaimReview"];
  const rating = node.reviewRating as Record<string, unknown> | undefined;
  const item = node.itemReviewed as Record<string, unknown> | undefined;
  const author = node.author as Record<string, unknown> | undefined;
  if (node["@context"] !== "https://schema.org") problems.push('@context must be "https://schema.org"');
  if (node["@type"] !== "ClaimReview") problems.push("@type must be ClaimReview");
  if (typeof node.claimReviewed !== "string" || node.claimReviewed.trim() === "") {
    problems.push("claimReviewed is required");
  }
  if (typeof node.url !== "string" || !/^https?:\/\/[^/]+\//.test(node.url)) problems.push("url is required");
  if (!rating) problems.push("reviewRating is required");
  else {
    if (typeof rating.alternateName !== "string" || rating.alternateName === "") {
      problems.push("reviewRating.alternateName is required");
    }
    for (const key of ["ratingValue", "bestRating", "worstRating"]) {
      if (typeof rating[key] !== "number") problems.push(`reviewRating.${key} is recommended`);
    }
  }
  if (typeof author?.name !== "string") problems.push("author with a name is recommended");
  if (item?.["@type"] !== "Claim" || !(item.appearance || item.author)) {
    problems.push("itemReviewed is recommended: a Claim with an appearance or an author");
  }
  if (typeof node.datePublished !== "string") problems.push("datePublished is recommended");
  return problems;
}

interface VocabularyNode {
  "@id": string;
  "@type": string | string[];
  "rdfs:subClassOf"?: { "@id": string } | { "@id": string }[];
  "schema:domainIncludes"?: { "@id": string } | { "@id": string }[];
  "schema:rangeIncludes"?: { "@id": string } | { "@id": string }[];
}

const vocabulary = new Map(
  (
    JSON.parse(readFixture("test-fixtures/conformance/schema-org/schemaorg-current-https.jsonld")) as {
      "@graph": VocabularyNode[];
    }
  )["@graph"].map((node) => [node["@id"], node]),
);

function ids(value: VocabularyNode["rdfs:subClassOf"]): string[] {
  if (!value) return [];
  return (Array.isArray(value) ? value : [value]).map((entry) => entry["@id"]);
}

function isA(node: VocabularyNode | undefined, type: string): boolean {
  const types = node?.["@type"];
  return Array.isArray(types) ? types.includes(type) : types === type;
}

/** A class and every class it is a subclass of, following rdfs:subClassOf. */
function classAndAncestors(classId: string): Set<string> {
  const found = new Set<string>();
  const queue = [classId];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    if (found.has(next)) continue;
    found.add(next);
    for (const id of ids(vocabulary.get(next)?.["rdfs:subClassOf"])) queue.push(id);
  }
  return found;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether a JSON string or number is a value of one of a property's ranges (the data types, or URL for things). */
function isLiteralInRange(value: string | number, ranges: string[]): boolean {
  const accepted = new Set(ranges.flatMap((range) => [...classAndAncestors(range)]));
  if (typeof value === "number") return accepted.has("schema:Number");
  if (accepted.has("schema:Text")) return true;
  if (accepted.has("schema:Date") && ISO_DATE.test(value)) return true;
  if (accepted.has("schema:DateTime") && ISO_DATE_TIME.test(value)) return true;
  return false;
}

/**
 * Every way a JSON-LD node breaks the schema.org vocabulary: a `@type` that is not a schema.org class, a property
 * that is not a schema.org property or whose `domainIncludes` has neither the node's type nor any class it is a
 * subclass of, a value whose type is not in the property's `rangeIncludes`. Nested nodes are checked the same way.
 */
function schemaOrgProblems(node: unknown, path = ""): string[] {
  const record = node as Record<string, unknown>;
  const type = String(record["@type"]);
  const classId = `schema:${type}`;
  if (!isA(vocabulary.get(classId), "rdfs:Class")) return [`${path || type}: ${type} is no schema.org class`];
  const ancestors = classAndAncestors(classId);
  const problems: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (key.startsWith("@") || value === undefined) continue;
    const at = `${type}.${key}`;
    const property = vocabulary.get(`schema:${key}`);
    if (!isA(property, "rdf:Property")) {
      problems.push(`${at}: no such schema.org property`);
      continue;
    }
    const domains = ids(property?.["schema:domainIncludes"]);
    if (!domains.some((domain) => ancestors.has(domain))) {
      const owners = domains.map((domain) => domain.replace("schema:", "")).join(", ");
      problems.push(`${at}: not a property of ${type} (it is one of ${owners})`);
      continue;
    }
    const ranges = ids(property?.["schema:rangeIncludes"]);
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === "string" || typeof item === "number") {
        if (!isLiteralInRange(item, ranges)) problems.push(`${at}: ${JSON.stringify(item)} is not in its range`);
        continue;
      }
      const nestedType = `schema:${String((item as Record<string, unknown>)["@type"])}`;
      if (!isA(vocabulary.get(nestedType), "rdfs:Class")) {
        problems.push(`${at}: ${nestedType.replace("schema:", "")} is no schema.org class`);
        continue;
      }
      if (!ranges.some((range) => classAndAncestors(nestedType).has(range))) {
        problems.push(`${at}: a ${nestedType} is not in its range`);
        continue;
      }
      for (const problem of schemaOrgProblems(item, at)) problems.push(problem);
    }
  }
  return problems;
}
