import { describe, expect, it } from "vitest";
import { AppError } from "../errors/AppError";
import { LOCAL_REVIEWER, sampleReportInput } from "../testing/sampleReport";
import { buildNativeJson } from "./buildNativeJson";
import { buildReportModel } from "./buildReportModel";
import { parseNativeJson } from "./parseNativeJson";

function exported(): Record<string, unknown> & { claims: Record<string, unknown>[] } {
  return JSON.parse(JSON.stringify(buildNativeJson(buildReportModel(sampleReportInput()))));
}

/** The export as the server writes it: with the whole history. */
function exportedWithHistory(): Record<string, unknown> & {
  claims: Record<string, unknown>[];
  events: Record<string, unknown>[];
} {
  return JSON.parse(JSON.stringify(buildNativeJson(buildReportModel(sampleReportInput(), { history: "include" }))));
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

  it("keeps who made each claim, evidence item and link and when, and a re-import's first author", () => {
    const document = exportedWithHistory();
    const input = sampleReportInput();
    document.claims[0] = { ...document.claims[0], originalAuthorName: "Ana Ruiz" };
    const imported = parseNativeJson(document);
    const byId = new Map(input.claims.map((claim) => [claim.id, claim]));
    expect(imported.claims.map((claim) => claim.origin)).toEqual(
      imported.claims.map((claim, index) => {
        const original = byId.get(claim.sourceId ?? "");
        return { authorName: index === 0 ? "Ana Ruiz" : original?.createdBy.name, at: original?.createdAt };
      }),
    );
    expect(imported.claims.flatMap((claim) => claim.evidence.map((item) => item.origin))).toEqual(
      input.evidence.map((item) => ({ authorName: item.createdBy.name, at: item.createdAt })),
    );
    expect(imported.links.map((link) => link.origin)).toEqual(
      input.links.map((link) => ({ authorName: link.createdBy.name, at: link.createdAt })),
    );
  });

  it("reads the whole history, each entry with its action, values, person and time, on its claim", () => {
    const input = sampleReportInput();
    const imported = parseNativeJson(exportedWithHistory());
    const keyOf = (claim: number | null) => (claim === null ? null : imported.claims[claim]?.sourceId);
    const events = [...input.events].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    expect(
      imported.history?.map((event) => ({
        id: event.sourceId,
        claimId: keyOf(event.claim),
        action: event.action,
        from: event.from,
        to: event.to,
        by: event.origin.authorName,
        at: event.origin.at,
      })),
    ).toEqual(
      events.map((event) => ({
        id: event.id,
        claimId: event.claimId,
        action: event.action,
        from: "from" in event ? event.from : undefined,
        to: "to" in event ? event.to : undefined,
        by: event.by.name,
        at: event.at,
      })),
    );
  });

  it("reads each claim's reviews from its history, so two people's approvals stay two", () => {
    const document = exportedWithHistory();
    const claimId = document.claims[0]?.id as string;
    const review = (reviewId: string, name: string, at: string) => ({
      id: `evt_${reviewId}`,
      at,
      by: { id: "importer", name: "Ines Importer" },
      originalActorName: name,
      claimId,
      action: "claim.reviewed",
      to: { reviewId, decision: "approve", note: null, round: 1, status: "approved" },
    });
    document.events.push(review("rev_1", "Ana Ruiz", "2026-01-11T09:00:00.000Z"));
    document.events.push(review("rev_2", "Ben Ortiz", "2026-01-11T10:00:00.000Z"));
    document.claims[0] = { ...document.claims[0], status: "approved", approvals: 2 };
    const [claim] = parseNativeJson(document).claims.filter((item) => item.sourceId === claimId);
    expect(claim?.workflow).toMatchObject({
      status: "approved",
      reviewRound: 1,
      reviews: [
        { sourceId: "rev_1", decision: "approve", origin: { authorName: "Ana Ruiz", at: "2026-01-11T09:00:00.000Z" } },
        { sourceId: "rev_2", decision: "approve", origin: { authorName: "Ben Ortiz", at: "2026-01-11T10:00:00.000Z" } },
      ],
    });
  });

  it("reads who set each verdict: their account when the history shows them giving it, else only their name", () => {
    const setterOf = (document: ReturnType<typeof exportedWithHistory>) =>
      parseNativeJson(document).claims.find((claim) => claim.sourceId === "clm_malley")?.workflow?.verdictSetBy;
    const withSetter = () => {
      const document = exportedWithHistory();
      const malley = document.claims.find((claim) => claim.id === "clm_malley");
      if (malley) malley.verdictSetBy = LOCAL_REVIEWER;
      return document;
    };
    const verdictEntry = (document: ReturnType<typeof exportedWithHistory>) =>
      document.events.find((event) => event.claimId === "clm_malley" && event.action === "claim.verdict_changed");

    expect(setterOf(withSetter())).toEqual({
      authorName: LOCAL_REVIEWER.name,
      accountId: LOCAL_REVIEWER.id,
      at: verdictEntry(withSetter())?.at,
    });
    // An export of an import: the account only brought the verdict in; who gave it is a name.
    const chained = withSetter();
    const importer = { id: "ines", name: "Ines Importer" };
    Object.assign(verdictEntry(chained) ?? {}, { by: importer, originalActorName: "Ana Ruiz" });
    Object.assign(chained.claims.find((claim) => claim.id === "clm_malley") ?? {}, { verdictSetBy: importer });
    expect(setterOf(chained)).toMatchObject({ authorName: "Ana Ruiz" });
    expect(setterOf(chained)).not.toHaveProperty("accountId");
    // A history that does not show the verdict given vouches for nobody's account.
    const unshown = withSetter();
    unshown.events = unshown.events.filter((event) => event !== verdictEntry(unshown));
    expect(setterOf(unshown)).toEqual({ authorName: LOCAL_REVIEWER.name, at: null });
    // Nobody sets an unverified verdict.
    const [zelenskyy] = parseNativeJson(withSetter()).claims.filter((claim) => claim.sourceId === "clm_zelenskyy");
    expect(zelenskyy?.workflow?.verdictSetBy).toBeNull();
  });

  it("keeps the article's own times", () => {
    const { article } = parseNativeJson(exportedWithHistory());
    expect([article.createdAt, article.updatedAt]).toEqual([
      sampleReportInput().article.createdAt,
      sampleReportInput().article.updatedAt,
    ]);
  });

  it("refuses a history entry whose values do not fit its action, naming it", () => {
    const document = exportedWithHistory();
    document.events[1] = { ...document.events[1], action: "claim.verdict_changed", from: "maybe", to: "true" };
    const error = errorOf(document);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.message).toMatch(/events\.1\.from: /);
  });

  it("refuses a history entry on a claim the document does not have (422)", () => {
    const document = exportedWithHistory();
    document.events[1] = { ...document.events[1], claimId: "clm_gone" };
    const error = errorOf(document);
    expect(error.code).toBe("UNPROCESSABLE");
    expect(error.message).toContain('events.1: The history entry is on claim "clm_gone"');
  });
});
