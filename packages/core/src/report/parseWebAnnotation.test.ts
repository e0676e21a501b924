import { describe, expect, it } from "vitest";
import { AppError } from "../errors/AppError";
import { readFixture } from "../testing/readFixture";
import { sampleReportInput } from "../testing/sampleReport";
import { buildReportModel } from "./buildReportModel";
import { buildWebAnnotation } from "./buildWebAnnotation";
import { parseWebAnnotation } from "./parseWebAnnotation";

// biome-ignore lint/suspicious/noExplicitAny: the tests break exported JSON one field at a time, wherever it is.
type Json = Record<string, any>;

function exported(): Json {
  return JSON.parse(JSON.stringify(buildWebAnnotation(buildReportModel(sampleReportInput()))));
}

function errorOf(document: unknown): AppError {
  try {
    parseWebAnnotation(document);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the import to fail");
}

describe("parseWebAnnotation", () => {
  it("refuses a document without the annotation context", () => {
    const error = errorOf({ ...exported(), "@context": "https://schema.org" });
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.message).toContain('@context: "@context" must be "http://www.w3.org/ns/anno.jsonld".');
  });

  it("explains that a collection without the article text cannot be placed", () => {
    const document = exported();
    delete document["schema:about"];
    expect(errorOf(document).message).toContain('does not describe the article under "schema:about"');
  });

  it("refuses a collection whose pages are not embedded", () => {
    expect(errorOf({ ...exported(), first: "https://example.org/page1" }).message).toContain('"first" page');
  });

  it("names the annotation whose verdict term it does not know", () => {
    const document = exported();
    document.first.items[1].verdict = "Mostly false";
    const error = errorOf(document);
    expect(error.message).toContain(
      'first.items.1.verdict: "Mostly false" is not a verdict (Supported, Contradicted, Unverified).',
    );
  });

  it("reads another tool's assessing value through the tag table, keeping it in the rationale", () => {
    const document = exported();
    delete document.first.items[1].verdict;
    document.first.items[1].body[0].value = "Mostly false";
    const claim = parseWebAnnotation(document).claims[1];
    expect(claim?.verdict).toBe("unverified");
    expect(claim?.rationale).toMatch(/Tags: Mostly false$/);
  });

  it("names a target it cannot place", () => {
    const document = exported();
    document.first.items[0].target = { type: "SpecificResource", source: "https://example.org/x" };
    expect(errorOf(document).message).toContain("first.items.0: Its target has no selector");
  });

  it("places a claim by its quote when its position disagrees (a web page counts no paragraph breaks)", () => {
    const document = exported();
    const before = parseWebAnnotation(exported()).claims.map((claim) => claim.selectors);
    document.first.items[0].target.selector[1].start -= 2;
    document.first.items[0].target.selector[1].end -= 2;
    expect(parseWebAnnotation(document).claims.map((claim) => claim.selectors)).toEqual(before);
  });

  it("refuses a position alone that is outside the text (422)", () => {
    const document = exported();
    document.first.items[0].target.selector = [{ type: "TextPositionSelector", start: 100_000, end: 100_010 }];
    const error = errorOf(document);
    expect(error.code).toBe("UNPROCESSABLE");
    expect(error.message).toContain("first.items.0: Its position 100000–100010 (in code points) is outside");
  });

  it("keeps a claim whose quote is no longer in the text as an orphan", () => {
    const document = exported();
    document.first.items[0].target.selector[0].exact = "words that are in no article";
    const orphan = parseWebAnnotation(document).claims.find((claim) => claim.isOrphaned);
    expect(orphan?.selectors.quote.exact).toBe("words that are in no article");
  });

  it("reads code point positions, Factmark's own terms, and each item's author and time", () => {
    const imported = parseWebAnnotation(
      JSON.parse(readFixture("test-fixtures/annotations/factmark-export-code-points.json")),
    );
    const { text } = imported.article;
    expect(
      imported.claims.map((claim) => text.slice(claim.selectors.position.start, claim.selectors.position.end)),
    ).toEqual(["crime fell 👍🏽 by 12%", "last year"]);
    const [crime, year] = imported.claims;
    expect(crime).toMatchObject({
      verdict: "contradicted",
      speaker: "The mayor",
      rationale: "Police figures show a 3% fall.",
      origin: { authorName: "Ana Ruiz", at: "2026-11-20T10:00:00.000Z" },
      evidence: [
        {
          url: "https://police.example/stats",
          title: "Crime statistics",
          excerpt: null,
          stance: "contradicts",
          // A body is the annotation's: its creator's, at its time.
          origin: { authorName: "Ana Ruiz", at: "2026-11-20T10:00:00.000Z" },
        },
      ],
    });
    expect(year?.verdict).toBe("supported");
    // linkFrom/linkTo say the direction, against the order of the two targets.
    expect(imported.links).toEqual([
      {
        fromClaim: 1,
        toClaim: 0,
        kind: "supports",
        note: null,
        origin: { authorName: "Ana Ruiz", at: "2026-11-22T09:00:00.000Z" },
      },
    ]);
  });

  it("follows embedded next pages, and refuses a page given only by its address", () => {
    const document = exported();
    const items = document.first.items;
    document.first.items = items.slice(0, 2);
    document.first.next = { type: "AnnotationPage", items: items.slice(2) };
    expect(parseWebAnnotation(document).claims).toHaveLength(parseWebAnnotation(exported()).claims.length);
    document.first.next.next = "https://example.org/page3";
    expect(errorOf(document).message).toContain('first.next.next: The page "https://example.org/page3"');
  });

  it("refuses evidence that is not an http(s) link", () => {
    const document = exported();
    document.first.items[0].body[3].source.id = "javascript:alert(1)";
    expect(errorOf(document).message).toContain(
      "first.items.0.body.3.source: Evidence must link to an http:// or https:// URL.",
    );
  });

  it("refuses a link to an annotation that is not in the collection", () => {
    const document = exported();
    const link = document.first.items.find((item: Json) => item.motivation === "linking");
    link.target[1] = "https://elsewhere.example/annotations/1";
    link.linkTo = "https://elsewhere.example/annotations/1";
    expect(errorOf(document).message).toContain("The link names a claim that is not in the document");
  });

  it("places a claim from a quote selector alone, using prefix and suffix", () => {
    const document = exported();
    for (const item of document.first.items) {
      if (item.motivation === "assessing") item.target.selector = [item.target.selector[0]];
    }
    const imported = parseWebAnnotation(document);
    expect(imported.claims.map((claim) => claim.selectors.position.start)).toEqual([658, 833, 1006, 1522]);
  });

  it("treats an annotation without an assessing body as unverified", () => {
    const document = exported();
    document.first.items[0].body = document.first.items[0].body.slice(1);
    delete document.first.items[0].verdict;
    expect(parseWebAnnotation(document).claims[0]?.verdict).toBe("unverified");
  });
});
