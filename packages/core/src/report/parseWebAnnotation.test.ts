import { describe, expect, it } from "vitest";
import { AppError } from "../errors/AppError";
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

  it("names the annotation whose verdict it does not know", () => {
    const document = exported();
    document.first.items[1].body[0].value = "Mostly false";
    const error = errorOf(document);
    expect(error.message).toContain(
      'first.items.1.body.0.value: "Mostly false" is not a verdict (Supported, Contradicted, Unverified).',
    );
  });

  it("names a target it cannot place", () => {
    const document = exported();
    document.first.items[0].target = { type: "SpecificResource", source: "https://example.org/x" };
    expect(errorOf(document).message).toContain("first.items.0.target: The target has neither");
  });

  it("refuses a quote that is not at its position (422)", () => {
    const document = exported();
    document.first.items[0].target.selector[1].start += 2;
    document.first.items[0].target.selector[1].end += 2;
    const error = errorOf(document);
    expect(error.code).toBe("UNPROCESSABLE");
    expect(error.message).toContain("first.items.0: The quoted text is not at the given position in the article.");
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
    expect(parseWebAnnotation(document).claims[0]?.verdict).toBe("unverified");
  });
});
