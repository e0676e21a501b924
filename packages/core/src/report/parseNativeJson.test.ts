import { describe, expect, it } from "vitest";
import { AppError } from "../errors/AppError";
import { sampleReportInput } from "../testing/sampleReport";
import { buildNativeJson } from "./buildNativeJson";
import { buildReportModel } from "./buildReportModel";
import { parseNativeJson } from "./parseNativeJson";

function exported(): Record<string, unknown> & { claims: Record<string, unknown>[] } {
  return JSON.parse(JSON.stringify(buildNativeJson(buildReportModel(sampleReportInput()))));
}

function errorOf(document: unknown): AppError {
  try {
    parseNativeJson(document);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the import to fail");
}

describe("parseNativeJson", () => {
  it("refuses what is not a native export, saying what it expected", () => {
    const error = errorOf({ hello: "world" });
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.message).toContain('format: "format" must be "factmark.report".');
  });

  it("refuses another schema version", () => {
    expect(errorOf({ ...exported(), schemaVersion: 2 }).message).toContain("schemaVersion");
  });

  it("names the claim whose verdict is unknown", () => {
    const document = exported();
    (document.claims[2] as { verdict: string }).verdict = "mostly-true";
    const error = errorOf(document);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.message).toMatch(/claims\.2\.verdict: /);
    expect(error.details).toMatchObject({ issues: [{ path: "claims.2.verdict" }] });
  });

  it("refuses evidence that links to a javascript: URL", () => {
    const document = exported();
    (document.evidence as { url: string }[])[0] = {
      ...(document.evidence as { url: string }[])[0],
      url: "javascript:alert(1)",
    } as { url: string };
    expect(errorOf(document).message).toContain("evidence.0.url: Give a full http:// or https:// URL.");
  });

  it("refuses a quote that is not at its position (422), naming the claim", () => {
    const document = exported();
    const selectors = (document.claims[1] as { selectors: { position: { start: number; end: number } } }).selectors;
    selectors.position = { start: selectors.position.start + 1, end: selectors.position.end + 1 };
    const error = errorOf(document);
    expect(error.code).toBe("UNPROCESSABLE");
    expect(error.message).toContain("claims.1: The quoted text is not at the given position in the article.");
  });

  it("refuses links and evidence for claims that are not in the document", () => {
    const document = exported();
    (document.links as { toClaimId: string }[])[0] = {
      ...(document.links as { toClaimId: string }[])[0],
      toClaimId: "clm_missing",
    } as { toClaimId: string };
    const error = errorOf(document);
    expect(error.code).toBe("UNPROCESSABLE");
    expect(error.message).toContain('links.0: The link names a claim that is not in the document: "clm_missing".');
  });

  it("refuses a document nested deeper than any article", () => {
    let doc: Record<string, unknown> = { type: "text", text: "x" };
    for (let depth = 0; depth < 5000; depth += 1) doc = { type: "blockquote", content: [doc] };
    const error = errorOf({ ...exported(), article: { ...(exported().article as object), doc } });
    expect(error.message).toContain("nests deeper");
  });

  it("refuses an article body with attributes the editor's schema would drop, naming each, rather than storing less", () => {
    const document = exported();
    const article = document.article as { doc: { content: Record<string, unknown>[] } };
    const [first, second] = article.doc.content;
    article.doc.content[0] = { ...first, attrs: { style: "display:none" } };
    article.doc.content[1] = { ...second, attrs: { onmouseover: "alert(1)" } };
    const error = errorOf(document);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details).toMatchObject({
      issues: [{ path: "article.doc.content.0.attrs.style" }, { path: "article.doc.content.1.attrs.onmouseover" }],
    });
  });

  it("still reads its own export, whose body has only the editor's attributes", () => {
    expect(parseNativeJson(exported()).article.title).toBe(sampleReportInput().article.title);
  });

  it("refuses input that is not an object at all", () => {
    expect(errorOf(null).code).toBe("VALIDATION_FAILED");
    expect(errorOf("a string").code).toBe("VALIDATION_FAILED");
  });
});
